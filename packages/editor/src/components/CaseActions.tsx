/**
 * The case actions of a scheme page: open the chosen case's form (填报), create a case under this
 * scheme (新建案例), 下载模板 (the office route's fill-in workbook) and 上传 Excel (the import route reads a
 * filled workbook into cases, nothing saved; each opens in the case form to be checked and saved; the
 * cells it could not read are listed by sheet and cell, apart from the warnings — a reviewer item not
 * scored yet is 待评审, no error of the department's workbook).
 */
import { useRef, useState } from 'react';
import { api, downloadFile, officeUrls } from '../api/client.ts';
import type { CaseDoc } from '../model/types.ts';
import { caseHash, putPendingCase } from '../state/pending-cases.ts';

export interface CaseActionsProps {
  family: string;
  year: number;
  /** The case chosen in 案例得分 (`year/id`), or null. */
  caseKey: string | null;
}

export function CaseActions({ family, year, caseKey }: CaseActionsProps) {
  const file = useRef<HTMLInputElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<{ sheet: string; cell: string; message: string; severity?: 'error' | 'warning' }[]>([]);
  const [opened, setOpened] = useState<{ name: string; href: string; issues: number }[]>([]);
  const [chosenYear, chosenId] = caseKey ? [Number(caseKey.split('/')[0]), caseKey.slice(caseKey.indexOf('/') + 1)] : [null, null];

  const upload = async (files: FileList | null) => {
    const f = files?.[0];
    if (file.current) file.current.value = '';
    if (!f) return;
    setBusy(true);
    setError(null);
    setProblems([]);
    setOpened([]);
    try {
      const r = await api.importWorkbook(family, year, f);
      setProblems(r.problems);
      const links = r.cases.map(({ doc, issues }) => {
        const d = doc as CaseDoc;
        putPendingCase(family, d);
        return { name: d.name, href: caseHash(family, d.year, d.id), issues: issues.length };
      });
      setOpened(links);
      // warnings (待评审: the reviewer's items) do not keep the one case read from opening
      if (links.length === 1 && !r.problems.some((p) => p.severity !== 'warning')) window.location.hash = (links[0] as { href: string }).href;
      if (!links.length && !r.problems.length) setError('工作簿中没有读到案例。');
    } catch (e) {
      setError(`上传未完成：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const errors = problems.filter((p) => p.severity !== 'warning');
  const warnings = problems.filter((p) => p.severity === 'warning');

  return (
    <div className="case-actions">
      {chosenId !== null && chosenYear !== null ? (
        <a className="small-btn" href={caseHash(family, chosenYear, chosenId)}>
          填报/审核此案例
        </a>
      ) : null}
      <a className="small-btn" href={`#/new-case/${encodeURIComponent(family)}/${year}`}>
        新建案例
      </a>
      <button
        type="button"
        className="small-btn"
        onClick={() => {
          setError(null);
          downloadFile(officeUrls.template(family, year), `${family}-${year}-填报模板.xlsx`).catch((e: unknown) => setError(`下载未完成：${e instanceof Error ? e.message : String(e)}`));
        }}
      >
        下载模板
      </button>
      <button type="button" className="small-btn" disabled={busy} onClick={() => file.current?.click()}>
        {busy ? '正在读取…' : '上传 Excel'}
      </button>
      <input ref={file} type="file" hidden accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label="上传 Excel" onChange={(e) => void upload(e.target.files)} />
      {error ? <div className="error-text small">{error}</div> : null}
      {errors.length ? (
        <div className="issue-list" role="alert">
          <div className="issue-title">以下单元格未能读取（请改正后重新上传，或在表单中补填）：</div>
          <ProblemList problems={errors} />
        </div>
      ) : null}
      {warnings.length ? (
        <div className="issue-list">
          <div className="issue-title">提示（不妨碍保存；“待评审”项由评审在案例提交后录入）：</div>
          <ProblemList problems={warnings} />
        </div>
      ) : null}
      {opened.length ? (
        <div className="small">
          读到 {opened.length} 个案例（尚未保存，打开后核对并保存）：
          <ul>
            {opened.map((o) => (
              <li key={o.href}>
                <a href={o.href}>{o.name}</a>
                {o.issues ? <span className="muted">（{o.issues} 个问题）</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** Workbook problems, each beginning with its sheet!cell (named once when the message already does). */
function ProblemList({ problems }: { problems: { sheet: string; cell: string; message: string }[] }) {
  return (
    <ul>
      {problems.map((p, n) => (
        <li key={n}>{p.message.startsWith(`${p.sheet}!${p.cell}`) ? p.message : `${p.sheet}!${p.cell}：${p.message}`}</li>
      ))}
    </ul>
  );
}

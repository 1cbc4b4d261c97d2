/**
 * 新建案例 (`#/new-case/<family>/<year>`): a case for a department (or a project) under the scheme of
 * that year — its name, department and id — opened in the case form, where it is saved (created with
 * If-None-Match: *, so an id already taken is refused rather than overwritten).
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { Scheme } from '../model/types.ts';
import { CASE_FIELD_LABELS } from '@jixiao/engine';
import { evaluationKindOf, newCaseDoc, newCaseProblems } from '../model/case-form.ts';
import { caseHash, putPendingCase } from '../state/pending-cases.ts';

export function NewCasePage({ family, year }: { family: string; year: number }) {
  const [scheme, setScheme] = useState<Scheme | null>(null);
  const [taken, setTaken] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState({ id: '', name: '', department: '' });
  const [tried, setTried] = useState(false);
  useEffect(() => {
    api.getScheme(family, year).then(
      (r) => setScheme(r.doc as Scheme),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    api.listCases(family).then(
      (l) => setTaken(l.filter((c) => c.year === year).map((c) => c.id)),
      () => setTaken([]),
    );
  }, [family, year]);
  if (error) return <div className="page-message error">无法读取方案：{error}</div>;
  if (!scheme) return <div className="page-message">正在读取方案…</div>;
  const kind = evaluationKindOf(scheme);
  const label = CASE_FIELD_LABELS[kind];
  const problems = newCaseProblems(fields, taken, kind);
  const create = () => {
    setTried(true);
    if (problems.length) return;
    const doc = newCaseDoc(scheme, fields);
    putPendingCase(family, doc);
    window.location.hash = caseHash(family, doc.year, doc.id);
  };
  const field = (k: keyof typeof fields, label: string, hint: string) => (
    <div className="form-row">
      <label className="form-label" htmlFor={`new-${k}`}>
        {label}
      </label>
      <div className="form-control">
        <input id={`new-${k}`} aria-label={label} value={fields[k]} onChange={(e) => setFields((f) => ({ ...f, [k]: e.target.value }))} style={{ width: 420 }} />
        <span className="hint">{hint}</span>
      </div>
    </div>
  );
  return (
    <div className="library">
      <p>
        <a href={`#/scheme/${encodeURIComponent(family)}/${year}`}>← 返回 {scheme.title}</a>
      </p>
      <h1>新建案例</h1>
      <p className="muted">
        在 {scheme.title}（{year}年）下为一个部门或项目新建案例。创建后逐项填写事实与佐证，保存后可提交评审。
      </p>
      <form
        className="new-case-form"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        {field('department', label.department, kind === 'project' ? '如 深圳市商务局' : '如 深圳市文化广电旅游体育局')}
        {field('name', label.name, kind === 'project' ? '如 商务发展专项资金-外经贸领域' : '如 深圳市文化广电旅游体育局2024年度部门整体支出绩效自评')}
        {field('id', '案例标识', '用于网址和导出的文件名，如 shenzhen-culture（文字、数字与 _ . -）')}
        {tried && problems.length ? (
          <ul className="error-text" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <button type="submit" className="open-link">
          创建并开始填报
        </button>
      </form>
    </div>
  );
}

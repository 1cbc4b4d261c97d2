/**
 * 新建案例 (`#/new-case/<family>/<year>`): a case for a department (or a project) under the scheme of
 * that year — its name, department and id — opened in the case form, where it is saved (created with
 * If-None-Match: *, so an id already taken is refused rather than overwritten).
 *
 * Nothing typed is lost: the form's fields are kept in this tab's stash (state/local-draft.ts) until the case
 * is created, so a reload brings them back; and the family's new cases not saved yet (kept by the case page
 * with the base '') are listed — this tab's to continue, a closed tab's to 恢复 or 丢弃, another open tab's
 * only named (that tab is filling it in).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { Scheme } from '../model/types.ts';
import { CASE_FIELD_LABELS } from '@jixiao/engine';
import { evaluationKindOf, newCaseDoc, newCaseProblems } from '../model/case-form.ts';
import { caseHash, putPendingCase } from '../state/pending-cases.ts';
import type { CaseDoc } from '../model/types.ts';
import { adoptStash, clearStash, familyCasesPrefix, HEARTBEAT_MS, liveTabs, loadStash, newCaseFormDoc, stashesUnder, storeStash, type FoundStash } from '../state/local-draft.ts';
import { useOtherTabs } from '../state/useOtherTabs.ts';

type Fields = { id: string; name: string; department: string };
const EMPTY: Fields = { id: '', name: '', department: '' };

/** Fields read back from a stash's text, or null when it holds none. */
function fieldsOf(text: string): Fields | null {
  try {
    const f = JSON.parse(text) as Partial<Record<keyof Fields, unknown>>;
    const s = (v: unknown) => (typeof v === 'string' ? v : '');
    return f && typeof f === 'object' ? { id: s(f.id), name: s(f.name), department: s(f.department) } : null;
  } catch {
    return null;
  }
}

/** A stashed new case of the family: its document read back, or null. */
function caseOf(s: FoundStash): CaseDoc | null {
  try {
    const d = JSON.parse(s.draft.text) as CaseDoc;
    return d && typeof d === 'object' && typeof d.id === 'string' && typeof d.year === 'number' ? d : null;
  } catch {
    return null;
  }
}

const whenOf = (s: { draft: { savedAt: string } }) => (s.draft.savedAt ? `在 ${new Date(s.draft.savedAt).toLocaleString('zh-CN')} ` : '');

/** The family's new cases not saved yet, kept by any tab (the case page stashes them with the base ''). */
function useUnsavedNewCases(family: string): { list: { stash: FoundStash; doc: CaseDoc }[]; rescan(): void } {
  const [list, setList] = useState<{ stash: FoundStash; doc: CaseDoc }[]>([]);
  const rescan = useCallback(() => {
    void liveTabs().then((live) =>
      setList(
        stashesUnder(familyCasesPrefix(family), Date.now(), live)
          .filter((s) => s.draft.baseEtag === '')
          .flatMap((stash) => {
            const doc = caseOf(stash);
            return doc ? [{ stash, doc }] : [];
          }),
      ),
    );
  }, [family]);
  useEffect(() => {
    rescan();
    window.addEventListener('storage', rescan);
    const every = setInterval(rescan, HEARTBEAT_MS);
    return () => {
      window.removeEventListener('storage', rescan);
      clearInterval(every);
    };
  }, [rescan]);
  return { list, rescan };
}

export function NewCasePage({ family, year }: { family: string; year: number }) {
  const [scheme, setScheme] = useState<Scheme | null>(null);
  const [taken, setTaken] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const formDoc = newCaseFormDoc(family, year);
  const [kept] = useState(() => {
    const local = loadStash(formDoc);
    return local ? fieldsOf(local.text) : null;
  });
  const [fields, setFields] = useState<Fields>(kept ?? EMPTY);
  const [tried, setTried] = useState(false);
  const created = useRef(false);
  const formTabs = useOtherTabs(formDoc);
  const unsaved = useUnsavedNewCases(family);

  // Keep what is typed in this tab's stash until the case is created (debounced); nothing typed, nothing kept.
  useEffect(() => {
    const t = setTimeout(() => {
      if (created.current) return;
      if (fields.id || fields.name || fields.department) storeStash(formDoc, { text: JSON.stringify(fields), baseEtag: '', savedAt: new Date().toISOString() });
      else clearStash(formDoc);
    }, 250);
    return () => clearTimeout(t);
  }, [fields, formDoc]);
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
    created.current = true;
    clearStash(formDoc);
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
      {unsaved.list.length ? (
        <section className="banner info" aria-label="未保存的新案例" data-testid="unsaved-new-cases">
          <div>以下新案例尚未保存到服务器：</div>
          <ul>
            {unsaved.list.map(({ stash, doc }) => (
              <li key={`${stash.doc}#${stash.tab}`} data-case={doc.id}>
                “{doc.name || doc.id}”（标识 {doc.id}，{doc.year}年度）
                {stash.own ? (
                  <>
                    ，本窗口{whenOf(stash)}的修改。{' '}
                    <a className="small-btn" href={caseHash(family, doc.year, doc.id)}>
                      继续填写
                    </a>
                  </>
                ) : stash.live ? (
                  <>，另一个窗口正在填写（{whenOf(stash)}暂存），请在那个窗口中保存。</>
                ) : (
                  <>
                    ，一个已关闭的窗口{whenOf(stash)}留下的未保存的修改。{' '}
                    <button
                      type="button"
                      className="small-btn"
                      onClick={() => {
                        // this tab's own stash of that case, if any, is not overwritten: the case page then offers the closed tab's
                        adoptStash(stash.doc, stash.tab);
                        window.location.hash = caseHash(family, doc.year, doc.id);
                      }}
                    >
                      恢复
                    </button>{' '}
                    <button
                      type="button"
                      className="small-btn"
                      onClick={() => {
                        if (!window.confirm(`丢弃未保存的新案例“${doc.name || doc.id}”？此操作不能撤销。`)) return;
                        clearStash(stash.doc, stash.tab);
                        unsaved.rescan();
                      }}
                    >
                      丢弃
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {kept ? (
        <div className="banner info" role="status" data-testid="new-case-restored">
          已恢复您未完成的填写。
        </div>
      ) : null}
      {formTabs.orphans.map((o) => {
        const f = fieldsOf(o.draft.text);
        return f ? (
          <div className="banner info" role="status" data-testid="orphan-new-case-form" key={o.tab || 'legacy'}>
            一个已关闭的窗口{whenOf(o)}留下了未完成的新建案例填写（{f.name || f.department || f.id}）。{' '}
            <button
              type="button"
              className="small-btn"
              onClick={() => {
                if (!(fields.id || fields.name || fields.department) || window.confirm('用那个窗口的填写替换本窗口当前的填写？')) {
                  const taken = formTabs.take(o.tab);
                  const g = taken ? fieldsOf(taken.draft.text) : null;
                  if (g) setFields(g);
                }
              }}
            >
              填入
            </button>{' '}
            <button type="button" className="small-btn" onClick={() => formTabs.discard(o.tab)}>
              丢弃
            </button>
          </div>
        ) : null;
      })}
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

/**
 * 影响预览 panel of the scheme page: the draft (as it is being edited) against the version it is
 * based on, over every saved case of the family (including cases just created in the case form), each
 * once — the case open in 案例得分 with its "what if" values in place of its saved version — plus the
 * case files the user adds; recomputed by the engine in the versions worker whenever the draft changes.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SimulationCase } from '@jixiao/engine';
import { api, readDocument } from '../api/client.ts';
import type { SchemeSummary } from '../api/types.ts';
import { useVersionsJob } from '../worker/useVersionsJob.ts';
import type { ImpactJob, ImpactOutcome } from '../worker/versions-protocol.ts';
import { IssueList } from '../components/fields.tsx';
import { ImpactView } from './ImpactView.tsx';
import { leafIdsOf } from './scheme-info.ts';

export interface ImpactPanelProps {
  family: string;
  year: number;
  /** The draft as currently edited. */
  doc: unknown;
  /** Every version of the family (for the baseline choice). */
  versions: SchemeSummary[];
  /** The case currently open in 案例得分, with its "what if" values (`changed`): it replaces that saved case. */
  whatIf: { name: string; input: SimulationCase['input']; changed: boolean } | null;
  /** `year/id` of that case (the id of its row among the family's cases). */
  whatIfKey?: string | null;
}

/** The default baseline: what the draft is based on, else the newest earlier year, else any other. */
export function defaultBaseline(doc: unknown, year: number, versions: SchemeSummary[]): number | null {
  const others = versions.filter((v) => v.year !== year && v.status !== 'unknown').map((v) => v.year);
  const based = (doc as { basedOn?: { year?: unknown } } | null)?.basedOn?.year;
  if (typeof based === 'number' && others.includes(based)) return based;
  const earlier = others.filter((y) => y < year).sort((a, b) => b - a);
  return earlier[0] ?? others.sort((a, b) => b - a)[0] ?? null;
}

export function ImpactPanel(p: ImpactPanelProps) {
  const [baselineYear, setBaselineYear] = useState<number | null>(() => defaultBaseline(p.doc, p.year, p.versions));
  const [baseline, setBaseline] = useState<unknown>(null);
  const [familyCases, setFamilyCases] = useState<SimulationCase[] | null>(null);
  const [added, setAdded] = useState<SimulationCase[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement | null>(null);
  const nextAdded = useRef(1);

  useEffect(() => {
    if (baselineYear === null) setBaselineYear(defaultBaseline(p.doc, p.year, p.versions));
  }, [p.versions, p.doc, p.year, baselineYear]);

  useEffect(() => {
    if (baselineYear === null) return;
    let live = true;
    setBaseline(null);
    api.getScheme(p.family, baselineYear).then(
      (r) => live && setBaseline(r.doc),
      (e: unknown) => live && setLoadError(`无法读取${baselineYear}年方案：${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [p.family, baselineYear]);

  useEffect(() => {
    let live = true;
    (async () => {
      const all = (await api.listCases(p.family)).filter((c) => !c.error);
      // each saved case once, even if the server lists it twice
      const list = all.filter((c, i) => all.findIndex((x) => x.year === c.year && x.id === c.id) === i);
      const docs = await Promise.all(list.map((c) => api.getCase(p.family, c.year, c.id)));
      const out = list.map((c, i): SimulationCase => {
        const sc: SimulationCase = { id: `${c.year}/${c.id}`, name: c.name, input: docs[i] as SimulationCase['input'] };
        if (c.scheme) sc.scheme = c.scheme;
        return sc;
      });
      if (live) setFamilyCases(out);
    })().catch((e: unknown) => live && setLoadError(`无法读取案例：${e instanceof Error ? e.message : String(e)}`));
    return () => {
      live = false;
    };
  }, [p.family]);

  const whatIf = p.whatIf;
  const whatIfKey = p.whatIfKey ?? null;
  const cases = useMemo<SimulationCase[] | null>(() => {
    if (!familyCases) return null;
    if (!whatIf?.changed || whatIfKey === null) return familyCases;
    return familyCases.map((c) => (c.id === whatIfKey ? { ...c, name: whatIf.name, input: whatIf.input } : c));
  }, [familyCases, whatIf, whatIfKey]);
  const job = useMemo<ImpactJob | null>(
    () => (baseline && cases && p.doc ? { kind: 'impact', draft: p.doc, baseline, cases: [...cases, ...added] } : null),
    [baseline, cases, added, p.doc],
  );
  const state = useVersionsJob<ImpactOutcome>(job);
  // keep the last computable preview on screen while the draft has errors
  const [last, setLast] = useState<Extract<ImpactOutcome, { ok: true }> | null>(null);
  useEffect(() => {
    if (state.outcome?.ok) setLast(state.outcome);
  }, [state.outcome]);
  const leafIds = useMemo(() => leafIdsOf(p.doc), [p.doc]);
  // scores are shown at the draft's places (2 while it has none)
  const draftPlaces = (p.doc as { rounding?: { places?: unknown } } | null)?.rounding?.places;
  const places = typeof draftPlaces === 'number' ? draftPlaces : 2;

  const addCase = (name: string, input: SimulationCase['input']) => {
    const id = `added/${nextAdded.current++}`;
    setAdded((a) => [...a, { id, name, input }]);
  };
  const onFile = async (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) {
      try {
        // read through the format upgrade, as every document the editor reads (a newer format version: its message)
        const doc = readDocument('case', { doc: JSON.parse(await f.text()) as unknown }).doc as { name?: unknown; facts?: unknown };
        if (!doc || typeof doc !== 'object' || !doc.facts || typeof doc.facts !== 'object') throw new Error('缺少 facts（事实）');
        addCase(typeof doc.name === 'string' ? doc.name : f.name.replace(/\.json$/i, ''), doc as SimulationCase['input']);
        setLoadError(null);
      } catch (e) {
        setLoadError(`文件 ${f.name} 不是案例文档：${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (fileInput.current) fileInput.current.value = '';
  };

  const others = p.versions.filter((v) => v.year !== p.year && v.status !== 'unknown');
  if (!others.length) return <p className="muted">该方案族只有这一个版本，没有可对比的基准方案。</p>;
  const isDraft = (p.doc as { status?: unknown } | null)?.status !== 'published';
  const labels: [string, string] = [`${baselineYear ?? ''}年方案（基准）`, isDraft ? `${p.year}年草稿` : `${p.year}年方案`];
  const outcome = state.outcome;
  const shown = outcome?.ok ? outcome : last;
  return (
    <section className="impact-panel" aria-label="影响预览">
      <div className="impact-head">
        <label>
          基准方案{' '}
          <select aria-label="基准方案" value={baselineYear ?? ''} onChange={(e) => setBaselineYear(Number(e.target.value))}>
            {others.map((v) => (
              <option key={v.year} value={v.year}>
                {v.year}年（{v.status === 'published' ? '已发布' : '草稿'}）
                {(p.doc as { basedOn?: { year?: number } } | null)?.basedOn?.year === v.year ? ' · 本草稿所基于' : ''}
              </option>
            ))}
          </select>
        </label>
        <span className="muted"> → 本方案 {p.year}年{isDraft ? '（编辑中的内容）' : '（已发布）'}</span>
        {state.pending ? <span className="muted small"> 计算中…</span> : null}
      </div>
      {loadError ? <div className="error-text small">{loadError}</div> : null}
      {outcome && !outcome.ok ? (
        <IssueList issues={outcome.issues} title={outcome.side === 'draft' ? '草稿有错误，影响预览暂停（下面是最后一次可计算的结果）' : `基准方案（${baselineYear}年）有错误，无法计算影响预览`} />
      ) : null}
      {state.crash ? <div className="error-text small">计算出错：{state.crash}</div> : null}
      {shown ? (
        <ImpactView result={shown.result} places={places} warnings={shown.warnings} labels={labels} columns={[`${baselineYear ?? ''}年`, `${p.year}年`]} leafIds={leafIds} stale={!outcome?.ok} pending={state.pending} onRemoveCase={(id) => setAdded((a) => a.filter((c) => c.id !== id))} />
      ) : !outcome ? (
        <p className="muted">正在计算各案例在两个版本下的得分…</p>
      ) : null}
      <div className="add-cases">
        <span className="muted small">添加案例：</span>
        {whatIf?.changed ? <span className="muted small">“{whatIf.name}”按假设值计入（代替其保存的版本）。</span> : null}
        <button type="button" className="small-btn" onClick={() => fileInput.current?.click()}>
          从文件添加…
        </button>
        <input ref={fileInput} type="file" accept=".json,application/json" multiple hidden aria-label="从文件添加案例" onChange={(e) => void onFile(e.target.files)} />
      </div>
    </section>
  );
}

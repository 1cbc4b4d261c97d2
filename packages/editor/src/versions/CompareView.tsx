/**
 * 版本对比: two versions of a scheme family side by side — every change in the sentences a policy
 * person reads ("公众或服务对象满意度：第1档 ≥95% 得分 6分 → 5分"), grouped by indicator, with each
 * changed indicator's 分值 and 评分标准 (rendered by the engine from the rules) in both versions,
 * the differing words marked. The diff is the engine's `diffSchemes`, run in the versions worker.
 */
import { useEffect, useMemo, useState } from 'react';
import { CHANGE_KINDS, showPoints, type SchemeChange } from '@jixiao/engine';
import { api } from '../api/client.ts';
import type { SchemeSummary } from '../api/types.ts';
import { useVersionsJob } from '../worker/useVersionsJob.ts';
import type { ChangedIndicator, DiffJob, DiffOutcome } from '../worker/versions-protocol.ts';
import { MarkedText } from './TextSides.tsx';

export interface CompareViewProps {
  family: string;
  versions: SchemeSummary[];
  /**
   * The scheme open in the editor: its year stands for the document as currently edited (labelled
   * 编辑中 unless it is published, which cannot be edited).
   */
  current?: { year: number; doc: unknown; dirty: boolean; published?: boolean };
  initialA: number | null;
  initialB: number | null;
  /** Called when the user picks other versions (e.g. to keep them in the address). */
  onPick?: (a: number, b: number) => void;
}

const statusZh = (s: string) => (s === 'published' ? '已发布' : s === 'draft' ? '草稿' : '无法读取');

function valueText(v: unknown): string {
  if (v === undefined || v === null) return '（无）';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** 分值 as the scheme writes them (the engine's showPoints), whatever JSON form they take. */
function pointsText(v: unknown): string {
  return typeof v === 'number' || typeof v === 'string' ? showPoints(String(v)) : valueText(v);
}

interface Group {
  key: string;
  title: string;
  changes: SchemeChange[];
  indicator: ChangedIndicator | null;
}

export function groupChanges(changes: SchemeChange[], indicators: ChangedIndicator[]): Group[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const groups = new Map<string, Group>();
  for (const c of changes) {
    const key = c.indicator ?? (c.kind.startsWith('input-') || c.kind.startsWith('metric-') ? '#decls' : '#scheme');
    let g = groups.get(key);
    if (!g) {
      const title = c.indicator ? c.indicatorName ?? c.indicator : key === '#decls' ? '事实与计算指标' : '方案整体';
      g = { key, title, changes: [], indicator: c.indicator ? byId.get(c.indicator) ?? null : null };
      groups.set(key, g);
    }
    g.changes.push(c);
  }
  return [...groups.values()];
}

function Sides({ g, yearA, yearB }: { g: Group; yearA: string; yearB: string }) {
  const ind = g.indicator;
  if (ind && ind.a?.criterion == null && ind.b?.criterion == null) {
    // a group (一级/二级指标): its sentences say it all, unless it was added or removed
    return ind.a && ind.b ? null : (
      <div className="sides">
        {(['a', 'b'] as const).map((side) => {
          const s = side === 'a' ? ind.a : ind.b;
          return (
            <div key={side} className={`side side-${side}`} data-side={side}>
              <div className="side-head">
                {side === 'a' ? yearA : yearB}
                {s ? <span className="side-points">{pointsText(s.points)}分</span> : null}
              </div>
              {s ? <span>{s.name}</span> : <span className="muted">（无此指标）</span>}
            </div>
          );
        })}
      </div>
    );
  }
  if (ind) {
    const ca = ind.a?.criterion ?? '';
    const cb = ind.b?.criterion ?? '';
    return (
      <div className="sides">
        {(['a', 'b'] as const).map((side) => {
          const s = side === 'a' ? ind.a : ind.b;
          return (
            <div key={side} className={`side side-${side}`} data-side={side}>
              <div className="side-head">
                {side === 'a' ? yearA : yearB}
                {s ? <span className="side-points">{pointsText(s.points)}分</span> : null}
              </div>
              {!s ? <span className="muted">（无此指标）</span> : s.criterion !== null ? <MarkedText a={ca} b={cb} side={side} /> : <span className="muted">（无评分规则）</span>}
            </div>
          );
        })}
      </div>
    );
  }
  const valued = g.changes.filter((c) => c.before !== undefined || c.after !== undefined);
  if (!valued.length) return null;
  return (
    <div className="sides">
      {(['a', 'b'] as const).map((side) => (
        <div key={side} className={`side side-${side}`} data-side={side}>
          <div className="side-head">{side === 'a' ? yearA : yearB}</div>
          <ul className="plain">
            {valued.map((c, n) => {
              const a = valueText(c.before);
              const b = valueText(c.after);
              return (
                <li key={n}>
                  <span className="muted small">{CHANGE_KINDS[c.kind]}：</span>
                  <MarkedText a={a} b={b} side={side} />
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}

export function CompareView(p: CompareViewProps) {
  const usable = p.versions.filter((v) => v.status !== 'unknown').sort((x, y) => x.year - y.year);
  const [a, setA] = useState<number | null>(p.initialA);
  const [b, setB] = useState<number | null>(p.initialB);
  const [docs, setDocs] = useState<Record<number, unknown>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (a === null && p.initialA !== null) setA(p.initialA);
    if (b === null && p.initialB !== null) setB(p.initialB);
  }, [p.initialA, p.initialB, a, b]);

  const currentYear = p.current?.year;
  const family = p.family;
  useEffect(() => {
    for (const y of [a, b]) {
      if (y === null || y === currentYear || docs[y] !== undefined) continue;
      api.getScheme(family, y).then(
        (r) => setDocs((d) => ({ ...d, [y]: r.doc })),
        (e: unknown) => setError(`无法读取${y}年方案：${e instanceof Error ? e.message : String(e)}`),
      );
    }
  }, [a, b, family, currentYear, docs]);

  const docOf = (y: number | null) => (y === null ? undefined : y === p.current?.year ? p.current.doc : docs[y]);
  const da = docOf(a);
  const db = docOf(b);
  const job = useMemo<DiffJob | null>(() => (da && db ? { kind: 'diff', a: da, b: db } : null), [da, db]);
  const state = useVersionsJob<DiffOutcome>(job, 150);
  const outcome = state.outcome;
  const groups = useMemo(() => (outcome?.ok ? groupChanges(outcome.changes, outcome.indicators) : []), [outcome]);
  const label = (y: number | null) => {
    if (y === null) return '';
    const v = usable.find((x) => x.year === y);
    if (y === p.current?.year && !p.current.published) return `${y}年（编辑中${p.current.dirty ? '，含未保存的修改' : ''}）`;
    return `${y}年（${statusZh(v?.status ?? 'unknown')}）`;
  };
  const pick = (na: number | null, nb: number | null) => {
    setA(na);
    setB(nb);
    if (na !== null && nb !== null) p.onPick?.(na, nb);
  };
  const counts = outcome?.ok
    ? Object.entries(
        outcome.changes.reduce<Record<string, number>>((m, c) => {
          m[CHANGE_KINDS[c.kind]] = (m[CHANGE_KINDS[c.kind]] ?? 0) + 1;
          return m;
        }, {}),
      )
    : [];
  const yearA = a === null ? '' : `${a}年`;
  const yearB = b === null ? '' : `${b}年`;

  return (
    <section className="compare-view" aria-label="版本对比">
      <div className="compare-pick">
        <label>
          较早版本{' '}
          <select aria-label="较早版本" value={a ?? ''} onChange={(e) => pick(Number(e.target.value), b)}>
            {usable.map((v) => (
              <option key={v.year} value={v.year}>
                {label(v.year)}
              </option>
            ))}
          </select>
        </label>
        <span className="arrow">→</span>
        <label>
          较新版本{' '}
          <select aria-label="较新版本" value={b ?? ''} onChange={(e) => pick(a, Number(e.target.value))}>
            {usable.map((v) => (
              <option key={v.year} value={v.year}>
                {label(v.year)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="small-btn" onClick={() => pick(b, a)}>
          交换
        </button>
        {state.pending ? <span className="muted small">比较中…</span> : null}
      </div>
      {error ? <div className="error-text">{error}</div> : null}
      {outcome && !outcome.ok ? <div className="error-text">{outcome.message}</div> : null}
      {outcome?.ok ? (
        <>
          <p className="compare-summary" data-testid="compare-summary">
            {yearA}方案 → {yearB}方案：
            {outcome.changes.length ? (
              <>
                共 <b>{outcome.changes.length}</b> 处变更
                <span className="muted">（{counts.map(([k, n]) => `${k} ${n}`).join(' · ')}）</span>
              </>
            ) : (
              '两个版本的评分规则和文字完全相同。'
            )}
          </p>
          <ol className="change-groups">
            {groups.map((g) => (
              <li key={g.key} className="change-group" data-indicator={g.indicator?.id ?? g.key}>
                <h3>{g.title}</h3>
                <ul className="change-sentences">
                  {g.changes.map((c, n) => (
                    <li key={n} data-kind={c.kind}>
                      <span className="kind-tag">{CHANGE_KINDS[c.kind]}</span> <span className="sentence">{c.message}</span>
                    </li>
                  ))}
                </ul>
                <Sides g={g} yearA={yearA} yearB={yearB} />
              </li>
            ))}
          </ol>
        </>
      ) : !error && !outcome ? (
        <p className="muted">正在比较…</p>
      ) : null}
    </section>
  );
}

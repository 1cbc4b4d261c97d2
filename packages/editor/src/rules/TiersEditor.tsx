/**
 * 分档计分 editor: the tier table — for each tier its lower and upper bound, whether each bound is
 * included (含 ≥/≤) or not (不含 >/<), and the points. Gaps and overlaps are the engine's
 * validation issues (paths under `/tiers`), shown at the table and on the tier they concern as
 * soon as the document changes. While a bound holds text that is not a number, the engine does not check
 * the scheme; the table's other problems are then found from the cells that can be read (tier-checks.ts)
 * and shown all the same, with a note saying which checks wait for the bound.
 */
import type { Issue, TiersRule } from '../model/types.ts';
import { IconButton, IssueList, NumField, TextField } from '../components/fields.tsx';
import { InclusiveCell, withBound } from './bound-cells.tsx';
import { RowActions, RowIssues, listOps } from './list-rows.tsx';
import { issuesUnder } from '../model/issues.ts';
import { useEditorContext } from '../components/editor-context.tsx';
import { MetricPicker } from './MetricPicker.tsx';
import { NUMERIC_TYPES } from '../model/rule-kinds.ts';
import { fractionToPercentText, isNumValue } from '../model/num.ts';
import { pendingChecksNote, unreadableBounds } from './unreadable-bounds.ts';
import { percentPointsWarning } from '../model/case-form.ts';
import { useEffect, useMemo, useState } from 'react';

type Tier = TiersRule['tiers'][number];

export interface TiersEditorProps {
  rule: TiersRule;
  onChange: (rule: TiersRule) => void;
  /** Engine issues with paths relative to the rule (`/tiers/1`, `/tiers`, …). */
  issues: readonly Issue[];
}

/**
 * True for a bound of a percent metric written as a percentage number (95 for 95%): more than 1 and
 * at most 100, without a % sign. Percent facts are fractions, so such a bound reads as 9500%.
 */
export function looksLikePercentNumber(v: unknown): boolean {
  const t = typeof v === 'number' ? String(v) : typeof v === 'string' && !v.trim().endsWith('%') ? v.trim() : '';
  if (!/^[0-9]+(\.[0-9]+)?$/.test(t)) return false;
  const n = Number(t); // a comparison only, no arithmetic on the value
  return n > 1 && n <= 100;
}

/** Shown at a percent bound stored as a percentage number (95 for 95%), which reads as 9500%. */
const percentHint = (v: unknown) => `界限为 ${fractionToPercentText(v)}%？方案中百分比存为小数；请按百分数重填，如 95 即 95%`;

/**
 * True for a bound that is text but not a number ("abc", "1e400"): the box stores what is typed, so the
 * rule holds what the box shows, and the scheme's check counts it as an error until it is fixed.
 */
export function isUnreadableBound(v: unknown): v is string {
  return typeof v === 'string' && !isNumValue(v);
}

/** The message at a bound that is not a number, e.g. "第1档下限应为数字，如 90%". */
export function unreadableBoundMessage(name: string, percent: boolean): string {
  return `${name}应为数字，如 ${percent ? '90%' : '90'}；不设${name.endsWith('下限') ? '下限' : '上限'}请清空`;
}

/** The fact a bound names (`{ "fact": "上年结转" }`), or undefined for a number or no bound. */
function boundFact(v: Tier['min']): string | undefined {
  return typeof v === 'object' && v !== null ? v.fact : undefined;
}

/** A tier bound naming another fact, shown by its name (editing it as a fact is done in the JSON for now). */
function FactBound({ id, label }: { id: string; label: string }) {
  const name = useEditorContext().names.find((n) => n.id === id);
  return (
    <span className="fact-bound" aria-label={label} title={`${label}：事实“${name?.label ?? id}”（在 JSON 中修改）`}>
      {name?.label ?? id}
    </span>
  );
}

/** A new tier continuing below the last one: its upper bound is the last tier's lower bound. */
function nextTier(tiers: readonly Tier[]): Tier {
  const last = tiers[tiers.length - 1];
  if (last && last.min !== undefined) return { max: last.min, maxInclusive: !last.minInclusive, score: 0 };
  return { score: 0 };
}

/** tier-checks.ts once loaded: the engine's validation, loaded the first time a bound cannot be read. */
let tierChecks: typeof import('./tier-checks.ts') | null = null;

export function TiersEditor({ rule, onChange, issues: engineIssues }: TiersEditorProps) {
  const { names, doc } = useEditorContext();
  const unreadable = useMemo(() => unreadableBounds(rule), [rule]);
  // the checks the engine leaves undone while a bound cannot be read, made from the cells that can (the
  // engine's validation is loaded for it the first time, not with the page; then they are made at once)
  const [loaded, setLoaded] = useState(tierChecks !== null);
  useEffect(() => {
    if (unreadable.length === 0 || tierChecks !== null) return;
    let live = true;
    void import('./tier-checks.ts').then((m) => {
      tierChecks = m;
      if (live) setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [unreadable]);
  const despite = useMemo(() => (unreadable.length && loaded && tierChecks ? { issues: tierChecks.checksDespiteUnreadable(doc, rule) } : null), [unreadable, loaded, doc, rule]);
  const issues = despite?.issues ? [...engineIssues, ...despite.issues] : engineIssues;
  const tiers = Array.isArray(rule.tiers) ? rule.tiers : [];
  const metric = names.find((n) => n.id === rule.metric);
  const percent = metric?.type === 'percent';
  const setTiers = (next: Tier[]) => onChange({ ...rule, tiers: next });
  const ops = listOps(tiers, setTiers);
  const setTier = ops.setAt;
  const tableIssues = issues.filter((i) => !/^\/tiers\/[0-9]+/.test(i.path) && (i.path === '' || i.path.startsWith('/tiers') || i.path === '/metric'));
  // a bound that is not a number has its own message at the cell; the schema's words for it are not repeated under the row
  const rowIssues = (i: number) => issuesUnder(issues, `/tiers/${i}`).filter((x) => !(/^\/tiers\/[0-9]+\/(min|max)$/.test(x.path) && isUnreadableBound(tiers[i]?.[x.path.endsWith('min') ? 'min' : 'max'])));
  /** The two cells of one bound of tier `i`: the number (or the fact it names) with its percent hint, and 含/不含. */
  const bound = (t: Tier, i: number, side: 'min' | 'max') => {
    const name = `第${i + 1}档${side === 'min' ? '下限' : '上限'}`;
    const fact = boundFact(t[side]);
    const scaleSlip = percent && looksLikePercentNumber(t[side]);
    const unreadable = isUnreadableBound(t[side]);
    // 0.95 typed here is 0.95% (the box takes percents): said as the case form says it, in case 95% was meant
    const smallPercent = percent && fact === undefined && !unreadable && !scaleSlip ? percentPointsWarning(fractionToPercentText(t[side])) : null;
    return (
      <>
        <td>
          {fact !== undefined ? (
            <FactBound id={fact} label={name} />
          ) : (
            <NumField
              label={name}
              value={t[side]}
              optional
              placeholder={side === 'min' ? '无下限' : '无上限'}
              invalid={scaleSlip || unreadable}
              percent={percent}
              keepUnreadable
              onChange={(v) => setTier(i, withBound(t, side, v))}
            />
          )}
          {unreadable ? (
            <div className="cell-issue error" role="alert">
              {unreadableBoundMessage(name, percent)}
            </div>
          ) : null}
          {scaleSlip ? (
            <div className="hint cell-hint" role="note">
              {percentHint(t[side])}
            </div>
          ) : null}
          {smallPercent ? (
            <div className="hint cell-hint" role="note">
              {smallPercent}
            </div>
          ) : null}
        </td>
        <InclusiveCell row={t} side={side} label={name} onChange={(next) => setTier(i, next)} />
      </>
    );
  };
  return (
    <div className="tiers-editor">
      <div className="form-row">
        <span className="form-label">分档依据</span>
        <span className="form-control">
          <MetricPicker value={rule.metric} types={NUMERIC_TYPES} onChange={(m) => onChange({ ...rule, metric: m })} label="分档依据（事实或计算指标）" />
          {percent ? <span className="hint">界限按百分数填写，如 95 即 95%</span> : null}
        </span>
      </div>
      <table className="tier-table" aria-label="档位表">
        <thead>
          <tr>
            <th>档次</th>
            <th colSpan={2}>下限</th>
            <th colSpan={2}>上限</th>
            <th>得分</th>
            <th>说明（可选）</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tiers.map((t, i) => {
            const ri = rowIssues(i);
            const cls = ri.some((x) => x.severity === 'error') ? 'row-error' : ri.length ? 'row-warning' : undefined;
            return [
              <tr key={`t${i}`} className={cls} data-tier={i}>
                <td className="tier-no">第{i + 1}档</td>
                {bound(t, i, 'min')}
                {bound(t, i, 'max')}
                <td>
                  <NumField label={`第${i + 1}档得分`} value={t.score} unit="分" width={56} onChange={(v) => v !== undefined && setTier(i, { ...t, score: v })} />
                </td>
                <td>
                  <TextField label={`第${i + 1}档说明`} value={t.label} width="100%" onChange={(s) => setTier(i, s ? { ...t, label: s } : omit(t, 'label'))} />
                </td>
                <RowActions item={`第${i + 1}档`} index={i} count={tiers.length} ops={ops} />
              </tr>,
              <RowIssues key={`i${i}`} issues={ri} span={7} className="tier-issues" />,
            ];
          })}
        </tbody>
      </table>
      <div className="table-actions">
        <IconButton label="添加一档" onClick={() => setTiers([...tiers, nextTier(tiers)])}>
          ＋ 添加一档
        </IconButton>
      </div>
      {unreadable.length ? (
        <div className="hint pending-checks" role="note">
          {pendingChecksNote(unreadable, despite === null ? 'pending' : despite.issues ? 'checked' : 'waiting', despite?.issues?.length ?? 0)}
        </div>
      ) : null}
      <IssueList issues={tableIssues} title="档位检查" />
    </div>
  );
}

function omit<T extends object, K extends keyof T>(o: T, k: K): Omit<T, K> {
  const c = { ...o };
  delete c[k];
  return c;
}

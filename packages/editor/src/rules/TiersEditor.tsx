/**
 * 分档计分 editor: the tier table — for each tier its lower and upper bound, whether each bound is
 * included (含 ≥/≤) or not (不含 >/<), and the points. Gaps and overlaps are the engine's
 * validation issues (paths under `/tiers`), shown at the table and on the tier they concern as
 * soon as the document changes.
 */
import type { Issue, TiersRule } from '../model/types.ts';
import { IconButton, IssueList, NumField, Select, TextField } from '../components/fields.tsx';
import { issuesUnder } from '../model/issues.ts';
import { useEditorContext } from '../components/editor-context.tsx';
import { MetricPicker } from './MetricPicker.tsx';
import { fractionToPercentText } from '../model/num.ts';

type Tier = TiersRule['tiers'][number];

export interface TiersEditorProps {
  rule: TiersRule;
  onChange: (rule: TiersRule) => void;
  /** Engine issues with paths relative to the rule (`/tiers/1`, `/tiers`, …). */
  issues: readonly Issue[];
}

/** Sets a bound and keeps its inclusive flag consistent with the format (flag present iff bound present). */
function withBound(t: Tier, side: 'min' | 'max', value: Tier['min']): Tier {
  const flag = side === 'min' ? 'minInclusive' : 'maxInclusive';
  const next: Tier = { ...t };
  if (value === undefined) {
    delete next[side];
    delete next[flag];
  } else {
    next[side] = value;
    if (next[flag] === undefined) next[flag] = true;
  }
  return next;
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
const percentHint = (v: unknown) => `界限为 ${fractionToPercentText(v)}%？文件中百分比存为小数；请按百分数重填，如 95 即 95%`;

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

export function TiersEditor({ rule, onChange, issues }: TiersEditorProps) {
  const { names } = useEditorContext();
  const tiers = Array.isArray(rule.tiers) ? rule.tiers : [];
  const metric = names.find((n) => n.id === rule.metric);
  const percent = metric?.type === 'percent';
  const setTiers = (next: Tier[]) => onChange({ ...rule, tiers: next });
  const setTier = (i: number, t: Tier) => setTiers(tiers.map((x, j) => (j === i ? t : x)));
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= tiers.length) return;
    const next = tiers.slice();
    [next[i], next[j]] = [next[j] as Tier, next[i] as Tier];
    setTiers(next);
  };
  const tableIssues = issues.filter((i) => !/^\/tiers\/[0-9]+/.test(i.path) && (i.path === '' || i.path.startsWith('/tiers') || i.path === '/metric'));
  const rowIssues = (i: number) => issuesUnder(issues, `/tiers/${i}`);
  const inclOptions = (side: 'min' | 'max') =>
    side === 'min'
      ? [
          { value: 'incl', label: '含（≥）' },
          { value: 'excl', label: '不含（>）' },
        ]
      : [
          { value: 'incl', label: '含（≤）' },
          { value: 'excl', label: '不含（<）' },
        ];
  return (
    <div className="tiers-editor">
      <div className="form-row">
        <span className="form-label">分档依据</span>
        <span className="form-control">
          <MetricPicker value={rule.metric} onChange={(m) => onChange({ ...rule, metric: m })} label="分档依据（事实或计算指标）" />
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
                <td>
                  {boundFact(t.min) !== undefined ? (
                    <FactBound id={boundFact(t.min)!} label={`第${i + 1}档下限`} />
                  ) : (
                    <NumField
                      label={`第${i + 1}档下限`}
                      value={t.min}
                      optional
                      placeholder="无下限"
                      invalid={percent && looksLikePercentNumber(t.min)}
                      percent={percent}
                      onChange={(v) => setTier(i, withBound(t, 'min', v))}
                    />
                  )}
                  {percent && looksLikePercentNumber(t.min) ? <div className="hint cell-hint" role="note">{percentHint(t.min)}</div> : null}
                </td>
                <td>
                  {t.min !== undefined ? (
                    <Select
                      label={`第${i + 1}档下限是否包含`}
                      value={t.minInclusive === false ? 'excl' : 'incl'}
                      options={inclOptions('min')}
                      onChange={(v) => setTier(i, { ...t, minInclusive: v === 'incl' })}
                    />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  {boundFact(t.max) !== undefined ? (
                    <FactBound id={boundFact(t.max)!} label={`第${i + 1}档上限`} />
                  ) : (
                    <NumField
                      label={`第${i + 1}档上限`}
                      value={t.max}
                      optional
                      placeholder="无上限"
                      invalid={percent && looksLikePercentNumber(t.max)}
                      percent={percent}
                      onChange={(v) => setTier(i, withBound(t, 'max', v))}
                    />
                  )}
                  {percent && looksLikePercentNumber(t.max) ? <div className="hint cell-hint" role="note">{percentHint(t.max)}</div> : null}
                </td>
                <td>
                  {t.max !== undefined ? (
                    <Select
                      label={`第${i + 1}档上限是否包含`}
                      value={t.maxInclusive === false ? 'excl' : 'incl'}
                      options={inclOptions('max')}
                      onChange={(v) => setTier(i, { ...t, maxInclusive: v === 'incl' })}
                    />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  <NumField label={`第${i + 1}档得分`} value={t.score} unit="分" width={56} onChange={(v) => v !== undefined && setTier(i, { ...t, score: v })} />
                </td>
                <td>
                  <TextField label={`第${i + 1}档说明`} value={t.label} width="100%" onChange={(s) => setTier(i, s ? { ...t, label: s } : omit(t, 'label'))} />
                </td>
                <td className="row-actions">
                  <IconButton label={`第${i + 1}档上移`} onClick={() => move(i, -1)} disabled={i === 0}>
                    ↑
                  </IconButton>
                  <IconButton label={`第${i + 1}档下移`} onClick={() => move(i, 1)} disabled={i === tiers.length - 1}>
                    ↓
                  </IconButton>
                  <IconButton label={`删除第${i + 1}档`} onClick={() => setTiers(tiers.filter((_, j) => j !== i))} disabled={tiers.length <= 1}>
                    ✕
                  </IconButton>
                </td>
              </tr>,
              ri.length ? (
                <tr key={`i${i}`} className="tier-issues">
                  <td />
                  <td colSpan={7}>
                    <IssueList issues={ri} />
                  </td>
                </tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
      <div className="table-actions">
        <IconButton label="添加一档" onClick={() => setTiers([...tiers, nextTier(tiers)])}>
          ＋ 添加一档
        </IconButton>
      </div>
      <IssueList issues={tableIssues} title="档位检查" />
    </div>
  );
}

function omit<T extends object, K extends keyof T>(o: T, k: K): Omit<T, K> {
  const c = { ...o };
  delete c[k];
  return c;
}

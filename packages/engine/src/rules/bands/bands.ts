/**
 * 引用共用分档表 (bands): the leaf's value falls in one band of a table the scheme defines once; the score is
 * that band's share × this leaf's 分值. One table, many leaves (issue 10 item 13): changing the table changes
 * every leaf that references it, and the diff reports it once. Coverage and overlaps of a table are checked
 * like tiers', at the table (validate: /bandTables/i).
 */
import { Dec, dec, plain, showNumber, showPercent, toDec } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import { CannotCompute } from '../../evaluate/context.ts';
import type { BandTableT } from '../../format/scheme-types.ts';
import { bounds, contains, coverage, renderInterval } from '../interval.ts';
import { checkRef } from '../refs-check.ts';
import { boundIssue } from '../percent-bounds.ts';
import { prose, type KindRule, type RuleKind, type RuleSite } from '../kind.ts';
import { bandsMessages as m } from './messages.ts';

type BandsRule = KindRule<'bands'>;

/** One band's wording: its own text, or the interval ("完成率≥100%"). */
function bandText(t: BandTableT['bands'][number], subject: string, show: (d: Dec) => string): string {
  return t.text ?? renderInterval(bounds(t), subject, show);
}

/** "得满分" / "得分值的80%" / "不得分": a share of the points in the documents' words. */
export function shareText(share: Dec): string {
  if (share.eq(1)) return '得满分';
  if (share.isZero()) return '不得分';
  return `得分值的${showPercent(share, 2)}`;
}

function table(rule: BandsRule, site: RuleSite): BandTableT | undefined {
  return site.decls.bandTables?.get(rule.table);
}

/**
 * The scale issues of table `t`'s bounds (it is the `index`-th of the scheme's bandTables) read against
 * `metric`: `percent-scale` (error), `bound-outside-range` (warning), each at the bound's JSON path
 * (/bandTables/i/bands/j/min or max) and naming no indicator, since the bound is the table's.
 */
function boundIssues(t: BandTableT, index: number, metric: string, decls: RuleSite['decls']): Issue[] {
  const out: Issue[] = [];
  t.bands.forEach((b, j) => {
    for (const k of ['min', 'max'] as const) {
      const name = { zh: `共用分档表“${t.name}”第${j + 1}档的${k === 'min' ? '下限' : '上限'}`, en: `band table ${t.id} band ${j + 1} ${k}` };
      const bad = boundIssue(b[k], metric, decls, name, { path: pointer('/bandTables', index, 'bands', j, k), indicator: '' });
      if (bad) out.push(bad);
    }
  });
  return out;
}

/** Where a table's bands must lie: from 0 up, as the table check says (evaluate/policies.ts). */
const TABLE_DOMAIN = { min: new Dec(0), minInclusive: true, max: null, maxInclusive: true };

/**
 * True when table `t` is wrong whatever leaf reads it: a share outside 0–100%, or a gap or overlap of its
 * bands from 0 up. The scheme-level check (evaluate/policies.ts: `band-table-share`, `band-table-coverage`)
 * reports these once, at the table; a leaf only needs to know that its table is broken.
 */
function tableFaulty(t: BandTableT): boolean {
  const shareOut = t.bands.some((b) => {
    const s = toDec(b.share);
    return s !== null && (s.isNegative() || s.gt(1));
  });
  return shareOut || coverage(t.bands.map(bounds), TABLE_DOMAIN).length > 0;
}

export const bands: RuleKind<BandsRule> = {
  refs: (r) => [r.metric],

  /**
   * The metric must be numeric and the table must exist. The table's own problems are the table's: its bounds,
   * read against this leaf's metric (70 on a percent metric is 7000%), are reported at the table's JSON path
   * (/bandTables/i/bands/j/min) without naming the leaf — validation keeps one of each however many leaves
   * use the table (validate/semantic.ts) — and this leaf only says that it uses a broken table
   * (`band-table-broken`, a warning at its rule/table).
   */
  check(rule, site) {
    const out: Issue[] = [...checkRef(rule.metric, site, 'metric', 'numeric')];
    const t = table(rule, site);
    const where = { path: pointer(site.path, 'table'), indicator: site.indicator };
    if (!t) return [...out, m.issue('band-table-unknown', { name: site.name, table: rule.table, known: [...(site.decls.bandTables?.keys() ?? [])] }, where)];
    const bad = boundIssues(t, [...(site.decls.bandTables?.keys() ?? [])].indexOf(rule.table), rule.metric, site.decls);
    out.push(...bad);
    if (bad.some((x) => x.severity === 'error') || tableFaulty(t)) out.push(m.issue('band-table-broken', { name: site.name, table: t.name }, where));
    return out;
  },

  maxScore: (rule, site) => {
    const t = table(rule, site);
    // a share above 100% is the table's issue (band-table-share), reported once at the table, not at every leaf
    return t ? t.bands.map((b) => Dec.min(dec(b.share), new Dec(1)).times(site.points)).reduce((a, b) => Dec.max(a, b)) : site.points;
  },

  compile(rule, site) {
    const t = table(rule, site)!;
    const subject = rule.render?.subject ?? site.decls.label(rule.metric);
    const show = (d: Dec) => site.decls.showValue(rule.metric, plain(d));
    const bs = t.bands.map((b) => ({ b: bounds(b), share: dec(b.share), text: bandText(b, subject, show) }));
    return (ctx) => {
      const x = ctx.num(rule.metric);
      const i = bs.findIndex((b) => contains(b.b, x));
      if (i < 0) throw new CannotCompute(m.issue('band-no-match', { name: site.name, subject, shown: ctx.show(rule.metric, x), table: t.name }, { indicator: site.indicator, fact: rule.metric, path: pointer(site.path, 'table') }));
      const b = bs[i]!;
      const score = b.share.times(site.points);
      return {
        score,
        branch: `${t.name}第${i + 1}档：${b.text}，${shareText(b.share)}`,
        arithmetic: [() => `${subject} = ${ctx.show(rule.metric, x)}，落在“${t.name}”第${i + 1}档（${b.text}）→ ${showPercent(b.share, 2)} × ${plain(site.points)}分 = ${showNumber(score)}分`],
        status: 'computed',
      };
    };
  },

  /** "完成率≥100%的，得满分；80%≤完成率<100%的，得分值的80%；…" from the shared table. */
  render(rule, site) {
    const pts = plain(site.points);
    const t = table(rule, site);
    if (!t) return `按分档表“${rule.table}”计分`;
    const subject = rule.render?.subject ?? site.decls.label(rule.metric);
    const show = (d: Dec) => site.decls.showValue(rule.metric, plain(d));
    const items = t.bands.map((b) => `${bandText(b, subject, show)}的，${shareText(dec(b.share))}`);
    return `${prose(rule.render?.before, pts)}${items.join('；')}${prose(rule.render?.after ?? '。', pts)}`;
  },
};

/**
 * 条件计分 (cases): ordered cases, each a condition and a score; the first that holds gives the score, else
 * `otherwise`. A condition compares a fact with a number or with another fact (this year's 结余 with last
 * year's 结转), so "有结余，但不超过上年结转，2分" is data: `{ all: [结余 > 0, 结余 ≤ {fact: 上年结转}] }`.
 */
import { Dec, dec, plain } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import { shared } from '../../errors/shared.ts';
import { CannotCompute } from '../../evaluate/context.ts';
import { checkCondition } from '../../conditions/check.ts';
import { compileCondition, conditionRefs } from '../../conditions/condition.ts';
import { prose, type KindRule, type RuleKind } from '../kind.ts';
import { casesMessages as m } from './messages.ts';

type CasesRule = KindRule<'cases'>;

/**
 * "有结余，但不超过上年结转，2分" and "结余超过上年结转，不得分" (style `bare`, the default: 0 is 不得分, as the
 * Yueyang table writes it), "…，0分" (style `points`), or "…的，得2分" (style `de`).
 */
function clauseText(text: string, score: string, style: string | undefined): string {
  if (style === 'de') return `${text}的，得${score}分`;
  return score === '0' && style !== 'points' ? `${text}，不得分` : `${text}，${score}分`;
}

export const cases: RuleKind<CasesRule> = {
  refs: (rule) => rule.cases.flatMap((c) => conditionRefs(c.when)),

  check(rule, site) {
    const out: Issue[] = [];
    rule.cases.forEach((c, i) => {
      out.push(...checkCondition(c.when, site, `cases/${i}/when`));
      const s = dec(c.score);
      if (s.gt(site.points) || s.lt(0)) out.push(shared.issue('score-exceeds-points', { at: 'amount', what: `第${i + 1}个情形的得分`, field: `cases/${i}/score`, amount: plain(s), points: plain(site.points) }, { path: pointer(site.path, 'cases', i, 'score'), indicator: site.indicator }));
    });
    if (rule.otherwise) {
      const s = dec(rule.otherwise.score);
      if (s.gt(site.points) || s.lt(0)) out.push(shared.issue('score-exceeds-points', { at: 'amount', what: '其余情形的得分', field: 'otherwise/score', amount: plain(s), points: plain(site.points) }, { path: pointer(site.path, 'otherwise', 'score'), indicator: site.indicator }));
    }
    return out;
  },

  maxScore: (rule) => [...rule.cases.map((c) => dec(c.score)), ...(rule.otherwise ? [dec(rule.otherwise.score)] : [])].reduce((a, b) => Dec.max(a, b)),

  compile(rule, site) {
    const typeOf = (id: string) => site.decls.typeOf(id);
    const cs = rule.cases.map((c, i) => ({ p: compileCondition(c.when, typeOf), score: dec(c.score), text: c.text, n: i + 1 }));
    const other = rule.otherwise ? { score: dec(rule.otherwise.score), text: rule.otherwise.text } : null;
    return (ctx) => {
      const shown = () => ctx.traceInputs().map((i) => `${i.label} ${i.display}`).join('，');
      for (const c of cs) {
        if (c.p(ctx)) {
          return { score: c.score, branch: `第${c.n}个情形：${c.text}，${plain(c.score)}分`, arithmetic: [() => `${shown()} → ${c.text} → ${plain(c.score)}分`], status: 'computed' };
        }
      }
      if (other) return { score: other.score, branch: `其余情形：${other.text}，${plain(other.score)}分`, arithmetic: [() => `${shown()} → ${other.text} → ${plain(other.score)}分`], status: 'computed' };
      throw new CannotCompute(m.issue('cases-none', { name: site.name, facts: shown() }, { indicator: site.indicator, path: pointer(site.path, 'cases') }));
    };
  },

  render(rule, site) {
    const pts = plain(site.points);
    const style = rule.render?.style;
    const items = [...rule.cases.map((c) => clauseText(c.text, plain(dec(c.score)), style)), ...(rule.otherwise ? [clauseText(rule.otherwise.text, plain(dec(rule.otherwise.score)), style)] : [])];
    return `${prose(rule.render?.before, pts)}${items.join('；')}${prose(rule.render?.after ?? '。', pts)}`;
  },
};

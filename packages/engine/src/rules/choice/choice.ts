/**
 * 择一考核 (choice): an enum fact says which measure a department is scored by; only that measure's rule is
 * run, so a zero denominator in the other measure (a department with no 上年结转结余) is no error.
 * Source: a 部门整体 考核表 (wanglu.net/thread/t13-461855-0.html): 结转结余率 and 结转结余变动率, "二者择其一进行考核，
 * 按完成比例计算得分，满分为止" (权数 20); 应付账款（暂存款）率 and its 变动率 the same (权数 10).
 */
import { plain } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import { CannotCompute } from '../../evaluate/context.ts';
import { makePartTrace } from '../../evaluate/trace.ts';
import { checkRef } from '../refs-check.ts';
import { itemNo, prose, type KindRule, type RuleKind, type RuleSite } from '../kind.ts';
import { choiceMessages as m } from './messages.ts';

type ChoiceRule = KindRule<'choice'>;

/** Where the rule of option `i` sits: same points, reviewer key `<key>/<value>`. */
export function optionSite(rule: ChoiceRule, i: number, site: RuleSite): RuleSite {
  const o = rule.options[i]!;
  return { ...site, path: pointer(site.path, 'options', i, 'rule'), key: `${site.key}/${o.value}`, name: `${site.name}（${o.name}）`, depth: site.depth + 1 };
}

/** Chinese numeral for "二者/三者择其一". */
const COUNT = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export const choice: RuleKind<ChoiceRule> = {
  refs: (rule, rules) => [rule.by, ...rule.options.flatMap((o) => rules.refs(o.rule))],

  check(rule, site, rules) {
    const out: Issue[] = [...checkRef(rule.by, site, 'by', 'enum')];
    const allowed = site.decls.inputs.get(rule.by)?.options?.map((o) => o.value);
    const seen = new Set<string>();
    rule.options.forEach((o, i) => {
      const where = { path: pointer(site.path, 'options', i, 'value'), indicator: site.indicator };
      if (allowed && !allowed.includes(o.value)) out.push(m.issue('choice-value-unknown', { name: site.name, by: site.decls.label(rule.by), value: o.value, allowed }, where));
      if (seen.has(o.value)) out.push(m.issue('choice-value-twice', { name: site.name, value: o.value }, where));
      seen.add(o.value);
      out.push(...rules.check(o.rule, optionSite(rule, i, site)));
    });
    return out;
  },

  maxScore(rule, site, rules) {
    let best = null as ReturnType<typeof rules.maxScore>;
    for (let i = 0; i < rule.options.length; i++) {
      const x = rules.maxScore(rule.options[i]!.rule, optionSite(rule, i, site));
      if (x === null) return null;
      if (best === null || x.gt(best)) best = x;
    }
    return best;
  },

  compile(rule, site, rules) {
    const options = rule.options.map((o, i) => {
      const os = optionSite(rule, i, site);
      return { o, key: os.key, label: { id: o.value, name: o.name, points: plain(site.points) }, run: rules.compile(o.rule, os) };
    });
    const byLabel = site.decls.label(rule.by);
    const allowed = rule.options.map((o) => o.value);
    return (ctx) => {
      const v = ctx.text(rule.by);
      const chosen = options.find((x) => x.o.value === v);
      if (!chosen) {
        throw new CannotCompute(m.issue('choice-none', { name: site.name, by: byLabel, value: v, allowed }, { indicator: site.indicator, fact: rule.by, path: pointer(site.path, 'options') }));
      }
      const sub = ctx.child(chosen.key, site.points);
      const r = chosen.run(sub);
      return {
        score: r.score,
        branch: `择一考核：${byLabel}为“${v}”，按${chosen.o.name}考核`,
        arithmetic: [`${byLabel} = ${v} → 按${chosen.o.name}考核（其余口径不计算）`, ...r.arithmetic],
        status: r.status,
        parts: [makePartTrace(chosen.o.rule.kind, r, sub, r.score, undefined, chosen.label)],
        ...(r.warnings?.length ? { warnings: r.warnings } : {}),
        ...(r.notices?.length ? { notices: r.notices } : {}),
        ...(r.reason ? { reason: r.reason } : {}),
      };
    };
  },

  /**
   * "二者择其一进行考核，" and then the measures' own criterion: once when every measure renders the same text
   * ("按完成比例计算得分，满分为止。"), else each measure numbered with its name.
   */
  render(rule, site, rules) {
    const pts = plain(site.points);
    const texts = rule.options.map((o, i) => rules.render(o.rule, optionSite(rule, i, site)));
    const n = rule.options.length;
    const head = `${COUNT[n] ?? String(n)}者择其一进行考核，`;
    const body = texts.every((t) => t === texts[0]) ? texts[0]! : texts.map((t, i) => `${itemNo(i + 1, site.depth + 1)}${rule.options[i]!.name}：${t}`).join('');
    return `${prose(rule.render?.before, pts)}${head}${body}${prose(rule.render?.after, pts)}`;
  },
};

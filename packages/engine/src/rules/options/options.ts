/**
 * 枚举分档 (enumerated tiers): an enum fact, one score per option.
 * Source: seed 000 预决算信息公开 — 按规定内容、时限、范围等各项要求进行公开的，得1.5分；进行了公开，存在不符合
 * 时限、内容、范围等要求的，得1分；没有进行公开的，得0分。
 */
import { Dec, dec, plain } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import type { OptionsRule } from '../../format/scheme-types.ts';
import { CannotCompute } from '../../evaluate/context.ts';
import { checkRef } from '../refs-check.ts';
import { checkWithinPoints } from '../points-check.ts';
import { itemNo, prose, type RuleKind } from '../kind.ts';
import { optionsMessages as m } from './messages.ts';

export const options: RuleKind<OptionsRule> = {
  refs: (r) => [r.fact],

  check(rule, site) {
    const out: Issue[] = [...checkRef(rule.fact, site, 'fact', 'enum')];
    const declared = site.decls.inputs.get(rule.fact)?.options?.map((o) => o.value) ?? [];
    const seen = new Set<string>();
    rule.options.forEach((o, i) => {
      out.push(...checkWithinPoints(dec(o.score), site, `options/${i}/score`, `选项“${o.value}”得分`));
      if (seen.has(o.value)) {
        out.push(m.issue('option-duplicate', { value: o.value }, { path: pointer(site.path, 'options', i), indicator: site.indicator }));
      }
      seen.add(o.value);
      if (declared.length > 0 && !declared.includes(o.value)) {
        out.push(m.issue('option-undeclared', { value: o.value, fact: rule.fact, declared }, { path: pointer(site.path, 'options', i, 'value'), indicator: site.indicator, fact: rule.fact }));
      }
    });
    for (const v of declared) {
      if (!seen.has(v)) {
        out.push(m.issue('option-missing', { value: v, fact: rule.fact }, { path: pointer(site.path, 'options'), indicator: site.indicator, fact: rule.fact }));
      }
    }
    return out;
  },

  maxScore: (rule) => rule.options.map((o) => dec(o.score)).reduce((a, b) => Dec.max(a, b)),

  compile(rule, site) {
    const label = site.decls.label(rule.fact);
    const byValue = new Map(
      rule.options.map((o, i) => {
        const score = dec(o.score);
        return [o.value, { score, branch: `第${i + 1}档：${o.text}，得${plain(score)}分`, line: `${label}：${o.text} → ${plain(score)}分` }];
      }),
    );
    return (ctx) => {
      const v = ctx.text(rule.fact);
      const hit = byValue.get(v);
      if (!hit) {
        throw new CannotCompute(m.issue('option-no-match', { value: v, fact: rule.fact, label }, { indicator: site.indicator, fact: rule.fact, path: pointer(site.path, 'options') }));
      }
      return { score: hit.score, branch: hit.branch, arithmetic: [hit.line], status: 'computed' };
    };
  },

  render(rule, site) {
    const pts = plain(site.points);
    const items = rule.options.map((o, i) => `${itemNo(i + 1, site.depth)}${o.text}${o.text.endsWith('的') ? '' : '的'}，得${plain(dec(o.score))}分。`);
    return `${prose(rule.render?.before, pts)}${items.join('')}${prose(rule.render?.after, pts)}`;
  },
};

/**
 * Percent bounds written as whole numbers (70 for 70%) are refused by every kind that writes a number on a
 * fact, with the tiers kind's message ("95% 填 0.95"); a bound outside the fact's declared range warns.
 *
 * Sources: the reviewer's report (a 总分封顶 band 70%–80% written 70–80 on 预算执行率, declared max 1, was read as
 * 7000% and never applied; a completion target "9" on a percent was read as 900%); the cap clause as issue 10
 * quotes it — "执行率为70%至80%的，绩效自评不超过89分"; seed 000 资金调整、调剂规范性 — "…10%以内的，得1分".
 */
import { describe, expect, it } from 'vitest';
import { validateScheme, type Rule, type Scheme } from '../index.ts';
import { input, leafScheme } from '../../test/fixtures/build.ts';
import { looksPercentPoints } from './percent-bounds.ts';
import { Dec } from '../decimal/dec.ts';

const RATE = input.percent('预算执行率', { min: 0, max: 1 });

/** The (code, severity, path) of every issue about percent scale or range. */
function scaleIssues(doc: Scheme): [string, string, string][] {
  return validateScheme(doc)
    .filter((i) => i.code === 'percent-scale' || i.code === 'bound-outside-range')
    .map((i) => [i.code, i.severity, i.path]);
}

function withCap(bands: NonNullable<Scheme['totalCap']>['bands']): Scheme {
  const doc = leafScheme({ rule: { kind: 'judgement' }, points: 100, inputs: [RATE] });
  doc.totalCap = { metric: '预算执行率', bands };
  return doc;
}

const leaf = (rule: Rule, inputs = [RATE]) => leafScheme({ rule, points: 10, inputs });

describe('looksPercentPoints', () => {
  it('reads beyond ±10, or a whole number above the declared max whose hundredth is within it, as percent points', () => {
    expect(looksPercentPoints(new Dec(70), null)).toBe(true); // 7000%
    expect(looksPercentPoints(new Dec(-11), null)).toBe(true);
    expect(looksPercentPoints(new Dec(9), new Dec(1))).toBe(true); // 900% on a rate of at most 100%
    expect(looksPercentPoints(new Dec(9), null)).toBe(false); // no declared max: 900% may be meant
    expect(looksPercentPoints(new Dec('1.2'), new Dec(1))).toBe(false); // not whole: a range warning instead
    expect(looksPercentPoints(new Dec(1), new Dec(1))).toBe(false);
  });
});

describe('总分封顶 (totalCap) bands on a percent fact', () => {
  it('refuses 70–80 written for 70%–80%, naming totalCap and the path, with the hint 95% 填 0.95', () => {
    const doc = withCap([{ min: 70, minInclusive: true, max: 80, maxInclusive: false, cap: 17 }]);
    expect(scaleIssues(doc)).toEqual([
      ['percent-scale', 'error', '/totalCap/bands/0/min'],
      ['percent-scale', 'error', '/totalCap/bands/0/max'],
    ]);
    const first = validateScheme(doc).find((i) => i.code === 'percent-scale')!;
    // 70 × 100 = 7000 (%), 70 ÷ 100 = 0.7
    expect(first.message).toContain('总分封顶（totalCap）第1段的下限 70 即 7000%');
    expect(first.message).toContain('95% 填 0.95');
    expect(first.message).toContain('应写作 0.7 或 "70%"');
    expect(first.messageEn).toContain('totalCap band 1 min 70 on percent 预算执行率 reads as 7000%');
  });

  it('accepts 0.7–0.8 and "70%"–"80%"', () => {
    expect(scaleIssues(withCap([{ min: 0.7, minInclusive: true, max: 0.8, maxInclusive: false, cap: 89 }]))).toEqual([]);
    expect(scaleIssues(withCap([{ min: '70%', minInclusive: true, max: '80%', maxInclusive: false, cap: 89 }]))).toEqual([]);
  });

  it('warns of a band 1.2–1.5 on a fact of at most 1, naming the range 0%～100%', () => {
    const doc = withCap([{ min: 1.2, minInclusive: true, max: 1.5, maxInclusive: false, cap: 89 }]);
    expect(scaleIssues(doc)).toEqual([
      ['bound-outside-range', 'warning', '/totalCap/bands/0/min'],
      ['bound-outside-range', 'warning', '/totalCap/bands/0/max'],
    ]);
    const w = validateScheme(doc).find((i) => i.code === 'bound-outside-range')!;
    expect(w.message).toContain('120%');
    expect(w.message).toContain('0%～100%');
    expect(validateScheme(doc).filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('completion target on a percent fact', () => {
  it('refuses "9" and 95 (read as 900% and 9500%)', () => {
    expect(scaleIssues(leaf({ kind: 'completion', actual: '预算执行率', target: '9' }))).toEqual([['percent-scale', 'error', '/indicators/0/children/0/rule/target']]);
    expect(scaleIssues(leaf({ kind: 'completion', actual: '预算执行率', target: 95 }))).toEqual([['percent-scale', 'error', '/indicators/0/children/0/rule/target']]);
    const msg = validateScheme(leaf({ kind: 'completion', actual: '预算执行率', target: '9' })).find((i) => i.code === 'percent-scale')!.message;
    expect(msg).toContain('9 即 900%');
    expect(msg).toContain('应写作 0.09 或 "9%"');
  });

  it('accepts 0.09, "9%" and 1; a count target is not a percent', () => {
    for (const target of [0.09, '9%', 1]) expect(scaleIssues(leaf({ kind: 'completion', actual: '预算执行率', target }))).toEqual([]);
    expect(scaleIssues(leaf({ kind: 'completion', actual: '件数', target: 95 }, [input.count('件数')]))).toEqual([]);
  });

  it('warns of a target above the declared max', () => {
    expect(scaleIssues(leaf({ kind: 'completion', actual: '预算执行率', target: '1.2' }))).toEqual([['bound-outside-range', 'warning', '/indicators/0/children/0/rule/target']]);
  });
});

describe('other kinds', () => {
  it('linearPenalty: a threshold of 10 for 10% is refused', () => {
    const rule: Rule = { kind: 'linearPenalty', metric: '预算执行率', threshold: 10, step: 0.01, deduct: 0.1 };
    expect(scaleIssues(leaf(rule))).toEqual([['percent-scale', 'error', '/indicators/0/children/0/rule/threshold']]);
  });

  it('bands: a shared table written in percent points is refused at the table, for a leaf on a percent fact', () => {
    const doc = leaf({ kind: 'bands', metric: '预算执行率', table: '完成率分档' });
    doc.bandTables = [
      {
        id: '完成率分档',
        name: '完成率分档',
        bands: [
          { min: 80, minInclusive: true, share: 1 },
          { min: 0, minInclusive: true, max: 80, maxInclusive: false, share: 0 },
        ],
      },
    ];
    expect(scaleIssues(doc)).toEqual([
      ['percent-scale', 'error', '/bandTables/0/bands/0/min'],
      ['percent-scale', 'error', '/bandTables/0/bands/1/max'],
    ]);
  });

  it('tiers: a whole number above the declared max (9 on a rate of at most 1) is now refused too', () => {
    const rule: Rule = {
      kind: 'tiers',
      metric: '预算执行率',
      tiers: [
        { min: 9, minInclusive: true, score: 10 },
        { max: 9, maxInclusive: false, score: 0 },
      ],
    };
    expect(scaleIssues(leaf(rule)).map(([c, s]) => [c, s])).toContainEqual(['percent-scale', 'error']);
  });

  it('cases: a condition value of 9 on a rate of at most 1 is refused by the condition check', () => {
    const rule: Rule = { kind: 'cases', cases: [{ when: { fact: '预算执行率', operator: 'greaterThanInclusive', value: 9 }, score: 10, text: '执行率达到9%' }], otherwise: { score: 0, text: '其余' } };
    expect(validateScheme(leaf(rule)).map((i) => i.code)).toContain('condition-percent-scale');
  });

  it('deptTargets: a 完成率 band table written in percent points (100 for 100%) is refused at the table', () => {
    const doc = leaf({ kind: 'deptTargets', rowsFact: '部门绩效指标', by: { table: '完成率分档' } }, [{ id: '部门绩效指标', label: '部门绩效指标', type: 'rows' }]);
    doc.bandTables = [
      {
        id: '完成率分档',
        name: '完成率分档',
        bands: [
          { min: 100, minInclusive: true, share: 1 },
          { min: 0, minInclusive: true, max: 100, maxInclusive: false, share: 0 },
        ],
      },
    ];
    expect(scaleIssues(doc)).toEqual([
      ['percent-scale', 'error', '/bandTables/0/bands/0/min'],
      ['percent-scale', 'error', '/bandTables/0/bands/1/max'],
    ]);
  });
});

/**
 * Rounding (舍入): a rule's own `round`, and the scheme's policy — places, mode, and the stages where
 * rounding happens (part, leaf, subtotal, total). The seeds show that where a report rounds changes
 * the total, so each stage is tested on numbers where it makes a difference.
 */
import { describe, expect, it } from 'vitest';
import { compile, evaluate, type Indicator, type Rule, type Scheme } from '../src/index.ts';
import { input, leafScheme, leafScore, mustScore, node, norm } from './fixtures/build.ts';

describe("a rule's own rounding", () => {
  // Seed 000 项目完成及时性: 本指标得分=已完成项目数/计划完成项目总数×6分; 7 of 9 → 7/9 × 6 = 4.6666…
  const withRound = (round: NonNullable<Rule['round']>) =>
    leafScheme({
      points: 6,
      inputs: [input.count('已完成项目数'), input.count('计划完成项目总数')],
      rule: { kind: 'formula', expression: '已完成项目数 / 计划完成项目总数 * 6', round },
    });
  const facts = { 已完成项目数: 7, 计划完成项目总数: 9 };
  it.each([
    [{ places: 2 }, '4.67'], // default half-up
    [{ places: 2, mode: 'half-up' }, '4.67'],
    [{ places: 2, mode: 'down' }, '4.66'],
    [{ places: 2, mode: 'up' }, '4.67'],
    [{ places: 1, mode: 'half-even' }, '4.7'],
    [{ places: 0 }, '5'],
  ] as const)('%o → %s', (round, expected) => {
    expect(leafScore(withRound(round), facts)).toBe(expected);
  });

  it('half-even differs from half-up on an exact tie: 0.125 × 1 → 0.12 vs 0.13', () => {
    const tie = (mode: 'half-even' | 'half-up') =>
      leafScheme({ points: 1, inputs: [input.percent('比率')], rule: { kind: 'ratio', metric: '比率', multiplier: 1, round: { places: 2, mode } } });
    expect(leafScore(tie('half-even'), { 比率: '12.5%' })).toBe('0.12');
    expect(leafScore(tie('half-up'), { 比率: '12.5%' })).toBe('0.13');
  });
});

/**
 * A scheme where every stage matters (facts a = 12.5%, b = 33.5%, c = 0.5%):
 *   g1 (2分): A1 = sum of two parts, each a × 1 (0.125 + 0.125); B1 = b × 1 (0.335)
 *   g2 (2分): A2, B2 the same
 *   C  (1分): c × 1 (0.005), a top-level leaf
 */
function stagedScheme(stages: Scheme['rounding']['stages'], mode: Scheme['rounding']['mode'] = 'half-up'): Scheme {
  const ratio = (m: string): Rule => ({ kind: 'ratio', metric: m, multiplier: 1 });
  const group = (n: number): Indicator => ({
    id: `g${n}`,
    name: `二级${n}`,
    points: 2,
    children: [
      {
        id: `A${n}`,
        name: `分项合计${n}`,
        points: 1,
        rule: {
          kind: 'sum',
          parts: [
            { id: 'p', name: '分项甲', points: 0.5, rule: ratio('a') },
            { id: 'q', name: '分项乙', points: 0.5, rule: ratio('a') },
          ],
        },
      },
      { id: `B${n}`, name: `比率${n}`, points: 1, rule: ratio('b') },
    ],
  });
  const doc = leafScheme({ points: 5, rule: ratio('c'), inputs: [input.percent('a'), input.percent('b'), input.percent('c')] });
  doc.rounding = { places: 2, mode, stages };
  doc.indicators = [group(1), group(2), { id: 'C', name: '比率C', points: 1, rule: ratio('c') }];
  return doc;
}
const facts = { a: '12.5%', b: '33.5%', c: '0.5%' };

function scores(stages: Scheme['rounding']['stages'], mode?: Scheme['rounding']['mode']) {
  const sheet = mustScore(stagedScheme(stages, mode), facts);
  return {
    A: norm(node(sheet, 'A1').score),
    B: norm(node(sheet, 'B1').score),
    g: norm(node(sheet, 'g1').score),
    C: norm(node(sheet, 'C').score),
    total: norm(sheet.total),
  };
}

describe('scheme rounding stages', () => {
  it('no stage: exact all the way — A 0.25, B 0.335, g 0.585, C 0.005, total 0.585 × 2 + 0.005 = 1.175', () => {
    expect(scores([])).toEqual({ A: '0.25', B: '0.335', g: '0.585', C: '0.005', total: '1.175' });
  });

  it('part: each part 0.125 → 0.13 before the sum, so A = 0.26; total 0.595 × 2 + 0.005 = 1.195', () => {
    expect(scores(['part'])).toEqual({ A: '0.26', B: '0.335', g: '0.595', C: '0.005', total: '1.195' });
  });

  it('leaf: B 0.335 → 0.34, C 0.005 → 0.01; g 0.25 + 0.34 = 0.59; total 0.59 × 2 + 0.01 = 1.19', () => {
    expect(scores(['leaf'])).toEqual({ A: '0.25', B: '0.34', g: '0.59', C: '0.01', total: '1.19' });
  });

  it('subtotal: g 0.585 → 0.59, leaves exact; total 0.59 × 2 + 0.005 = 1.185', () => {
    expect(scores(['subtotal'])).toEqual({ A: '0.25', B: '0.335', g: '0.59', C: '0.005', total: '1.185' });
  });

  it('total: only the total, 1.175 → 1.18', () => {
    expect(scores(['total'])).toEqual({ A: '0.25', B: '0.335', g: '0.585', C: '0.005', total: '1.18' });
  });

  it('every stage: A 0.26, B 0.34, g 0.60, C 0.01, total 1.21', () => {
    expect(scores(['part', 'leaf', 'subtotal', 'total'])).toEqual({ A: '0.26', B: '0.34', g: '0.6', C: '0.01', total: '1.21' });
  });

  it('mode applies at every stage: half-even subtotal 0.585 → 0.58; down leaf 0.335 → 0.33, 0.005 → 0', () => {
    expect(scores(['subtotal'], 'half-even')).toEqual({ A: '0.25', B: '0.335', g: '0.58', C: '0.005', total: '1.165' });
    expect(scores(['leaf'], 'down')).toEqual({ A: '0.25', B: '0.33', g: '0.58', C: '0', total: '1.16' });
    expect(scores(['leaf'], 'up')).toEqual({ A: '0.25', B: '0.34', g: '0.59', C: '0.01', total: '1.19' });
  });

  it('the leaf trace writes the rounding out', () => {
    const sheet = mustScore(stagedScheme(['leaf']), facts);
    expect(node(sheet, 'B1').trace!.arithmetic.at(-1)).toMatch(/0\.335 → 0\.34/);
  });
});

describe('rounding never lifts a score above its points', () => {
  // 9.5 points rounded to 0 places: a full 9.5 would become 10. Either validation refuses such a
  // policy, or the rounded score stays within the points.
  const doc = leafScheme({
    points: 9.5,
    rounding: { places: 0, mode: 'half-up', stages: ['leaf'] },
    inputs: [input.count('已完成项目数'), input.count('计划完成项目总数')],
    rule: { kind: 'formula', expression: '已完成项目数 / 计划完成项目总数 * 9.5' },
  });
  it('9.5 points, rounding to whole points, all projects done (10/10 × 9.5 = 9.5)', () => {
    const r = compile(doc);
    if (!r.ok) {
      expect(r.issues.some((i) => i.path.startsWith('/rounding') || i.path.includes('points'))).toBe(true);
      return;
    }
    const ev = evaluate(r.compiled, { facts: { 已完成项目数: 10, 计划完成项目总数: 10 } });
    expect(ev.ok).toBe(true);
    if (ev.ok) expect(Number(norm(node(ev.sheet, 'leaf').score))).toBeLessThanOrEqual(9.5);
  });
});

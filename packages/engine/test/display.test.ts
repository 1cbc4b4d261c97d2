/**
 * The display module (src/display/): one way to show a number, for the CLI, the server, the editor and
 * the engine's own explanations. Every expected string is written by hand.
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/decimal/exact.ts';
import {
  NO_CHANGE,
  ORIGIN_NAME,
  STATUS_NOTE,
  STATUS_TEXT,
  UNROUNDED_MARK,
  displayPlaces,
  roundingText,
  showChange,
  showCounted,
  showDelta,
  showMoney,
  showNumber,
  showPercent,
  showPoints,
  showScore,
  showStatistic,
  showStatisticChange,
  showStatisticDelta,
  statisticChange,
  withDisplayPlaces,
} from '../src/display/index.ts';
import { input, leafScheme, metric, mustScore, node } from './fixtures/build.ts';

/** Seed 000 二季度: 2406.61 / 4909.63 = 0.490182… ÷ 50% = 0.980363…, a quotient that does not end. */
const q2 = new Dec('2406.61').div('4909.63').div('0.5');

describe('scores at the scheme’s places', () => {
  it('pads to the places: 5 → 5.00, 9.7 → 9.70, 1.93 stays, 0 → 0.00, and 0 places show none', () => {
    expect([showScore('5', 2), showScore('9.7', 2), showScore('1.93', 2), showScore('0', 2), showScore('-0.5', 2)]).toEqual(['5.00', '9.70', '1.93', '0.00', '-0.50']);
    expect([showScore(new Dec(6), 2), showScore('5', 0), showScore('4.7', 1)]).toEqual(['6.00', '5', '4.7']);
  });

  it('a value the scheme has not rounded is shown at the places, half-up, marked 未取整', () => {
    // 0.980363… → 0.98; 0.9314 (exact, but 4 places) → 0.93; 0.125 at 2 places → 0.13 (half-up)
    expect(showScore(q2, 2)).toBe('0.98（未取整）');
    expect(showScore('0.9314', 2)).toBe('0.93（未取整）');
    expect(showScore('0.125', 2)).toBe('0.13（未取整）');
    expect(showScore(q2, 3)).toBe('0.980（未取整）');
    expect(UNROUNDED_MARK).toBe('（未取整）');
  });

  it('a score as counted (a row\'s 计入) is the unrounded value itself, never rounded across a band\'s bound', () => {
    // a band 6–8分（不含8分）: 7.9999 is inside it, and must not read 8.00
    expect(showCounted('7.9999', 2)).toBe('7.9999（未取整）');
    expect([showCounted('6', 2), showCounted('7.5', 2), showCounted('0.98755', 2)]).toEqual(['6.00', '7.50', '0.98755（未取整）']);
    // 0.980363… does not end: its first 6 decimals, cut (not rounded), with …
    expect(showCounted(q2, 2)).toBe('0.980363…（未取整）');
    // 2/3 = 0.666666|6…: cut, not 0.666667
    expect(showCounted(new Dec(2).div(3), 2)).toBe('0.666666…（未取整）');
    expect([showCounted(null, 2), showCounted('—', 2)]).toEqual(['', '—']);
  });

  it('nothing and text that is not a number pass through', () => {
    expect([showScore(null, 2), showScore(undefined, 2), showScore('—', 2), showScore('', 2)]).toEqual(['', '', '—', '']);
  });

  it('分值 as the scheme writes them, never padded', () => {
    expect([showPoints('5'), showPoints('2.50'), showPoints(new Dec(100)), showPoints(null)]).toEqual(['5', '2.5', '100', '']);
  });
});

describe('percents, money, rounding names', () => {
  it('fractions as percents: 0.25 → 25%, 0.93137 → 93.14%, 1 → 100%', () => {
    expect([showPercent('0.25'), showPercent('0.93137'), showPercent(new Dec(1)), showPercent('0.125', 4)]).toEqual(['25%', '93.14%', '100%', '12.5%']);
  });

  it('money with separators and two places', () => {
    expect([showMoney('1039209201'), showMoney('-5.5'), showMoney(new Dec('1511.774'))]).toEqual(['1,039,209,201.00', '-5.50', '1,511.77']);
  });

  it('names a rounding', () => {
    expect(roundingText(2)).toBe('保留2位小数（四舍五入）');
    expect(roundingText(1, 'down')).toBe('保留1位小数（截断）');
  });
});

describe('numbers in arithmetic lines', () => {
  it('exact when a decimal of at most 6 places, else at the scheme’s places marked 未取整 (never "≈")', () => {
    expect([showNumber('5.4'), showNumber('0.9314'), showNumber('-0.234962'), showNumber(new Dec(12))]).toEqual(['5.4', '0.9314', '-0.234962', '12']);
    expect(showNumber(q2)).toBe('0.98（未取整）');
    // 1/3 at 2 places; 12.3496162… steps at 2 places
    expect(showNumber(new Dec(1).div(3))).toBe('0.33（未取整）');
    expect(showNumber('0.1234567')).toBe('0.12（未取整）');
    expect(showNumber(q2)).not.toContain('≈');
  });

  it('at the places in force: a scheme of 3 places writes 0.980（未取整）; outside any scheme, 2', () => {
    expect(displayPlaces()).toBe(2);
    expect(withDisplayPlaces(3, () => showNumber(q2))).toBe('0.980（未取整）');
    expect(withDisplayPlaces(0, () => showNumber(q2))).toBe('1（未取整）');
    expect(displayPlaces()).toBe(2);
    expect(showNumber(q2, 1)).toBe('1.0（未取整）');
  });
});

describe('averages (statistics of scores): unmarked, and what is shown adds up', () => {
  // The impact preview of 满意度 第1档 6 → 5.75 over two cases of which one moves: the mean total goes
  // from 93.87 to 93.87 − 0.25 ÷ 2 = 93.745, the mean of 满意度 from (6 + 2) ÷ 2 = 4 to (5.75 + 2) ÷ 2 = 3.875.
  it('an average at the places, half-up, with no 未取整 mark (the scheme never rounds an average)', () => {
    expect([showStatistic('93.745', 2), showStatistic('3.875', 2), showStatistic('4', 2), showStatistic('-0.125', 2)]).toEqual(['93.75', '3.88', '4.00', '-0.13']);
    expect(showStatistic(new Dec(1).div(3), 2)).toBe('0.33');
    expect(showStatistic('—', 2)).toBe('—');
  });

  it('the change is the difference of the shown averages: 93.75 − 93.87 = −0.12, not the exact −0.125 shown as −0.13', () => {
    expect(showStatisticChange('93.87', '93.745', 2)).toBe('93.87 → 93.75（-0.12）');
    expect(showStatisticDelta('4', '3.875', 2)).toBe('-0.12');
    expect(statisticChange('4', '3.875', 2)!.toString()).toBe('-0.12');
    expect(showStatisticChange('93.87', '94.37', 2)).toBe('93.87 → 94.37（+0.50）');
    // 93.871 and 93.874 both show 93.87: the shown change is none
    expect(showStatisticChange('93.871', '93.874', 2)).toBe('93.87 → 93.87（无变化）');
    expect(showStatisticDelta('1', '—', 2)).toBe('—');
  });
});

describe('labels of engine data, one table for every face', () => {
  it('statuses and trace-input origins', () => {
    expect(STATUS_NOTE.mixed).toBe('部分酌情');
    expect(STATUS_NOTE.computed).toBe('');
    expect(STATUS_NOTE.vetoed).toBe('一票否决');
    expect(STATUS_TEXT.mixed).toBe('部分按规则计算、部分酌情');
    expect(ORIGIN_NAME).toEqual({ fact: '事实', metric: '计算指标', default: '缺省值' });
  });
});

describe('changes, one way everywhere', () => {
  it('a change with its sign at the places; 无变化 for none', () => {
    expect([showDelta('0.25', 2), showDelta('-0.5', 2), showDelta('1', 2), showDelta('0', 2), showDelta('-0', 2)]).toEqual(['+0.25', '-0.50', '+1.00', '无变化', '无变化']);
    expect(NO_CHANGE).toBe('无变化');
    // a change finer than the places
    expect(showDelta('0.0033', 2)).toBe('+0.00（未取整）');
  });

  it('before → after（change）', () => {
    expect(showChange('93.87', '94.12', 2)).toBe('93.87 → 94.12（+0.25）');
    expect(showChange('93.87', '93.87', 2)).toBe('93.87 → 93.87（无变化）');
    expect(showChange('6', '5', 2)).toBe('6.00 → 5.00（-1.00）');
    // an indicator new in the draft counts 0 before
    expect(showChange(null, '5', 2)).toBe('— → 5.00（+5.00）');
    expect(showChange('2', null, 2)).toBe('2.00 → —（-2.00）');
  });
});

describe('explanations: percents as percents, unrounded values at the scheme’s places', () => {
  // Seed 000 预算执行率: "一季度预算执行率得分=（一季度部门预算支出进度/序时进度25%）×1分"
  const quarter = (pace: string, places = 2) =>
    leafScheme({
      points: 1,
      rounding: { places, mode: 'half-up', stages: ['leaf'] },
      inputs: [input.money('累计支出'), input.money('调整预算')],
      metrics: [metric('支出进度', '累计支出 / 调整预算'), metric('执行率', `支出进度 / ${pace}`)],
      rule: { kind: 'ratio', metric: '执行率', multiplier: 1, cap: 1 },
    });

  it('序时进度 written 0.25 or 25% reads ÷ 25%: 1,612.16 ÷ 4,915.89 = 32.79%, ÷ 25% = 131.18%（按未取整数计算）', () => {
    // 4915.89 × 0.3279 = 1611.92; (1612.16 − 1611.92) / 4915.89 = 0.0000488 → 32.79%; ÷ 0.25 = 1.3117953 → 131.18%;
    // by hand from the line, 32.79% ÷ 25% = 131.16%: the result is marked as worked from the unrounded 32.7949%
    for (const pace of ['0.25', '25%']) {
      const lines = node(mustScore(quarter(pace), { 累计支出: '1612.16', 调整预算: '4915.89' }), 'leaf').trace!.arithmetic;
      expect(lines).toContain('支出进度 = 1,612.16万元 ÷ 4,915.89万元 = 32.79%');
      expect(lines).toContain('执行率 = 32.79% ÷ 25% = 131.18%（按未取整数计算）');
      expect(lines).toContain('执行率 131.18% × 1分 = 1.31（未取整）分');
    }
  });

  it('a line whose shown operands give its shown result by hand is not marked: 1,250 ÷ 5,000 = 25%, ÷ 25% = 100%', () => {
    // 1250 ÷ 5000 = 0.25 exactly; 25% ÷ 25% = 100%
    const lines = node(mustScore(quarter('0.25'), { 累计支出: '1250', 调整预算: '5000' }), 'leaf').trace!.arithmetic;
    expect(lines).toContain('执行率 = 25% ÷ 25% = 100%');
  });

  it('深圳市商务局 2024 (seed 002) 一季度: 86,641.59 ÷ 334,799.06 = 25.88%; 25.88% ÷ 25% = 103.52% by hand, shown 103.51%（按未取整数计算）', () => {
    // 86641.59 ÷ 334799.06 = 0.2587870… → 25.88%; 0.2587870 ÷ 0.25 = 1.0351481 → 103.51%; 0.2588 ÷ 0.25 = 1.0352 → 103.52%
    const lines = node(mustScore(quarter('0.25'), { 累计支出: '86641.59', 调整预算: '334799.06' }), 'leaf').trace!.arithmetic;
    expect(lines).toContain('支出进度 = 86,641.59万元 ÷ 334,799.06万元 = 25.88%');
    expect(lines).toContain('执行率 = 25.88% ÷ 25% = 103.51%（按未取整数计算）');
  });

  it('an unrounded score in a line is at the scheme’s places: 98.04% × 1分 = 0.98（未取整）分, at 3 places 0.980（未取整）', () => {
    const facts = { 累计支出: '2406.61', 调整预算: '4909.63' };
    const sheet = mustScore(quarter('0.5'), facts);
    expect(sheet.places).toBe(2);
    const leaf = node(sheet, 'leaf');
    expect(leaf.trace!.arithmetic).toContain('执行率 = 49.02% ÷ 50% = 98.04%');
    expect(leaf.trace!.arithmetic).toContain('执行率 98.04% × 1分 = 0.98（未取整）分');
    expect(leaf.trace!.arithmetic).toContain('0.98（未取整） → 0.98（保留2位小数（四舍五入））');
    expect(JSON.stringify(sheet)).not.toContain('≈');
    const three = node(mustScore(quarter('0.5', 3), facts), 'leaf').trace!.arithmetic;
    expect(three).toContain('执行率 98.04% × 1分 = 0.980（未取整）分');
  });

  it('a divisor that is a count stays a count: (a + b) ÷ 4, and a constant above 1 beside a percent stays as written', () => {
    const doc = leafScheme({
      points: 2,
      inputs: [input.percent('甲'), input.percent('乙')],
      metrics: [metric('平均', '(甲 + 乙) / 4'), metric('加权', '甲 * 2')],
      rule: { kind: 'ratio', metric: '平均', multiplier: 1 },
    });
    const lines = node(mustScore(doc, { 甲: '0.8', 乙: '0.6' }), 'leaf').trace!.arithmetic;
    // (0.8 + 0.6) / 4 = 0.35
    expect(lines).toContain('平均 = (80% + 60%) ÷ 4 = 35%');
    const weighted = { ...doc, indicators: [{ ...doc.indicators[0]!, children: [{ ...doc.indicators[0]!.children![0]!, rule: { kind: 'ratio' as const, metric: '加权', multiplier: 1 } }] }] };
    // 0.8 × 2 = 1.6
    expect(node(mustScore(weighted, { 甲: '0.8', 乙: '0.6' }), 'leaf').trace!.arithmetic).toContain('加权 = 80% × 2 = 160%');
  });
});

/**
 * 计量单位表: the units written in 年度指标值 / 实际完成值 (seed 001), with the dimension each measures
 * and its scale in that dimension's base unit. Money converts 元/万元/亿元; 美元 is its own currency;
 * every counting word (家, 个, 次, 人 …) is its own dimension, so "≥1000家" never silently compares
 * with "1100个".
 */
import { Dec } from '../decimal/exact.ts';
import type { UnitDef } from './types.ts';

interface Row {
  readonly symbols: readonly string[];
  readonly dimension: string;
  readonly scale: number | string | Dec;
  readonly base: string;
}

/** Counting words (量词); each is its own dimension. Aliases share a row: 场 = 场次. */
const COUNT_WORDS: ReadonlyArray<readonly string[]> = [
  ['家'], ['个'], ['份'], ['次'], ['场', '场次'], ['人'], ['人次'], ['名'], ['台'], ['批', '批次'],
  ['篇'], ['项'], ['期'], ['件'], ['条'], ['本'], ['套'], ['宗'], ['单'], ['票'], ['张'], ['国'],
  ['户'], ['所'], ['位'], ['间'], ['辆'], ['部'], ['册'], ['课时'], ['站'], ['类'], ['款'], ['场馆'],
  ['吨'], ['笔'], ['例'], ['届'], ['轮'], ['组'], ['团'], ['只'], ['块'], ['页'], ['座'], ['栋'],
];

const ROWS: readonly Row[] = [
  { symbols: ['元', '人民币元'], dimension: 'money:CNY', scale: 1, base: '元' },
  { symbols: ['千元'], dimension: 'money:CNY', scale: 1000, base: '元' },
  { symbols: ['万元'], dimension: 'money:CNY', scale: 10000, base: '元' },
  { symbols: ['百万元'], dimension: 'money:CNY', scale: 1000000, base: '元' },
  { symbols: ['亿元'], dimension: 'money:CNY', scale: 100000000, base: '元' },
  { symbols: ['万亿元'], dimension: 'money:CNY', scale: '1000000000000', base: '元' },
  { symbols: ['美元'], dimension: 'money:USD', scale: 1, base: '美元' },
  { symbols: ['万美元'], dimension: 'money:USD', scale: 10000, base: '美元' },
  { symbols: ['亿美元'], dimension: 'money:USD', scale: 100000000, base: '美元' },
  { symbols: ['平方米', '㎡', 'm2', 'm²', '平米'], dimension: 'area', scale: 1, base: '平方米' },
  { symbols: ['万平方米'], dimension: 'area', scale: 10000, base: '平方米' },
  { symbols: ['平方公里'], dimension: 'area', scale: 1000000, base: '平方米' },
  { symbols: ['米'], dimension: 'length', scale: 1, base: '米' },
  { symbols: ['公里', '千米'], dimension: 'length', scale: 1000, base: '米' },
  { symbols: ['万人次'], dimension: 'count:人次', scale: 10000, base: '人次' },
  { symbols: ['万人'], dimension: 'count:人', scale: 10000, base: '人' },
  { symbols: ['万家'], dimension: 'count:家', scale: 10000, base: '家' },
  { symbols: ['分钟'], dimension: 'hours', scale: new Dec(1).div(60), base: '小时' },
  { symbols: ['小时', '个小时', 'h'], dimension: 'hours', scale: 1, base: '小时' },
  { symbols: ['天', '日', '个自然日', '自然日'], dimension: 'hours', scale: 24, base: '小时' },
  { symbols: ['周', '个星期', '星期'], dimension: 'hours', scale: 168, base: '小时' },
  { symbols: ['工作日', '个工作日'], dimension: 'workdays', scale: 1, base: '工作日' },
  { symbols: ['个月', '月'], dimension: 'months', scale: 1, base: '个月' },
  { symbols: ['双月'], dimension: 'months', scale: 2, base: '个月' },
  { symbols: ['季度', '个季度', '季'], dimension: 'months', scale: 3, base: '个月' },
  { symbols: ['半年'], dimension: 'months', scale: 6, base: '个月' },
  { symbols: ['年', '全年', '年度'], dimension: 'months', scale: 12, base: '个月' },
  { symbols: ['百分点', '个百分点'], dimension: 'percentPoint', scale: 1, base: '百分点' },
  ...COUNT_WORDS.map((symbols) => ({ symbols, dimension: `count:${symbols[0]!}`, scale: 1, base: symbols[0]! })),
];

const TABLE: ReadonlyMap<string, UnitDef> = new Map(
  ROWS.flatMap((r) => r.symbols.map((symbol) => [symbol, { symbol, dimension: r.dimension, scale: new Dec(r.scale), base: r.base }] as const)),
);

/** Every unit symbol, longest first, for matching the unit at the end of a value ("万平方米" before "平方米"). */
export const UNIT_SYMBOLS: readonly string[] = [...TABLE.keys()].sort((a, b) => b.length - a.length);

/** The unit called `symbol` ("万元", "家", "个工作日"), or undefined when it is not in the table. */
export function lookupUnit(symbol: string): UnitDef | undefined {
  return TABLE.get(symbol);
}

/** True for the time units a duration is written in (小时/天/周, 工作日, 个月/季度/年). */
export function isTimeUnit(unit: UnitDef): boolean {
  return unit.dimension === 'hours' || unit.dimension === 'workdays' || unit.dimension === 'months';
}

/** True for money (元/万元/亿元 or 美元/万美元/亿美元). */
export function isMoney(unit: UnitDef | null | undefined): boolean {
  return !!unit && unit.dimension.startsWith('money:');
}

/** True when values in `a` and `b` can be compared after scaling (same dimension). */
export function convertible(a: UnitDef, b: UnitDef): boolean {
  return a.dimension === b.dimension;
}

/**
 * The base unit of a dimension as a UnitDef (元 for money:CNY, 家 for count:家), so a value stored in
 * base units can say what it is in.
 */
export function baseUnit(unit: UnitDef): UnitDef {
  return TABLE.get(unit.base) ?? unit;
}

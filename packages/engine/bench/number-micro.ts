/**
 * Micro-benchmark of the engine's number type: ns per operation for the exact `Dec` (decimal/exact.ts)
 * against decimal.js configured as the engine used it (precision 40, ROUND_HALF_UP). Not a test;
 * prints a table:
 *
 *   npx tsx packages/engine/bench/number-micro.ts          (MICRO_OPS=1000000 for longer rounds)
 *
 * Operands are what scoring meets: amounts in 元 with 2 decimals up to 10^10, rates with 4 decimals,
 * points and scores with up to 2, counts. Each operation cycles through 1024 realistic pairs (amount +
 * amount, rate × points, amount ÷ amount, …). The "wide" rows are the metric 全年平均执行率 of the
 * Shenzhen department schemes, (Σ quarterly execution rates) / 4, each rate (spent / budget) / 0.25,
 * 0.5, 0.75, 1: the denominators of the four quotients multiply past 2^53, so the sum (one row for its
 * three additions), its ÷ 4, × 2 (the points), rounding to 2 places, comparison with the cap and its
 * text leave the small range. The last rows are the slow paths (a product leaving the safe-integer
 * range, values of 30 digits and more, held in bigints), for the record.
 *
 * Each figure is the best of 5 timed rounds after a warm-up. Every case runs in its own loop function
 * (compiled from source), so the call of the operation is monomorphic and inlined for both sides —
 * one shared loop would see a dozen closures and charge each call the same megamorphic overhead. The
 * "loop" row is that loop with no operation: its cost is inside every other figure.
 */
import DecimalBase from 'decimal.js';
import { performance } from 'node:perf_hooks';
import { Dec } from '../src/decimal/dec.ts';

const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
type Decimal = InstanceType<typeof Decimal>;

const OPS = Number(process.env.MICRO_OPS ?? 300_000);
const SIZE = 1024;

let seed = 20240601;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const amount = () => Math.round(rand() * 1e12) / 100; // up to 10^10 元, 2 decimals
const rate = () => Math.round(rand() * 15000) / 10000; // 0–1.5, 4 decimals
const points = () => pick([1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 0.5, 1.5, 2.5]);
const score = () => Math.round(rand() * 2000) / 100; // 0–20, 2 decimals
const count = () => Math.floor(rand() * 500) + 1;

type Pair = [number, number];
const pairs = (make: (() => Pair)[]): Pair[] => Array.from({ length: SIZE }, (_, i) => make[i % make.length]!());
const PAIRS = {
  sum: pairs([() => [amount(), amount()], () => [score(), score()], () => [rate(), rate()], () => [score(), points()]]),
  product: pairs([() => [rate(), points()], () => [amount(), rate()], () => [score(), rate()], () => [count(), points()]]),
  quotient: pairs([() => [amount(), amount()], () => [count(), count()], () => [score(), points()], () => [rate(), rate()]]),
  compare: pairs([() => [rate(), pick([0.95, 0.9, 0.8, 0.6])], () => [amount(), amount()], () => [score(), points()]]),
  overflow: pairs([() => [amount(), amount()]]),
};
const singles = pairs([() => [amount(), 0], () => [rate(), 0], () => [score(), 0], () => [count(), 0]]).map((p) => p[0]);
const texts = singles.map(String);

const asDec = (ps: Pair[]) => ps.map(([a, b]) => [new Dec(a), new Dec(b)] as const);
const asBig = (ps: Pair[]) => ps.map(([a, b]) => [new Decimal(a), new Decimal(b)] as const);
const D = { sum: asDec(PAIRS.sum), product: asDec(PAIRS.product), quotient: asDec(PAIRS.quotient), compare: asDec(PAIRS.compare), overflow: asDec(PAIRS.overflow) };
const B = { sum: asBig(PAIRS.sum), product: asBig(PAIRS.product), quotient: asBig(PAIRS.quotient), compare: asBig(PAIRS.compare), overflow: asBig(PAIRS.overflow) };
const dSingles = singles.map((x) => new Dec(x));
const bSingles = singles.map((x) => new Decimal(x));
// values to round: products (up to 6 decimals) and quotients (rationals; 40-digit decimals)
const dProducts = D.product.map(([a, b]) => a.times(b));
const bProducts = B.product.map(([a, b]) => a.times(b));
const dQuotients = D.quotient.map(([a, b]) => a.div(b));
const bQuotients = B.quotient.map(([a, b]) => a.div(b));
const dHuge = D.overflow.map(([a, b]) => a.times(b).times(a));
const bHuge = B.overflow.map(([a, b]) => a.times(b).times(a));
// 全年平均执行率: four quarterly rates (spent / budget) / 0.25 … / 1, their sum, ÷ 4, × 2 points
const quarters = Array.from({ length: SIZE }, () =>
  [0.25, 0.5, 0.75, 1].map((p) => {
    const budget = amount() + 1;
    return [Math.round(budget * p * (0.4 + rand() * 0.6) * 100) / 100, budget, p] as const;
  }),
);
const dRates = quarters.map((qs) => qs.map(([s, b, p]) => new Dec(s).div(b).div(p)));
const bRates = quarters.map((qs) => qs.map(([s, b, p]) => new Decimal(s).div(b).div(p)));
const dSum4 = dRates.map((r) => r[0]!.plus(r[1]!).plus(r[2]!).plus(r[3]!));
const bSum4 = bRates.map((r) => r[0]!.plus(r[1]!).plus(r[2]!).plus(r[3]!));
const dAvg = dSum4.map((x) => x.div(4));
const bAvg = bSum4.map((x) => x.div(4));
const dScore = dAvg.map((x) => x.times(2));
const bScore = bAvg.map((x) => x.times(2));
const dCap = new Dec(2);
const bCap = new Decimal(2);

type Op = (i: number) => unknown;

/** Best ns/op of 5 rounds, in a loop function of its own (see the file comment). */
function time(op: Op): number {
  const loop = new Function(
    'op',
    'ops',
    'now',
    `let sink = 0;
     for (let i = 0; i < 20000; i++) if (op(i & ${SIZE - 1}) === undefined) sink++;
     let best = Infinity;
     for (let round = 0; round < 5; round++) {
       const t = now();
       for (let i = 0; i < ops; i++) if (op(i & ${SIZE - 1}) === undefined) sink++;
       best = Math.min(best, ((now() - t) * 1e6) / ops);
     }
     return sink > 0 ? -best : best;`,
  ) as (op: Op, ops: number, now: () => number) => number;
  return Math.abs(loop(op, OPS, () => performance.now()));
}

const rows: [string, Op, Op][] = [
  ['loop (no operation)', (i) => dSingles[i], (i) => bSingles[i]],
  ['new (number)', (i) => new Dec(singles[i]!), (i) => new Decimal(singles[i]!)],
  ['new (string)', (i) => new Dec(texts[i]!), (i) => new Decimal(texts[i]!)],
  ['plus', (i) => D.sum[i]![0].plus(D.sum[i]![1]), (i) => B.sum[i]![0].plus(B.sum[i]![1])],
  ['minus', (i) => D.sum[i]![0].minus(D.sum[i]![1]), (i) => B.sum[i]![0].minus(B.sum[i]![1])],
  ['times', (i) => D.product[i]![0].times(D.product[i]![1]), (i) => B.product[i]![0].times(B.product[i]![1])],
  ['div', (i) => D.quotient[i]![0].div(D.quotient[i]![1]), (i) => B.quotient[i]![0].div(B.quotient[i]![1])],
  ['cmp', (i) => D.compare[i]![0].cmp(D.compare[i]![1]), (i) => B.compare[i]![0].cmp(B.compare[i]![1])],
  ['gte', (i) => D.compare[i]![0].gte(D.compare[i]![1]), (i) => B.compare[i]![0].gte(B.compare[i]![1])],
  ['lt(0)', (i) => dSingles[i]!.lt(0), (i) => bSingles[i]!.lt(0)],
  ['toDecimalPlaces(2) product', (i) => dProducts[i]!.toDecimalPlaces(2, 4), (i) => bProducts[i]!.toDecimalPlaces(2, 4)],
  ['toDecimalPlaces(2) quotient', (i) => dQuotients[i]!.toDecimalPlaces(2, 4), (i) => bQuotients[i]!.toDecimalPlaces(2, 4)],
  ['toString', (i) => dSingles[i]!.toString(), (i) => bSingles[i]!.toString()],
  ['toFixed(2)', (i) => dSingles[i]!.toFixed(2), (i) => bSingles[i]!.toFixed(2)],
  ['wide: sum of 4 quotients', (i) => dRates[i]![0]!.plus(dRates[i]![1]!).plus(dRates[i]![2]!).plus(dRates[i]![3]!), (i) => bRates[i]![0]!.plus(bRates[i]![1]!).plus(bRates[i]![2]!).plus(bRates[i]![3]!)],
  ['wide: that sum ÷ 4', (i) => dSum4[i]!.div(4), (i) => bSum4[i]!.div(4)],
  ['wide: average × 2', (i) => dAvg[i]!.times(2), (i) => bAvg[i]!.times(2)],
  ['wide: toDecimalPlaces(2)', (i) => dScore[i]!.toDecimalPlaces(2, 4), (i) => bScore[i]!.toDecimalPlaces(2, 4)],
  ['wide: gt(cap 2)', (i) => dScore[i]!.gt(dCap), (i) => bScore[i]!.gt(bCap)],
  ['wide: toString', (i) => dScore[i]!.toString(), (i) => bScore[i]!.toString()],
  ['slow: times leaving 2^53', (i) => D.overflow[i]![0].times(D.overflow[i]![1]), (i) => B.overflow[i]![0].times(B.overflow[i]![1])],
  ['slow: plus of big values', (i) => dHuge[i]!.plus(dHuge[(i + 1) & (SIZE - 1)]!), (i) => bHuge[i]!.plus(bHuge[(i + 1) & (SIZE - 1)]!)],
];

console.log(`ns/op, best of 5 rounds × ${OPS}; Dec (exact hybrid) vs decimal.js (precision 40)`);
console.log(`${'operation'.padEnd(30)}${'Dec'.padStart(8)}${'decimal.js'.padStart(12)}${'speed-up'.padStart(10)}`);
for (const [name, ours, theirs] of rows) {
  const a = time(ours);
  const b = time(theirs);
  console.log(`${name.padEnd(30)}${a.toFixed(1).padStart(8)}${b.toFixed(1).padStart(12)}${`${(b / a).toFixed(1)}×`.padStart(10)}`);
}

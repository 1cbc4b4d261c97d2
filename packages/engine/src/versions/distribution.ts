/**
 * Score distribution (得分分布): how many cases fall in each score band before and after, ready for
 * an echarts bar chart (categories on the x axis, one series per version).
 */
import { Dec, plain } from '../decimal/dec.ts';

export interface DistributionBin {
  /** "<60", "60–70", …, "90–100". */
  label: string;
  /** Lower bound (included), decimal string; null for the first bin. */
  min: string | null;
  /** Upper bound (excluded), decimal string; null for the last bin. */
  max: string | null;
  before: number;
  after: number;
}

export interface Distribution {
  bins: DistributionBin[];
  /** echarts-ready: `xAxis.data = categories`, `series = [{ type: 'bar', ...series[0] }, …]`. */
  chart: { categories: string[]; series: { name: string; data: number[] }[] };
}

/** Default band edges: <60, 60–70, 70–80, 80–90, ≥90 (the 优/良/中/差 thresholds of 财预〔2020〕10号, with 中 split). */
export const DEFAULT_EDGES = ['60', '70', '80', '90'];

/**
 * Counts totals (decimal strings) into the bands cut at `edges` (ascending). The last band is
 * labelled "90–<totalPoints>" (so "90–100"), the first "<60".
 */
export function distribution(before: string[], after: string[], totalPoints: string, edges: string[] = DEFAULT_EDGES): Distribution {
  const cuts = edges.map((e) => new Dec(e));
  const bins: DistributionBin[] = [];
  for (let k = 0; k <= cuts.length; k++) {
    const lo = k === 0 ? null : cuts[k - 1]!;
    const hi = k === cuts.length ? null : cuts[k]!;
    const label = lo === null ? `<${plain(hi!)}` : hi === null ? `${plain(lo)}–${totalPoints}` : `${plain(lo)}–${plain(hi)}`;
    bins.push({ label, min: lo === null ? null : plain(lo), max: hi === null ? null : plain(hi), before: 0, after: 0 });
  }
  const binOf = (t: string) => {
    const d = new Dec(t);
    const k = cuts.findIndex((c) => d.lt(c));
    return k < 0 ? cuts.length : k;
  };
  for (const t of before) bins[binOf(t)]!.before++;
  for (const t of after) bins[binOf(t)]!.after++;
  return {
    bins,
    chart: {
      categories: bins.map((b) => b.label),
      series: [
        { name: '基准方案', data: bins.map((b) => b.before) },
        { name: '草稿', data: bins.map((b) => b.after) },
      ],
    },
  };
}

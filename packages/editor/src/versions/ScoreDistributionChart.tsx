/**
 * 得分分布 before/after as an echarts bar chart (the engine's `distribution(...).chart`: score bands
 * on the x axis, one series per version). echarts comes from the local package (no CDN), drawn as
 * SVG so the labels are text in the page; its aria description (role img,
 * set by echarts) says the numbers in words.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export interface DistributionChartData {
  categories: string[];
  series: { name: string; data: number[] }[];
}

/** Series colours: baseline grey-blue, draft the editor's blue. */
const COLORS = ['#9aa9bb', '#1d5fa8'];

/** What the chart shows, in words (its accessible description): "得分分布。2024年方案（基准）：<60 0个，…". */
export function describeDistribution(data: DistributionChartData, labels: [string, string]): string {
  const per = data.series.map((s, i) => `${labels[i] ?? s.name}：${data.categories.map((c, k) => `${c}分 ${s.data[k] ?? 0}个`).join('，')}`);
  return `得分分布（案例数）。${per.join('；')}。`;
}

export function chartOption(data: DistributionChartData, labels: [string, string]): echarts.EChartsCoreOption {
  return {
    animation: false,
    color: COLORS,
    aria: { enabled: true, label: { description: describeDistribution(data, labels) } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: labels },
    grid: { left: 36, right: 12, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: data.categories, name: '分', nameGap: 4, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1, name: '案例数', nameGap: 8 },
    series: data.series.map((s, i) => ({
      name: labels[i] ?? s.name,
      type: 'bar',
      data: s.data,
      barMaxWidth: 28,
      label: { show: true, position: 'top', formatter: (p: { value: unknown }) => (Number(p.value) ? String(p.value) : '') },
    })),
  };
}

export function ScoreDistributionChart({ data, labels, height = 220 }: { data: DistributionChartData; labels: [string, string]; height?: number }) {
  const el = useRef<HTMLDivElement | null>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const c = echarts.init(node, undefined, { renderer: 'svg', locale: 'ZH' });
    chart.current = c;
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(() => c.resize()) : null;
    ro?.observe(node);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(chartOption(data, labels), { notMerge: true });
  }, [data, labels]);

  return <div ref={el} className="distribution-chart" data-testid="distribution-chart" style={{ height, width: '100%' }} />;
}

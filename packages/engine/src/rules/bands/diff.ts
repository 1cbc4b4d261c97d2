/** 引用共用分档表 (bands): the metric and the table referenced (a table's own changes are the scheme's). */
import type { KindRule } from '../kind.ts';
import { add, metricChange, type DiffCtx, type Place } from '../../versions/diff-context.ts';

type BandsRule = KindRule<'bands'>;

/** The change kinds this diff reports, with their Chinese names. */
export const BANDS_CHANGES = {
  'band-table-changed': '引用的分档表变更',
} as const;

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffBands(ctx: DiffCtx, place: Place, x: BandsRule, y: BandsRule): readonly string[] {
  metricChange(ctx, place, 'metric', '分档对象', x.metric, y.metric);
  if (x.table !== y.table) add(ctx, place, 'band-table-changed', `${place.label}：分档表 ${x.table} → ${y.table}`, `${place.label}: band table ${x.table} → ${y.table}`, { sub: ['table'], before: x.table, after: y.table });
  return ['metric', 'table'];
}

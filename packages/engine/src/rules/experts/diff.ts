/** 专家评分 (experts): the panel, the minimum and the guidance. */
import type { KindRule } from '../kind.ts';
import { add, sameJson, textChange, type DiffCtx, type Place } from '../../versions/diff-context.ts';

type ExpertsRule = KindRule<'experts'>;

/** The change kinds this diff reports, with their Chinese names. */
export const EXPERTS_CHANGES = {
  'experts-panel-changed': '专家名单变更',
  'experts-minimum-changed': '最少专家人数变更',
  'experts-guidance-changed': '专家评分指引变更',
} as const;

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffExperts(ctx: DiffCtx, place: Place, x: ExpertsRule, y: ExpertsRule): readonly string[] {
  if (!sameJson(x.panel, y.panel)) add(ctx, place, 'experts-panel-changed', `${place.label}：专家 ${(x.panel ?? []).join('、')} → ${(y.panel ?? []).join('、')}`, `${place.label}: panel changed`, { sub: ['panel'], before: x.panel, after: y.panel });
  if (x.minimum !== y.minimum) add(ctx, place, 'experts-minimum-changed', `${place.label}：至少 ${x.minimum ?? '全部'} → ${y.minimum ?? '全部'} 位专家`, `${place.label}: minimum changed`, { sub: ['minimum'], pathBefore: x.minimum === undefined ? null : undefined, pathAfter: y.minimum === undefined ? null : undefined, before: x.minimum, after: y.minimum });
  if ((x.guidance ?? '') !== (y.guidance ?? '')) add(ctx, place, 'experts-guidance-changed', `${place.label}：专家评分指引 ${textChange(x.guidance, y.guidance)}`, `${place.label}: guidance changed`, { sub: ['guidance'], pathBefore: x.guidance === undefined ? null : undefined, pathAfter: y.guidance === undefined ? null : undefined, before: x.guidance, after: y.guidance });
  return ['panel', 'minimum', 'guidance'];
}

/** 酌情评分 (judgement): the guidance text and the bands (评分档次). */
import type { JudgementRule } from '../../format/scheme-types.ts';
import { add, textChange, type DiffCtx, type Place } from '../../versions/diff-context.ts';
import { BAND_CHANGES, diffBands } from './bands.ts';

/** The change kinds this diff reports, with their Chinese names. */
export const JUDGEMENT_CHANGES = {
  'judgement-guidance-changed': '酌情评分指引变更',
  ...BAND_CHANGES,
} as const;

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffJudgement(ctx: DiffCtx, place: Place, x: JudgementRule, y: JudgementRule): readonly string[] {
  if ((x.guidance ?? '') !== (y.guidance ?? '')) {
    add(ctx, place, 'judgement-guidance-changed', `${place.label}：酌情评分指引文字变更：${textChange(x.guidance, y.guidance)}`, `${place.label}: judgement guidance changed`, {
      sub: ['guidance'],
      pathBefore: x.guidance === undefined ? null : undefined,
      pathAfter: y.guidance === undefined ? null : undefined,
      before: x.guidance,
      after: y.guidance,
    });
  }
  diffBands(ctx, place, 'bands', x.bands, y.bands);
  return ['guidance', 'bands'];
}

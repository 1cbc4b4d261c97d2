/**
 * Messages of 酌情评分 (judgement): the reviewer's entry missing or out of range (a missing reason: ../messages.ts),
 * and of 评分档次 (bands, ./bands.ts): no band chosen, an unknown band, a score outside the chosen band, and
 * the scheme's band definitions.
 */
import { defineMessages } from '../../errors/catalogue.ts';
import { scoreRangeEn, scoreRangeZh } from '../messages.ts';

/** Who a band message is about: “服务质量”, or 第6行“培训效果” for a row of 年度绩效指标. */
const who = (p: { name: string; row?: number }) => `${p.row === undefined ? '' : `第${p.row}行`}“${p.name}”`;

export const judgementMessages = defineMessages({
  'judgement-missing': {
    // the indicator by its name in the Chinese; its reviewer key is the issue's path (/reviewer/<key>)
    zh: (p: { name: string; key: string }) => `“${p.name}”为酌情评分项，案例缺少该项的评审录入（得分与理由）`,
    en: (p: { name: string; key: string }) => `judgement item "${p.key}" needs a reviewer entry (score and reason)`,
  },
  /** `score`: the entry as written (it may not be a number); see `scoreRangeZh`. */
  'judgement-range': {
    zh: (p: { name: string; key: string; score: string; points: string }) => `“${p.name}”的评审得分 ${scoreRangeZh(p.score, p.points)}`,
    en: (p: { name: string; key: string; score: string; points: string }) => `reviewer score ${scoreRangeEn(p.score, p.key, p.points)}`,
  },
  /** `labels`: the bands' labels joined by 、. */
  'band-missing': {
    zh: (p: { name: string; row?: number; key: string; labels: string }) =>
      p.row === undefined
        ? `${who(p)}须由评审选择档次（${p.labels}）并在该档区间内给分、写明理由，案例缺少该项评审所选的档次`
        : `${who(p)}须选择档次（${p.labels}）并在该档区间内自评给分、写明偏差原因，该行缺少所选档次（band）`,
    en: (p: { name: string; row?: number; key: string; labels: string }) => `"${p.key}" needs a reviewer entry naming its band (one of: ${p.labels})`,
  },
  'band-unknown': {
    zh: (p: { name: string; row?: number; band: string; labels: string }) => `${who(p)}的档次“${p.band}”不是本项的档次之一（${p.labels}）`,
    en: (p: { name: string; row?: number; band: string; labels: string }) => `band "${p.band}" of "${p.name}" is not one of: ${p.labels}`,
  },
  /**
   * `range`: the band's range as shown ("分值的60%（含）–80%，即 6–8分"); `by`: whose score it is — 评审 (the
   * default, a reviewer's entry) or 自评 (a department's own score on a row of 年度绩效指标, as on the 财预 scheme).
   */
  'band-range': {
    zh: (p: { name: string; row?: number; band: string; range: string; score: string; by?: '评审' | '自评' }) =>
      `${who(p)}选择“${p.band}”档（${p.range}），${p.by ?? '评审'}得分 ${p.score}分 不在该档区间内`,
    en: (p: { name: string; row?: number; band: string; range: string; score: string; by?: '评审' | '自评' }) =>
      `${p.by === '自评' ? 'self-score' : 'reviewer score'} ${p.score} of "${p.name}" is outside its band "${p.band}"`,
  },
  'band-conflict': {
    zh: (p: { name: string; row?: number; chosen: string; applies: string }) => `${who(p)}按事实属“${p.applies}”档，评审录入的档次“${p.chosen}”与之不符`,
    en: (p: { name: string; row?: number; chosen: string; applies: string }) => `"${p.name}" falls in band "${p.applies}" by its facts, not "${p.chosen}"`,
  },
  'band-none-applies': {
    zh: (p: { name: string; row?: number; labels: string }) => `${who(p)}的事实不属于任何档次（${p.labels}）`,
    en: (p: { name: string; row?: number; labels: string }) => `the facts of "${p.name}" fall in none of its bands (${p.labels})`,
  },
  'band-duplicate': {
    zh: (p: { name: string; label: string }) => `“${p.name}”的档次名称“${p.label}”重复`,
    en: (p: { name: string; label: string }) => `band label "${p.label}" of "${p.name}" is used twice`,
  },
  'band-empty': {
    zh: (p: { name: string; label: string }) => `“${p.name}”的档次“${p.label}”区间为空（下限高于上限）`,
    en: (p: { name: string; label: string }) => `band "${p.label}" of "${p.name}" is empty`,
  },
  /** `unit`: share (比例, `top` "100%") or points (分, `top` the points; null for rows whose points each case brings). */
  'band-outside': {
    zh: (p: { name: string; label: string; value: string; unit: 'share' | 'points'; top: string | null }) =>
      p.unit === 'share'
        ? `“${p.name}”的档次“${p.label}”界值 ${p.value} 应在分值的 0–100% 之间（80% 填 0.8 或 "80%"）`
        : `“${p.name}”的档次“${p.label}”界值 ${p.value} 应为 0${p.top === null ? '' : `–${p.top}`} 分之间的分数（以分计，不带百分号）`,
    en: (p: { name: string; label: string; value: string; unit: 'share' | 'points'; top: string | null }) => `band "${p.label}" of "${p.name}": bound ${p.value} is outside 0–${p.top ?? '∞'}`,
  },
  'band-when-mixed': {
    zh: (p: { name: string }) => `“${p.name}”的档次有的写了选择条件（when）有的没写：要么全部按事实选择档次，要么全部由评审选择`,
    en: (p: { name: string }) => `bands of "${p.name}": either every band has a condition or none`,
  },
});

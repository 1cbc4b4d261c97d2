/** Messages of 年度绩效指标行 (targets): a row whose points or self-score is not a number, a row needing judgement. */
import { defineMessages } from '../../errors/catalogue.ts';
import type { RowResult } from '../../sheet/types.ts';

const OUTCOME_ZH: Record<RowResult['outcome'], string> = {
  met: '达成',
  notMet: '未达成',
  qualitative: '定性指标',
  notApplicable: '不适用',
  incomparable: '无法比较',
};

export const targetsMessages = defineMessages({
  /** `row`: 1-based; `name`: the row's 三级指标; `value`: as written. */
  'row-points': {
    zh: (p: { row: number; name: string; value: string }) => `第${p.row}行“${p.name}”的分值“${p.value}”不是有效数字`,
    en: (p: { row: number; name: string; value: string }) => `row ${p.row} has invalid points`,
  },
  'row-self-score': {
    zh: (p: { row: number; name: string; value: string }) => `第${p.row}行“${p.name}”的自评得分“${p.value}”不是有效数字`,
    en: (p: { row: number; name: string; value: string }) => `row ${p.row} has an invalid self-score`,
  },
  /** `outcome`: how the row compared (RowResult outcome code). */
  'row-judgement-missing': {
    zh: (p: { row: number; name: string; outcome: RowResult['outcome'] }) => `第${p.row}行“${p.name}”需酌情评分（${OUTCOME_ZH[p.outcome]}），但没有自评得分`,
    en: (p: { row: number; name: string; outcome: RowResult['outcome'] }) => `row ${p.row} needs a judgement score but has no self-score`,
  },
});

/** Messages of 专家评分 (experts). */
import { defineMessages } from '../../errors/catalogue.ts';

export const expertsMessages = defineMessages({
  /**
   * `missing`: the experts of the panel without an entry, as the scheme names them (专家3); `need`: how many
   * experts must score. The first missing entry's reviewer key is the issue's path.
   */
  'experts-missing': {
    zh: (p: { name: string; missing: readonly string[]; need: number; got: number }) =>
      `“${p.name}”须至少${p.need}位专家评分，现有${p.got}位；缺少${p.missing.map((k) => `“${k}”`).join('、')}的评分`,
    en: (p: { name: string; missing: readonly string[]; need: number; got: number }) => `"${p.name}" needs ${p.need} expert scores, has ${p.got}`,
  },
  'experts-minimum': {
    zh: (p: { name: string; minimum: number; panel: number }) => `“${p.name}”要求至少${p.minimum}位专家评分，但专家名单只有${p.panel}位`,
    en: (p: { name: string; minimum: number; panel: number }) => `"${p.name}": minimum ${p.minimum} exceeds the panel of ${p.panel}`,
  },
});

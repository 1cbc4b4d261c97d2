/**
 * 引用共用分档表 (bands): a leaf scored by a band table the scheme defines once.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { BandsRuleSchema } from './schema.ts';
import { bands as scoring } from './bands.ts';
import { BANDS_CHANGES, diffBands } from './diff.ts';
import { bandsMessages } from './messages.ts';

export const bands: KindDefinition<'bands', typeof BandsRuleSchema, typeof BANDS_CHANGES> = {
  ...scoring,
  kind: 'bands',
  schema: BandsRuleSchema,
  names: { zh: '引用共用分档表', en: 'shared band table', example: '完成率≥100%的，得满分；80%≤完成率<100%的，得分值的80%……' },
  template: (metric) => ({ kind: 'bands', metric, table: '完成率分档' }),
  itemCount: () => 0,
  messages: bandsMessages,
  changes: BANDS_CHANGES,
  diff: diffBands,
};

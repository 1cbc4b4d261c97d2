/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/**
 * 引用共用分档表 (bands): a leaf scored by a band table the scheme defines once (`bandTables`), each band a
 * share of this leaf's 分值, so many leaves share one table instead of copying it.
 */
export const BandsRuleSchema = Type.Object(
  {
    kind: Type.Literal('bands'),
    metric: Type.Ref('Id', { description: '被分档的事实或计算指标标识' }),
    table: Type.Ref('Id', { description: '引用的共用分档表标识（方案 bandTables 中）' }),
    ...ruleBase,
  },
  { additionalProperties: false, description: '引用共用分档表：如 各项完成率均按“完成率分档”表计分' },
);

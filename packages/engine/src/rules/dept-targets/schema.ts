/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/**
 * 部门绩效目标行 (deptTargets): in a 部门整体 scheme, the department sets its own targets; the case brings the
 * rows (年度指标值, 实际完成值, 分值) and the scheme says how a row is scored: by a shared 完成率 band table
 * (`bandTables`) or 按完成比例. The rows' scores are converted to this indicator's 分值.
 */
export const DeptTargetsRuleSchema = Type.Object(
  {
    kind: Type.Literal('deptTargets'),
    rowsFact: Type.Ref('Id', { description: '部门设定的绩效指标行事实标识（类型 rows）' }),
    by: Type.Union([Type.Object({ table: Type.Ref('Id', { description: '按共用分档表（bandTables）中的完成率分档计分' }) }, { additionalProperties: false }), Type.Literal('proportional')], {
      description: '每行如何计分：{"table": 分档表标识} 按完成率分档；"proportional" 按完成比例计算得分，满分为止',
    }),
    ...ruleBase,
  },
  { additionalProperties: false, description: '部门绩效目标行：部门自设指标行，按方案规定的完成率分档或完成比例计分，折算到本指标分值' },
);

/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/** 公式计分 (formula): a mathjs expression over facts and metrics, giving points. */
export const FormulaRuleSchema = Type.Object(
  {
    kind: Type.Literal('formula'),
    expression: Type.String({ minLength: 1, description: '得分公式（mathjs 语法，可用中文标识），如 已完成项目数/计划完成项目总数*6' }),
    ...ruleBase,
  },
  { additionalProperties: false, description: '公式计分：如 本指标得分=已完成项目数/计划完成项目总数×6分' },
);

/** The rule kinds a user can choose (Chinese names as in the seeds) and a starting rule of each. */
import type { Rule, RuleKind } from './types.ts';

export const RULE_KINDS: { kind: RuleKind; label: string; example: string }[] = [
  { kind: 'tiers', label: '分档计分', example: '满意度≥95%的，得6分；90%≤满意度<95%的，得4分……' },
  { kind: 'ratio', label: '比率×分值', example: '政府采购执行率得分=政府采购执行率×1分' },
  { kind: 'checklist', label: '评分要点', example: '1. 预算编制符合本部门职责（1分）……' },
  { kind: 'deduction', label: '扣分（扣完为止）', example: '发现一项不符合的扣1分，扣完为止' },
  { kind: 'linearPenalty', label: '线性扣分', example: '超出一个百分点扣0.1分，直至扣完为止' },
  { kind: 'options', label: '枚举分档', example: '按要求公开1.5分；公开但不符合要求1分；没有公开0分' },
  { kind: 'formula', label: '公式计分', example: '已完成项目数/计划完成项目总数×6分' },
  { kind: 'sum', label: '分项合计', example: '“三公”经费控制率得分 + 日常公用经费控制率得分' },
  { kind: 'judgement', label: '酌情评分', example: '未实现绩效目标的酌情扣分' },
  { kind: 'targets', label: '年度绩效指标行', example: '年度指标值与实际完成值逐行比较' },
];

export function kindLabel(kind: unknown): string {
  return RULE_KINDS.find((k) => k.kind === kind)?.label ?? String(kind);
}

/**
 * The example sentence of a rule kind, marked as an example ("例：……") so it does not read as the
 * indicator's own rule; undefined for an unknown kind.
 */
export function kindExample(kind: unknown): string | undefined {
  const e = RULE_KINDS.find((k) => k.kind === kind)?.example;
  return e === undefined ? undefined : `例：${e}`;
}

/** A minimal rule of `kind`, using `metric` (a declared fact or metric id) where one is needed. */
export function templateRule(kind: RuleKind, metric: string, points: number | string): Rule {
  switch (kind) {
    case 'tiers':
      return { kind, metric, tiers: [{ min: 0.9, minInclusive: true, score: points }, { max: 0.9, maxInclusive: false, score: 0 }] };
    case 'ratio':
      return { kind, metric, multiplier: points };
    case 'checklist':
      return { kind, items: [{ id: '要点1', text: '', points, fact: metric }] };
    case 'deduction':
      return { kind, countFact: metric, perItem: 1 };
    case 'linearPenalty':
      return { kind, metric, threshold: 0.1, step: 0.01, deduct: 0.1 };
    case 'options':
      return { kind, fact: metric, options: [{ value: '是', score: points, text: '' }] };
    case 'formula':
      return { kind, expression: `${metric}*${points}` };
    case 'sum':
      return { kind, parts: [{ id: '分项1', name: '分项1', points, rule: { kind: 'judgement' } }] };
    case 'judgement':
      return { kind };
    case 'targets':
      return { kind, rowsFact: metric, policy: { quantitativeNotMet: 'proportional', qualitative: 'judgement', notApplicable: 'full' } };
  }
}

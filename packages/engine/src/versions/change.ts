/**
 * A change between two versions of a scheme (方案变更), as `diffSchemes` reports it: typed data for
 * the editor's side-by-side view, with a Chinese sentence a policy person reads directly
 * ("公众或服务对象满意度：第1档 ≥95% 得分 6分 → 5分") and English beside it for logs.
 */

import type { ChangeNames } from '../rules/kind.ts';
import { RULE_KIND_LIST } from '../rules/registry.ts';
import { POLICY_CHANGES } from './diff-policies.ts';

/** The changes of any scheme, whatever its rule kinds; each rule kind adds its own (`changes` of its definition). */
const COMMON_CHANGES = {
  // indicator tree 指标体系
  'indicator-added': '新增指标',
  'indicator-removed': '删除指标',
  'indicator-moved': '指标位置调整',
  'indicator-renamed': '指标更名',
  'points-changed': '分值变更',
  'description-changed': '指标说明文字变更',
  'criterion-changed': '评分标准文字变更',
  'rule-kind-changed': '计分方式变更',
  // any rule
  'rule-metric-changed': '计分对象变更',
  'veto-changed': '一票否决条款变更',
  'exempt-changed': '免评条款变更',
  'rule-rounding-changed': '本项舍入变更',
  'render-changed': '评分标准表述变更',
  // declarations 事实与计算指标
  'input-added': '新增输入事实',
  'input-removed': '删除输入事实',
  'input-changed': '输入事实变更',
  'metric-added': '新增计算指标',
  'metric-removed': '删除计算指标',
  'metric-changed': '计算指标变更',
  // scheme level 方案整体
  'grades-changed': '等级区间变更',
  'rounding-changed': '舍入政策变更',
  'total-points-changed': '总分变更',
  'meta-changed': '方案信息变更',
  /** Anything the typed comparisons do not name (a safety net: no difference goes unreported). */
  'other-changed': '其他变更',
} as const;

/** The change kinds the rule kinds' diffs report (e.g. `tier-score-changed`). */
type KindChangeKind<D> = D extends { changes: ChangeNames } ? keyof D['changes'] & string : never;

/** Every kind of change: the common ones and those of each registered rule kind. */
export type ChangeKind = keyof typeof COMMON_CHANGES | keyof typeof POLICY_CHANGES | KindChangeKind<(typeof RULE_KIND_LIST)[number]>;

/** Every kind of change, with its Chinese name (used in summaries and filters). */
export const CHANGE_KINDS: { readonly [K in ChangeKind]: string } = Object.assign({}, COMMON_CHANGES, POLICY_CHANGES, ...RULE_KIND_LIST.map((k) => k.changes));

export interface SchemeChange {
  kind: ChangeKind;
  /** 中文说明，政策人员直接阅读，如“效果性 25分 → 20分”。 */
  message: string;
  /** English beside it, for logs. */
  messageEn: string;
  /** Indicator concerned (its id in the newer version, or in the older one when removed). */
  indicator?: string;
  /** That indicator's name (名称). */
  indicatorName?: string;
  /** JSON Pointer of the changed place in the older document (absent for additions). */
  pathBefore?: string;
  /** JSON Pointer of the changed place in the newer document (absent for removals). */
  pathAfter?: string;
  /** The value before (number, decimal string, text or JSON), when one value changed. */
  before?: unknown;
  /** The value after. */
  after?: unknown;
}

/**
 * One line summing up a list of changes, for history records and commit-style messages:
 * "无变更", or "3处变更：效果性 25分 → 20分；新增指标 数字化建设 5分；…" cut to `max` characters.
 */
export function summarizeChanges(changes: readonly SchemeChange[], max = 120): string {
  if (!changes.length) return '无变更';
  const head = `${changes.length}处变更：`;
  let body = '';
  for (const c of changes) {
    const line = c.message.replace(/\s*\n\s*/g, ' ');
    const next = body ? `${body}；${line}` : line;
    if (head.length + next.length > max) {
      body = body ? `${body}；…` : `${line.slice(0, Math.max(max - head.length - 1, 10))}…`;
      break;
    }
    body = next;
  }
  return head + body;
}

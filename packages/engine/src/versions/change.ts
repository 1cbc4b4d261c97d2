/**
 * A change between two versions of a scheme (方案变更), as `diffSchemes` reports it: typed data for
 * the editor's side-by-side view, with a Chinese sentence a policy person reads directly
 * ("公众或服务对象满意度：第1档 ≥95% 得分 6分 → 5分") and English beside it for logs.
 */

/** Every kind of change, with its Chinese name (used in summaries and filters). */
export const CHANGE_KINDS = {
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
  // tiers 分档
  'tier-added': '新增档位',
  'tier-removed': '删除档位',
  'tier-bound-changed': '档位界限变更',
  'tier-inclusivity-changed': '档位界限含/不含变更',
  'tier-score-changed': '档位得分变更',
  'tier-label-changed': '档位说明变更',
  // options 枚举分档
  'option-added': '新增选项',
  'option-removed': '删除选项',
  'option-changed': '选项变更',
  // ratio 比率
  'ratio-multiplier-changed': '比率乘数变更',
  'ratio-cap-changed': '比率封顶变更',
  'ratio-zero-rule-changed': '得0分条款变更',
  // formula 公式
  'formula-changed': '计分公式变更',
  // sum 分项
  'part-added': '新增分项',
  'part-removed': '删除分项',
  'part-renamed': '分项更名',
  'part-points-changed': '分项分值变更',
  // checklist 评分要点
  'checklist-item-added': '新增评分要点',
  'checklist-item-removed': '删除评分要点',
  'checklist-item-changed': '评分要点变更',
  // deduction 扣分
  'deduction-per-item-changed': '每项扣分变更',
  'deduction-floor-changed': '扣分下限变更',
  'deduction-count-changed': '扣分计数事实变更',
  // linear penalty 线性扣分
  'linear-penalty-changed': '线性扣分参数变更',
  // judgement 酌情
  'judgement-guidance-changed': '酌情评分指引变更',
  // targets 年度指标行
  'targets-policy-changed': '指标行计分政策变更',
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

export type ChangeKind = keyof typeof CHANGE_KINDS;

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

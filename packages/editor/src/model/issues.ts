/** Selecting the engine's issues by where they point (JSON Pointer of the scheme document). */
import type { Issue } from './types.ts';

/** Issues pointing exactly at `ptr`. */
export function issuesAt(issues: readonly Issue[], ptr: string): Issue[] {
  return issues.filter((i) => i.path === ptr);
}

/** Issues pointing at `ptr` or anything inside it. */
export function issuesUnder(issues: readonly Issue[], ptr: string): Issue[] {
  return issues.filter((i) => i.path === ptr || i.path.startsWith(ptr + '/'));
}

/** Issues relative to `ptr`, with their paths made relative (for sub-editors). */
export function relativeIssues(issues: readonly Issue[], ptr: string): Issue[] {
  return issuesUnder(issues, ptr).map((i) => ({ ...i, path: i.path.slice(ptr.length) }));
}

/** The worst severity, or null. */
export function worst(issues: readonly Issue[]): 'error' | 'warning' | null {
  if (issues.some((i) => i.severity === 'error')) return 'error';
  return issues.length ? 'warning' : null;
}

/** What a document field is called on the page, by its key under an indicator. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  points: '分值',
  name: '指标名称',
  description: '指标说明',
  criterion: '评分标准原文',
  rule: '计分规则',
  children: '下级指标',
};

/**
 * Where an issue is, in the words of the page instead of its JSON Pointer: the indicator's names from
 * the top (“产出 › 公平性”) and the field inside it (“分值”, “计分规则 第2档”); outside the indicators,
 * the top-level field (“事实与计算指标”, “等级”) or null when the pointer names nothing known.
 * `/indicators/1/children/0/points` → “公平性 › 分值” when indicator 1 is named 公平性 and has no parent.
 */
export function issuePlace(doc: unknown, path: string): string | null {
  const segs = path.split('/').slice(1);
  const names: string[] = [];
  if (segs[0] !== 'indicators') {
    const top: Record<string, string> = { inputs: '事实与计算指标', metrics: '事实与计算指标', calendar: '节点日期', grades: '等级', totalPoints: '总分', title: '方案名称', year: '年度', rounding: '小数位' };
    return segs[0] !== undefined ? (top[segs[0]] ?? null) : null;
  }
  let list: unknown = (doc as { indicators?: unknown } | null)?.indicators;
  let i = 1;
  let field: string | null = null;
  while (i < segs.length) {
    const n = Number(segs[i]);
    const node = Array.isArray(list) && Number.isInteger(n) ? (list[n] as { name?: unknown; children?: unknown } | undefined) : undefined;
    if (!node) break;
    names.push(typeof node.name === 'string' && node.name ? node.name : `第${n + 1}项指标`);
    const next = segs[i + 1];
    if (next === 'children' && i + 2 < segs.length) {
      list = node.children;
      i += 2;
      continue;
    }
    if (next !== undefined) {
      field = FIELD_NAMES[next] ?? null;
      const tier = next === 'rule' && segs[i + 2] === 'tiers' && segs[i + 3] !== undefined ? Number(segs[i + 3]) : NaN;
      if (field && Number.isInteger(tier)) field += ` 第${tier + 1}档`;
    }
    break;
  }
  if (names.length === 0) return '指标体系';
  return field ? `${names.join(' › ')} › ${field}` : names.join(' › ');
}

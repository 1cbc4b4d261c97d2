/**
 * One-line summaries of a saved state (变更摘要), in Chinese, for the history: a scheme is compared
 * item by item by the engine (`diffSchemes` + `summarizeChanges`), a case by its fields, its facts and reviewer
 * entries one by one (by the scheme's labels where known). A summary is written once, with its state: older
 * states keep the words they were written with (修改了 facts), still readable.
 * The engine is loaded on first use only, so opening a store (or saving a case) stays light.
 */
import type * as Engine from '@jixiao/engine';
import type { DocumentKind } from './refs.ts';

let engine: Promise<typeof Engine> | undefined;

/** The engine, imported once on first use. */
export function loadEngine(): Promise<typeof Engine> {
  engine ??= import('@jixiao/engine');
  return engine;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What going from `prev` (null: nothing before) to `next` changed, in one line. For a case, `scheme` is its
 * scheme's document when the store holds it: changed facts and reviewer entries are then named by the
 * scheme's labels (事实：满意度；评审录入：工作实绩), else by their ids.
 */
export async function changeSummary(kind: DocumentKind, prev: unknown, next: Record<string, unknown>, scheme?: unknown): Promise<string> {
  if (kind === 'case') return caseSummary(prev, next, scheme);
  if (prev === null) {
    const b = next['basedOn'];
    const year = String(next['year'] ?? '');
    return isRecord(b) && b['year'] !== undefined ? `以${String(b['year'])}年方案为基础新建${year}年草稿` : `新建${year}年方案`;
  }
  if (!isRecord(prev)) return '替换了无法解析的内容';
  const { diffSchemes, summarizeChanges, upgradeScheme } = await loadEngine();
  // compared as read through the format's migrations: a save that only changed the format version changes nothing
  const a = upgradeScheme(prev);
  const b = upgradeScheme(next);
  try {
    return summarizeChanges(diffSchemes((a.ok ? a.doc : prev) as Engine.Scheme, (b.ok ? b.doc : next) as Engine.Scheme));
  } catch {
    // a draft too broken to compare item by item
    return '内容变更（无法逐项比较）';
  }
}

/** A case's own fields as its history names them (the case format's descriptions); any other by its JSON name. */
const CASE_FIELDS: Readonly<Record<string, string>> = {
  id: '案例标识',
  name: '案例名称',
  department: '部门',
  status: '状态',
  year: '评价年度',
  scheme: '评价方案',
  source: '出处',
  reported: '报告得分',
  discrepancies: '差异说明',
  notes: '备注',
};

/** How many names a list in a summary shows before 等N项 (a summary is one line). */
const LISTED = 6;

/** The keys of two records whose values differ (added and removed ones too), in `next`'s order then `prev`'s. */
function changedKeys(prev: unknown, next: unknown): string[] {
  const a = isRecord(prev) ? prev : {};
  const b = isRecord(next) ? next : {};
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** `满意度、在编人数` — at most LISTED names, then 等N项. */
function listed(names: readonly string[]): string {
  return names.length > LISTED ? `${names.slice(0, LISTED).join('、')}等${names.length}项` : names.join('、');
}

/**
 * A case's change in one line, as a scheme's is (which items, in words): `修改了事实：满意度、在编人数；评审录入：
 * 工作实绩；案例名称` — facts by the scheme's labels, reviewer entries by their indicators' names (指标·分项 for a
 * part), both by id where the scheme is unknown or lacks them; the case's other fields by their Chinese names.
 */
async function caseSummary(prev: unknown, next: Record<string, unknown>, scheme: unknown): Promise<string> {
  const name = typeof next['name'] === 'string' ? next['name'] : '';
  if (prev === null || !isRecord(prev)) return `新建案例${name ? `“${name}”` : ''}`;
  const changed = changedKeys(prev, next);
  if (!changed.length) return '仅格式变更（内容相同）';
  const names = scheme === undefined ? null : (await loadEngine()).schemeNames(scheme);
  const parts: string[] = [];
  for (const k of changed) {
    if (k === 'facts' || k === 'reviewer') {
      const labels = k === 'facts' ? names?.facts : names?.reviewer;
      const items = changedKeys(prev[k], next[k]).map((id) => labels?.get(id) ?? id);
      // a facts or reviewer field that is not an object (a broken draft): named as a whole
      parts.push(items.length ? `${k === 'facts' ? '事实' : '评审录入'}：${listed(items)}` : k === 'facts' ? '事实' : '评审录入');
    } else parts.push(CASE_FIELDS[k] ?? k);
  }
  return `修改了${parts.join('；')}`;
}

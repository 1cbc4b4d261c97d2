/**
 * One-line summaries of a saved state (变更摘要), in Chinese, for the history: a scheme is compared
 * item by item by the engine (`diffSchemes` + `summarizeChanges`), a case by its top-level fields.
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

/** What going from `prev` (null: nothing before) to `next` changed, in one line. */
export async function changeSummary(kind: DocumentKind, prev: unknown, next: Record<string, unknown>): Promise<string> {
  if (kind === 'case') return caseSummary(prev, next);
  if (prev === null) {
    const b = next['basedOn'];
    const year = String(next['year'] ?? '');
    return isRecord(b) && b['year'] !== undefined ? `以${String(b['year'])}年方案为基础新建${year}年草稿` : `新建${year}年方案`;
  }
  if (!isRecord(prev)) return '替换了无法解析的内容';
  const { diffSchemes, summarizeChanges } = await loadEngine();
  try {
    return summarizeChanges(diffSchemes(prev as unknown as Engine.Scheme, next as unknown as Engine.Scheme));
  } catch {
    // a draft too broken to compare item by item
    return '内容变更（无法逐项比较）';
  }
}

function caseSummary(prev: unknown, next: Record<string, unknown>): string {
  const name = typeof next['name'] === 'string' ? next['name'] : '';
  if (prev === null || !isRecord(prev)) return `新建案例${name ? `“${name}”` : ''}`;
  const keys = new Set([...Object.keys(prev), ...Object.keys(next)]);
  const changed = [...keys].filter((k) => JSON.stringify(prev[k]) !== JSON.stringify(next[k]));
  return changed.length ? `修改了 ${changed.join('、')}` : '仅格式变更（内容相同）';
}

/**
 * The departments the database knows (已知部门): the `department` of its cases. A 部门填报 account sees only the
 * cases whose `department` is its own, written exactly alike, so an account is made for a department some case
 * names — or, said so explicitly, for a new department that has no case yet. A name no case uses is answered
 * with the nearest known names, ranked the way a user means a short or misspelt name (`nearestNames`).
 */
import { distance } from 'fastest-levenshtein';
import type { Issue } from '@jixiao/engine';
import { defineMessages } from '@jixiao/engine/catalogue';
import type { DocumentStore } from './store.ts';

/** How many known names a refusal suggests. */
export const NEAREST_DEPARTMENTS = 3;

/** Messages of the department check (Chinese, English beside). */
export const departmentMessages = defineMessages({
  /** `nearest`: the known departments closest to the name given (empty when no case names a department). */
  'account-department-unknown': {
    zh: (p: { department: string; nearest: readonly string[] }) =>
      `没有案例写明部门“${p.department}”，按此建立的部门填报账号将看不到任何案例。` +
      (p.nearest.length ? `最接近的已知部门：${p.nearest.join('、')}。` : '数据库中还没有写明部门的案例（可先用 jixiao import-store 导入）。') +
      '若确是尚无案例的新部门，请加 --new-department',
    en: (p: { department: string; nearest: readonly string[] }) =>
      `no case names the department "${p.department}": the account would see no case. ` +
      (p.nearest.length ? `Nearest known: ${p.nearest.join(', ')}. ` : 'No case in the database names a department (import them with jixiao import-store). ') +
      'For a new department without cases yet, add --new-department',
  },
});

/** Every department the store's cases name (their `department`, trimmed, non-empty), each once, sorted. */
export async function caseDepartments(store: DocumentStore): Promise<string[]> {
  const names = new Set<string>();
  for (const summary of await store.list({ kind: 'case' })) {
    const stored = await store.read(summary.ref);
    const doc = stored?.doc;
    const d = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>)['department'] : undefined;
    if (typeof d === 'string' && d.trim()) names.add(d.trim());
  }
  return [...names].sort();
}

/** Whether every character of `typed` occurs in `name`, in the same order (深圳商务局 in 深圳市商务局). */
export function containsInOrder(typed: string, name: string): boolean {
  const chars = Array.from(name);
  let at = 0;
  for (const c of typed) {
    while (at < chars.length && chars[at] !== c) at++;
    if (at === chars.length) return false;
    at++;
  }
  return true;
}

/** How many characters `a` and `b` share, each counted as often as it occurs in both (商务局 and 商务发展中心 share 2). */
export function sharedCharacters(a: string, b: string): number {
  const left = new Map<string, number>();
  for (const c of a) left.set(c, (left.get(c) ?? 0) + 1);
  let shared = 0;
  for (const c of b) {
    const n = left.get(c) ?? 0;
    if (n > 0) {
      shared++;
      left.set(c, n - 1);
    }
  }
  return shared;
}

/**
 * The `n` names of `known` nearest to the typed `name`, nearest first, the way a user means a shortened or
 * misspelt name: first the names that contain every typed character in order (深圳商务局 → 深圳市商务局), then by
 * the number of characters shared with it, most first; edit distance (characters inserted, deleted or changed,
 * fastest-levenshtein) only breaks ties, then the name itself. Plain edit distance put 示例单位 (nothing in
 * common, but short) before 深圳市商务发展促进中心 for 深圳商务局.
 */
export function nearestNames(name: string, known: readonly string[], n = NEAREST_DEPARTMENTS): string[] {
  return known
    .map((k) => ({ k, inOrder: containsInOrder(name, k) ? 1 : 0, shared: sharedCharacters(name, k), d: distance(name, k) }))
    .sort((a, b) => b.inOrder - a.inOrder || b.shared - a.shared || a.d - b.d || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .slice(0, n)
    .map((x) => x.k);
}

/**
 * The refusal of a department account for `department` when no case of `store` names it (`account-department-unknown`,
 * naming the nearest known departments); null when some case does.
 */
export async function unknownDepartment(store: DocumentStore, department: string): Promise<Issue | null> {
  const known = await caseDepartments(store);
  const name = department.trim();
  if (known.includes(name)) return null;
  return departmentMessages.issue('account-department-unknown', { department: name, nearest: nearestNames(name, known) }, { path: '/department' });
}

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

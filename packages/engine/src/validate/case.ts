/** Validation of case documents (JSON Schema, Chinese messages, JSON paths), and the warnings of a case's own fields. */
import { defineMessages } from '../errors/catalogue.ts';
import type { Issue } from '../errors/issue.ts';
import { caseSchemaIssues } from './schema.ts';
import { formatVersionIssues } from '../format/version.ts';
import { schemeNames } from '../display/scheme-names.ts';

/** Messages of a case's own fields (beyond its JSON Schema). */
export const caseMessages = defineMessages({
  /**
   * A case without `department`: no 部门填报 account can see it (an account sees only the cases whose
   * `department` is its own), so it cannot be assigned to a department.
   */
  'case-no-department': {
    zh: (_p: Record<string, never>) => '案例没有写明所属部门（department）：任何部门填报账号都看不到它，无法分派给部门；请填写部门名称，如 深圳市商务局',
    en: (_p: Record<string, never>) => 'the case names no department: no department account can see it; add "department", e.g. 深圳市商务局',
    severity: 'warning',
  },
});

/**
 * All problems of a case document (as upgraded by `upgradeCase`), never thrown: a format version this program
 * cannot read alone (format/version.ts), else its JSON Schema errors, and a warning
 * (`case-no-department`, at `/department`) when a case that is a JSON object names no department or a blank one.
 * @param scheme the case's scheme document, when the caller knows it (valid or not): its reviewer entries and
 *   facts are then named by the scheme's names beside their keys — 评审录入“工作实绩”（outcomes）的给分理由不能为空 —
 *   instead of by their keys alone.
 */
export function validateCase(doc: unknown, scheme?: unknown): Issue[] {
  // a document of a newer (or a broken) format version: that alone, not the fields this program does not know
  const version = formatVersionIssues(doc, 'case');
  if (version.length) return version;
  const issues = caseSchemaIssues(doc, scheme === undefined ? undefined : schemeNames(scheme));
  if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
    const d = (doc as Record<string, unknown>)['department'];
    if (d === undefined || (typeof d === 'string' && !d.trim())) issues.push(caseMessages.issue('case-no-department', {}, { path: '/department' }));
  }
  return issues;
}

/** Validation of case documents (JSON Schema, Chinese messages, JSON paths). */
import type { Issue } from '../errors/issue.ts';
import { caseSchemaIssues } from './schema.ts';

/** All JSON Schema problems of a case document (empty when it conforms). Never throws. */
export function validateCase(doc: unknown): Issue[] {
  return caseSchemaIssues(doc);
}

/**
 * A scheme given where a case is expected, or the other way round (`--scheme` and `--facts` swapped,
 * `validate` run on a case): said in one line before the list of schema errors it would otherwise be.
 */

import { sharedMessages, type Issue } from '@jixiao/engine';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Whether a document looks like a case (has `facts`, no `indicators`). */
export function looksLikeCase(doc: unknown): boolean {
  return isObject(doc) && isObject(doc['facts']) && !('indicators' in doc);
}

/** Whether a document looks like a scheme (has `indicators`, no `facts`). */
export function looksLikeScheme(doc: unknown): boolean {
  return isObject(doc) && Array.isArray(doc['indicators']) && !('facts' in doc);
}

/** The issue when a case file is given as a scheme. */
export function caseNotScheme(shown: string): Issue {
  return sharedMessages.issue('not-a-scheme', { file: shown });
}

/** The issue when a scheme file is given as a case. */
export function schemeNotCase(shown: string): Issue {
  return sharedMessages.issue('not-a-case', { file: shown });
}

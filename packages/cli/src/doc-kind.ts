/**
 * A scheme given where a case is expected, or the other way round (`--scheme` and `--facts` swapped,
 * `validate` run on a case): said in one line before the list of schema errors it would otherwise be.
 */

import type { Issue } from '@jixiao/engine';

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
  return {
    code: 'not-a-scheme',
    severity: 'error',
    message: `${shown} 是案例文件（含 facts），不是方案文件；方案在 schemes/<方案族>/<年度>.json`,
    messageEn: `${shown} is a case file, not a scheme`,
    path: '',
  };
}

/** The issue when a scheme file is given as a case. */
export function schemeNotCase(shown: string): Issue {
  return {
    code: 'not-a-case',
    severity: 'error',
    message: `${shown} 是方案文件（含 indicators），不是案例文件；案例在 schemes/<方案族>/cases/<年度>/`,
    messageEn: `${shown} is a scheme file, not a case`,
    path: '',
  };
}

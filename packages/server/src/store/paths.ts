/**
 * Where scheme and case files live inside the schemes folder, and the guard that keeps every path
 * inside it. Layout: `<root>/<family>/<year>.json` (scheme),
 * `<root>/<family>/cases/<year>/<case>.json` (case).
 *
 * Names that come from a URL are checked against strict patterns first (the route schemas of
 * `@jixiao/api` refuse them before a handler runs; checked again here, where paths are made), then the resolved path is
 * checked to lie under the root (after resolving symbolic links), so `..`, absolute paths,
 * encoded separators and links pointing outside are all refused.
 */
import { realpath } from 'node:fs/promises';
import { resolve, sep, relative } from 'node:path';
import { CASE_ID_PATTERN, FAMILY_PATTERN, YEAR_PATTERN } from '@jixiao/api';

/** A family folder name: lower-case letters, digits and '-', e.g. `shenzhen-department` (the API's pattern). */
export const FAMILY_RE = new RegExp(FAMILY_PATTERN);
/** A year: four digits. */
export const YEAR_RE = new RegExp(YEAR_PATTERN);
/** A case file name (without .json): letters (incl. Chinese), digits, `_ . -`, not starting with '.'. */
export const CASE_RE = new RegExp(CASE_ID_PATTERN, 'u');

/** Thrown when a name is malformed or a path would leave the schemes folder (HTTP 400). */
export class PathError extends Error {
  readonly code = 'bad-path';
  constructor(readonly messageZh: string, messageEn: string) {
    super(messageEn);
  }
}

function check(re: RegExp, value: string, what: string, whatEn: string): string {
  if (!re.test(value) || value.includes('..')) {
    throw new PathError(`${what}不合法：${JSON.stringify(value)}`, `invalid ${whatEn}: ${JSON.stringify(value)}`);
  }
  return value;
}

/** Resolves `parts` under `root`; throws PathError if the result is not strictly inside it. */
export function inside(root: string, ...parts: string[]): string {
  const base = resolve(root);
  const target = resolve(base, ...parts);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || rel.includes(`..${sep}`) || resolve(base, rel) !== target) {
    throw new PathError('路径超出方案目录', 'path escapes the schemes folder');
  }
  return target;
}

/**
 * Like `inside`, but also follows symbolic links of the existing part of the path: the real
 * location must still be inside the real schemes folder. A missing file is fine (for creation).
 */
export async function insideReal(root: string, target: string): Promise<void> {
  const realRoot = await realpath(root);
  let probe = target;
  for (;;) {
    try {
      const real = await realpath(probe);
      const rel = relative(realRoot, real);
      if (rel.startsWith('..') || resolve(realRoot, rel) !== real) {
        throw new PathError('路径超出方案目录', 'path escapes the schemes folder (symbolic link)');
      }
      return;
    } catch (e) {
      if (e instanceof PathError) throw e;
      const parent = resolve(probe, '..');
      if (parent === probe) return;
      probe = parent;
    }
  }
}

/** Path of the scheme document of `family` and `year`. */
export function schemePath(root: string, family: string, year: string): string {
  check(FAMILY_RE, family, '方案族名称', 'family');
  check(YEAR_RE, year, '年度', 'year');
  return inside(root, family, `${year}.json`);
}

/** Folder holding the cases of `family` (one sub-folder per year). */
export function casesDir(root: string, family: string): string {
  check(FAMILY_RE, family, '方案族名称', 'family');
  return inside(root, family, 'cases');
}

/** Path of one case document. */
export function casePath(root: string, family: string, year: string, caseId: string): string {
  check(FAMILY_RE, family, '方案族名称', 'family');
  check(YEAR_RE, year, '年度', 'year');
  check(CASE_RE, caseId, '案例名称', 'case id');
  return inside(root, family, 'cases', year, `${caseId}.json`);
}

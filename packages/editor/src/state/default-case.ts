/**
 * The case a scheme page opens with (案例得分 and the case the 影响预览 tries the what-if values on).
 *
 * The user's own choice on this page comes first, remembered in the browser per scheme (family and year).
 * Without one: the first case that can be scored, in a stable order — a case just created and still mostly
 * empty (e.g. a second 商务局 2024 case) must not push a real department's sheet aside with a column of
 * 无法计分 errors. The order: cases stated to be scored with this year's scheme first, then (most likely
 * complete first) 已审核, 已提交 (only a case that can be scored is submitted or approved), a case with a
 * reported total (a real report), the rest; ties keep the server's order (year, newest first, then name).
 * Whether a case can be scored is asked of the engine (`canScore`), one case after another in that order.
 */
import type { CaseSummary } from '../api/types.ts';

/** `year/id`, the key of a case among the family's (as `caseKeyOf` in CasePanel). */
const keyOf = (c: CaseSummary) => `${c.year}/${c.id}`;

/** How likely a case is complete: lower first. */
function completeness(c: CaseSummary): number {
  if (c.status === 'reviewed') return 0;
  if (c.status === 'submitted') return 1;
  if (c.reportedTotal !== null && c.reportedTotal !== '') return 2;
  return 3;
}

/**
 * The cases a scheme page of `year` tries, in the order it tries them (see the module's note); files that
 * could not be read as cases (`error`) are left out.
 */
export function rankCases(cases: readonly CaseSummary[], year: string | number): CaseSummary[] {
  const y = Number(year);
  return cases
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !c.error)
    .sort((a, b) => Number(b.c.scheme?.year === y) - Number(a.c.scheme?.year === y) || completeness(a.c) - completeness(b.c) || a.i - b.i)
    .map(({ c }) => c);
}

/** The first ranked case, without asking the engine (the choice before the scheme is loaded); undefined without cases. */
export function defaultCase(cases: CaseSummary[], year: string | number): CaseSummary | undefined {
  return rankCases(cases, year)[0];
}

/** How many cases are tried before settling on the first ranked one (each is read and scored). */
export const MAX_TRIED = 8;

/** Why the page shows the case it shows: the user's remembered choice, or the default. */
export type CaseChoice = { by: 'user'; key: string | null } | { by: 'default'; key: string | null; scorable: boolean };

/**
 * Whether the engine scores case `c` under the page's scheme: true or false, or null when no case can be
 * told (the scheme itself does not compile).
 */
export type CanScore = (c: CaseSummary) => Promise<boolean | null>;

/**
 * The case a scheme page opens with: `remembered` when it names a case of the list (or '' for none, the
 * user's 不选案例), else the first ranked case `canScore` accepts (at most `MAX_TRIED` are tried), else the
 * first ranked one (`scorable` false: none of those tried could be scored, or the scheme cannot score any).
 * `canScore` failing (the case cannot be read) counts as not scorable.
 */
export async function chooseCase(cases: CaseSummary[], year: string | number, remembered: string | null, canScore: CanScore | null): Promise<CaseChoice> {
  if (remembered === '') return { by: 'user', key: null };
  if (remembered !== null && cases.some((c) => keyOf(c) === remembered && !c.error)) return { by: 'user', key: remembered };
  const ranked = rankCases(cases, year);
  const first = ranked[0];
  if (!first) return { by: 'default', key: null, scorable: false };
  if (!canScore) return { by: 'default', key: keyOf(first), scorable: true };
  for (const c of ranked.slice(0, MAX_TRIED)) {
    const ok = await canScore(c).catch(() => false);
    if (ok === null) break;
    if (ok) return { by: 'default', key: keyOf(c), scorable: true };
  }
  return { by: 'default', key: keyOf(first), scorable: false };
}

const choiceKey = (family: string, year: string | number) => `jixiao.case-choice.${family}/${year}`;

/** The case the user chose on this scheme's page ('' for 不选案例), or null when they chose none (or storage is unavailable). */
export function rememberedCase(family: string, year: string | number): string | null {
  try {
    return window.localStorage.getItem(choiceKey(family, year));
  } catch {
    return null;
  }
}

/** Remembers the user's choice on this scheme's page (`key` null: 不选案例). */
export function rememberCase(family: string, year: string | number, key: string | null): void {
  try {
    window.localStorage.setItem(choiceKey(family, year), key ?? '');
  } catch {
    // storage unavailable (private mode): the default is chosen again next time
  }
}

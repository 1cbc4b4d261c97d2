/** The case a scheme page opens with. */
import type { CaseSummary } from '../api/types.ts';

/** The first case scored with this year's scheme, else the family's first case; undefined when it has none. */
export function defaultCase(cases: CaseSummary[], year: string | number): CaseSummary | undefined {
  return cases.find((c) => c.scheme?.year === Number(year)) ?? cases[0];
}

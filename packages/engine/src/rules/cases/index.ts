/**
 * 条件计分 (cases): the first case whose condition holds gives the score (conditions may compare facts).
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { CasesRuleSchema } from './schema.ts';
import { cases as scoring } from './cases.ts';
import { CASES_CHANGES, diffCases } from './diff.ts';
import { casesMessages } from './messages.ts';

export const cases: KindDefinition<'cases', typeof CasesRuleSchema, typeof CASES_CHANGES> = {
  ...scoring,
  kind: 'cases',
  schema: CasesRuleSchema,
  names: { zh: '条件计分', en: 'cases', example: '有结余，但不超过上年结转，2分' },
  template: (fact, points) => ({ kind: 'cases', cases: [{ when: { fact, operator: 'greaterThan', value: 0 }, score: points, text: `${fact}大于0` }], otherwise: { score: 0, text: '其他' } }),
  messages: casesMessages,
  changes: CASES_CHANGES,
  diff: diffCases,
};

/** Shared semantic check: an amount a rule can award lies between 0 and its points. */
import { plain, type Dec } from '../decimal/dec.ts';
import { pointer, type Issue } from '../errors/issue.ts';
import { shared } from '../errors/shared.ts';
import type { RuleSite } from './kind.ts';

/** `what` names the amount in Chinese ("封顶分", "满分"); `field` is its JSON path under the rule. */
export function checkWithinPoints(amount: Dec, site: RuleSite, field: string, what: string): Issue[] {
  if (amount.lte(site.points) && amount.gte(0)) return [];
  return [
    shared.issue(
      'score-exceeds-points',
      { at: 'amount', what, field, amount: plain(amount), points: plain(site.points) },
      { path: pointer(site.path, ...field.split('/')), indicator: site.indicator },
    ),
  ];
}

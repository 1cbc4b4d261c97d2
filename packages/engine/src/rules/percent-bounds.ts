/**
 * The scale check of a number a scheme writes against a fact or metric (a band's bound, a completion target,
 * a penalty threshold), shared by every rule kind and scheme-level policy that writes one, so that all of
 * them refuse a percent written in percent points the same way, with the same message (`percent-scale`,
 * "95% 填 0.95").
 *
 * Percents are fractions (95% is 0.95), as facts are (facts/facts.ts). A number on a percent quantity is
 * read as written in percent points (an error) when it lies beyond ±10 (1000%), or when it is a whole
 * number above the fact's declared maximum although its hundredth lies within it (9 on a rate whose
 * maximum is 1: 900%, where 9% is meant). Any other number outside the fact's declared min/max (1.2 on a
 * rate of at most 1) is a warning, `bound-outside-range`: it may be meant, but can never be reached.
 */
import { Dec, plain, toDec } from '../decimal/dec.ts';
import type { Issue } from '../errors/issue.ts';
import { shared } from '../errors/shared.ts';
import type { Decls } from './kind.ts';

const TEN = new Dec(10);

/** What a checked number is, in Chinese and English ("总分封顶第1段的下限", "totalCap band 1 min"). */
export interface BoundName {
  zh: string;
  en: string;
}

/**
 * True when `d` on a percent quantity was almost surely written in percent points: beyond ±10 (1000%), or
 * a whole number above the declared maximum `max` (a fraction) whose hundredth is within it.
 */
export function looksPercentPoints(d: Dec, max: Dec | null): boolean {
  if (d.gt(TEN) || d.lt(TEN.neg())) return true;
  return max !== null && d.gt(max) && d.isInteger() && d.div(100).lte(max);
}

/**
 * The issue of one number `written` (a JSON number or decimal text; a percent-sign text such as "95%" is
 * never read as percent points) on fact or metric `id`: `percent-scale` (error), `bound-outside-range`
 * (warning), or none. Undeclared ids and unreadable numbers give none (other checks report them).
 * `where` is the issue's place (JSON path of the number, indicator id or '' for a scheme-level policy).
 */
export function boundIssue(written: unknown, id: string, decls: Decls, name: BoundName, where: { path: string; indicator: string }): Issue | null {
  const type = decls.typeOf(id);
  if (type === undefined || type === 'text' || type === 'boolean' || type === 'enum' || type === 'date') return null;
  if (typeof written !== 'number' && typeof written !== 'string') return null;
  const d = toDec(written);
  if (d === null) return null;
  const input = decls.inputs.get(id);
  const min = input?.min !== undefined ? toDec(input.min) : null;
  const max = input?.max !== undefined ? toDec(input.max) : null;
  const signed = typeof written === 'string' && written.trim().endsWith('%');
  const at = { path: where.path, indicator: where.indicator, fact: id };
  const label = decls.label(id);
  if (type === 'percent' && !signed && looksPercentPoints(d, max)) {
    const params = {
      at: 'bound',
      what: name.zh,
      whatEn: name.en,
      fact: id,
      label,
      value: plain(d),
      percent: plain(d.times(100)),
      fraction: plain(d.div(100)),
      max: max !== null && d.gt(max) ? plain(max.times(100)) : undefined,
    } as const;
    return shared.issue('percent-scale', params, at);
  }
  if ((min !== null && d.lt(min)) || (max !== null && d.gt(max))) {
    const show = (x: Dec) => decls.showValue(id, plain(x));
    return shared.issue(
      'bound-outside-range',
      { what: name.zh, whatEn: name.en, fact: id, label, value: show(d), min: min !== null ? show(min) : undefined, max: max !== null ? show(max) : undefined },
      at,
    );
  }
  return null;
}

/**
 * The tier table's checks while a bound holds text that is not a number ("abc"). The engine checks a
 * scheme only once the whole document conforms to its schema, so one unreadable bound would hide every
 * other problem of the table (gaps, overlaps, a 得分 above the 分值) until it is fixed. Here the table is
 * checked by the engine (`validateScheme`) from the cells that can be read, in two readings of the
 * unreadable bounds that only report what is certain whatever number the bound turns out to be:
 *
 * - gaps: each unreadable bound is dropped (that tier reaches as far as it could), so a value still
 *   covered by no tier is a gap for any value of the bound;
 * - overlaps, 得分 and every other check: each tier with an unreadable bound is made empty (it covers no
 *   value), so two other tiers that overlap overlap for any value of it.
 *
 * What stays unknown — a gap or an overlap next to the tier whose bound cannot be read, and whether that
 * tier is empty — is said in words (`pendingChecksNote`), not guessed.
 *
 * The engine's validation is heavy for the page's first load (its schema validators): TiersEditor loads
 * this module only when a bound cannot be read.
 */
import { schemeConforms, validateScheme } from '@jixiao/engine';
import type { Issue, TiersRule } from '../model/types.ts';
import { unreadableBounds } from './unreadable-bounds.ts';
import { relativeIssues } from '../model/issues.ts';
import { setIn, toPointer, type Seg } from '../model/pointer.ts';

type Tier = TiersRule['tiers'][number];

/** Where `target` (by identity) sits in `doc`, as pointer segments; null when it is not there. */
export function locate(doc: unknown, target: object): Seg[] | null {
  if (doc === target) return [];
  if (doc === null || typeof doc !== 'object') return null;
  const entries: [Seg, unknown][] = Array.isArray(doc) ? doc.map((v, i) => [i, v]) : Object.entries(doc as Record<string, unknown>);
  for (const [k, v] of entries) {
    if (v === null || typeof v !== 'object') continue;
    const hit = locate(v, target);
    if (hit) return [k, ...hit];
  }
  return null;
}

/** `t` without its bound on `side` (and the bound's 含/不含 flag). */
function dropBound(t: Tier, side: 'min' | 'max'): Tier {
  const next: Tier = { ...t };
  delete next[side];
  delete next[side === 'min' ? 'minInclusive' : 'maxInclusive'];
  return next;
}

/** Whether a bound of `t` names a fact (`{ "fact": … }`). */
function hasFactBound(t: Tier): boolean {
  return [t.min, t.max].some((v) => typeof v === 'object' && v !== null);
}

/** `t` covering no value (0 < x < 0), its 得分 and 说明 kept. */
function emptied(t: Tier): Tier {
  const { min: _min, max: _max, minInclusive: _mi, maxInclusive: _ma, ...rest } = t;
  return { ...rest, min: 0, minInclusive: false, max: 0, maxInclusive: false };
}

/** The engine's issues of the rule at `segs` in `doc` with the rule replaced by `variant`, paths relative to the rule; null when that document does not conform. */
function issuesWith(doc: unknown, segs: readonly Seg[], variant: TiersRule): Issue[] | null {
  const next = setIn(doc, segs, variant);
  if (!schemeConforms(next)) return null;
  return relativeIssues(validateScheme(next), toPointer(segs));
}

/**
 * The table's problems that hold whatever number each unreadable bound of `rule` turns out to be (see the
 * file comment), paths relative to the rule (`/tiers/2/score`, `/tiers/1`…); null when they cannot be
 * found here — no bound is unreadable, the rule is not found in `doc`, or the rest of the document has
 * errors of its own that keep the engine from checking it.
 */
export function checksDespiteUnreadable(doc: unknown, rule: TiersRule): Issue[] | null {
  const bad = unreadableBounds(rule);
  if (bad.length === 0 || doc === undefined) return null;
  const segs = locate(doc, rule);
  if (segs === null || segs.length === 0) return null;
  const badTiers = new Set(bad.map((b) => b.tier));
  const wide = { ...rule, tiers: rule.tiers.map((t, i) => bad.filter((b) => b.tier === i).reduce((x, b) => dropBound(x, b.side), t)) };
  // a tier that keeps a `{ "fact": … }` bound keeps the table symbolic (not checked for gaps and overlaps
  // by the engine): it loses only its unreadable bounds, so the table stays as the engine would check it
  const narrow = { ...rule, tiers: rule.tiers.map((t, i) => (!badTiers.has(i) ? t : hasFactBound(wide.tiers[i]!) ? wide.tiers[i]! : emptied(t))) };
  const gaps = issuesWith(doc, segs, wide);
  const rest = issuesWith(doc, segs, narrow);
  if (gaps === null || rest === null) return null;
  // what the substitutes say about themselves (an empty tier, a bound's scale) is not about the table
  const ofSubstitute = (i: Issue) => {
    const m = /^\/tiers\/([0-9]+)(?:\/(min|max))?$/.exec(i.path);
    return m !== null && badTiers.has(Number(m[1])) && (m[2] !== undefined || i.code === 'tier-empty');
  };
  return [...gaps.filter((i) => i.code === 'tier-gap'), ...rest.filter((i) => i.code !== 'tier-gap' && !ofSubstitute(i))];
}

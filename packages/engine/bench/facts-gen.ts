/**
 * Generates fact sets for a scheme, deterministically (seeded PRNG): every declared input gets a
 * plausible value of its type (money in 元/万元 around a per-department scale so ratios land near
 * 40%–240%, percents as fractions or "93.14%" strings, counts, booleans, enum options), and every
 * judgement rule a reviewer entry. Used by `pnpm bench`; no fs here.
 */
import { RULES, type Indicator, type Input, type ReviewerEntryT, type RuleLike, type Scheme } from '../src/index.ts';

/** mulberry32: a small, fast, seeded PRNG in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reviewer keys (indicator id, or `indicator/part`) of every judgement rule, with its points. */
export function judgementKeys(scheme: Scheme): { key: string; points: number }[] {
  const out: { key: string; points: number }[] = [];
  const visit = (rule: RuleLike, key: string, points: number) => {
    if (RULES.get(rule.kind)?.readsReviewer) out.push({ key, points });
    for (const p of RULES.parts(rule)) visit(p.rule, `${key}/${p.id}`, Number(p.points));
  };
  const walk = (nodes: Indicator[]) => {
    for (const n of nodes) {
      if (n.children) walk(n.children);
      else if (n.rule) visit(n.rule, n.id, Number(n.points));
    }
  };
  walk(scheme.indicators);
  return out;
}

function value(input: Input, r: () => number, scale: number): unknown {
  switch (input.type) {
    case 'boolean':
      return r() < 0.85;
    case 'enum': {
      const opts = input.options ?? [];
      return opts[r() < 0.7 ? 0 : Math.floor(r() * opts.length)]?.value;
    }
    case 'count':
      // findings and unfinished items are few; headcounts and project counts are larger
      return /不符合|未完成/.test(input.id) ? Math.floor(r() * 3) : 10 + Math.floor(r() * 50);
    case 'money': {
      const v = Math.round(scale * (0.5 + r() * 0.7) * 100) / 100;
      return r() < 0.2 ? v.toLocaleString('en-US', { minimumFractionDigits: 2 }) : v;
    }
    case 'percent': {
      const p = Math.round((0.6 + r() * 0.4) * 10000) / 10000;
      return r() < 0.3 ? `${Math.round(p * 10000) / 100}%` : p;
    }
    case 'number':
      return Math.round(r() * 10000) / 100;
    case 'text':
      return '说明';
    default:
      return undefined;
  }
}

export interface GeneratedCase {
  facts: Record<string, unknown>;
  reviewer: Record<string, ReviewerEntryT>;
}

/** `count` fact sets for `scheme`, the same for the same seed. */
export function generateCases(scheme: Scheme, count: number, seed = 2021): GeneratedCase[] {
  const r = prng(seed);
  const judgements = judgementKeys(scheme);
  const out: GeneratedCase[] = [];
  for (let n = 0; n < count; n++) {
    const scale = 100 + r() * 9900;
    const facts: Record<string, unknown> = {};
    for (const input of scheme.inputs) {
      const v = value(input, r, scale);
      if (v !== undefined) facts[input.id] = v;
    }
    const reviewer: Record<string, ReviewerEntryT> = {};
    for (const { key, points } of judgements) reviewer[key] = { score: Math.round(points * (0.7 + r() * 0.3) * 100) / 100, reason: '评审意见' };
    // as a case arrives from a file or a request: parsed JSON (an object built key by key is kept as a
    // slower dictionary by V8, which no real case is)
    out.push(JSON.parse(JSON.stringify({ facts, reviewer })) as GeneratedCase);
  }
  return out;
}

/**
 * The analysis worker keeps what follows from the draft alone (issues, compiled scheme, rendered criteria) for
 * the next request with the same draft: a change of the case's values only is scored without validating and
 * compiling again, with the results a fresh analysis gives.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/worker/analyse.ts';
import type { AnalysisResult } from '../src/worker/protocol.ts';

const root = new URL('../../../schemes/shenzhen-department/', import.meta.url);
const read = (p: string): unknown => JSON.parse(readFileSync(new URL(p, root), 'utf8'));

/** A result without its request number and timing. */
const outcome = (r: AnalysisResult) => ({ ...r, seq: 0, ms: 0 });

/** The same scheme written with its keys in another order: another JSON text, so analysed afresh. */
function reordered(doc: unknown): unknown {
  const { id, ...rest } = doc as Record<string, unknown>;
  return { ...rest, id };
}

describe('analysis of the same draft with other case values', () => {
  it('scores the new values as a fresh analysis does, and keeps the draft issues and criteria', () => {
    const doc = read('2021.json');
    const c = read('cases/2021/shenzhen-ccpit.json') as { facts: Record<string, unknown>; reviewer?: Record<string, unknown> };
    const input = { facts: c.facts, ...(c.reviewer ? { reviewer: c.reviewer } : {}) };
    const first = analyse({ seq: 1, doc, input: null });
    expect(first.sheet).toBeNull();
    expect(Object.keys(first.rendered).length).toBeGreaterThan(10);

    // the case arrives: the same draft (a structured copy, as postMessage gives), now with the case's values
    const withCase = analyse({ seq: 2, doc: structuredClone(doc), input });
    expect(withCase.sheet).not.toBeNull();
    expect(outcome(withCase)).toEqual(outcome(analyse({ seq: 3, doc: reordered(doc), input })));
    expect(withCase.issues).toEqual(first.issues);
    expect(withCase.rendered).toEqual(first.rendered);

    // a "what if" value: three budget items not as required (the case has none) scores lower, and as afresh
    expect(c.facts['预算编制不符合项数']).toMatchObject({ value: 0 });
    const threeItems = { ...c.facts, 预算编制不符合项数: { ...(c.facts['预算编制不符合项数'] as object), value: 3 } };
    const whatIf = analyse({ seq: 4, doc: structuredClone(doc), input: { ...input, facts: threeItems } });
    const fresh = analyse({ seq: 5, doc: reordered(doc), input: { ...input, facts: threeItems } });
    expect(outcome(whatIf)).toEqual(outcome(fresh));
    expect(Number(whatIf.sheet?.total)).toBeLessThan(Number(withCase.sheet?.total));
  });
});

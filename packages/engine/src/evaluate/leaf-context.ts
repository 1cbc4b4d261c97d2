/**
 * The evaluation context of one leaf (or one part of a sum): typed access to facts and metrics that
 * records what the rule read, for the trace. Allocation-light on purpose — a sheet has dozens of
 * leaves and `pnpm bench` scores ten thousand sheets: the record of reads is one short array of ids,
 * created on the first read; the trace's inputs and the metrics' lines are written only when read.
 *
 * The context of a sheet's scoring run (`scoring`) records nothing at all: what that run writes is
 * dropped once its score is counted — a leaf's trace runs the rule again, in a recording context of its
 * own, when it is read (evaluate/trace.ts) — so its reads need no record (8% of evaluate's time went
 * to keeping one), and the sum rules' part traces are not made (`makePartTrace`).
 */
import type { Dec } from '../decimal/dec.ts';
import { shared } from '../errors/shared.ts';
import type { ReviewerEntryT, TargetRowT } from '../format/case-types.ts';
import type { CompiledScheme } from '../compile/compile.ts';
import type { TraceInput } from '../sheet/types.ts';
import { plain } from '../decimal/dec.ts';
import { CannotCompute, kindOf, type EvalContext, type Line, type Value, type ValueKind } from './context.ts';
import { showValue, type FactStore } from './store.ts';
import type { ReviewerEntries } from './reviewer-entries.ts';

const NO_IDS: readonly string[] = Object.freeze([]);

export class LeafContext implements EvalContext {
  /**
   * Ids read, in order (values are looked up again when the trace is written: they do not change);
   * null in a scoring context, which records nothing (see `scoring`).
   */
  private readIds: string[] | undefined | null;

  constructor(
    private readonly c: CompiledScheme,
    private readonly store: FactStore,
    private readonly entries: ReviewerEntries,
    readonly indicator: string,
    readonly key: string,
    readonly points: Dec,
    /** a sheet's scoring run: record nothing (see the file comment); a sum's parts inherit it */
    scoring = false,
  ) {
    this.readIds = scoring ? null : undefined;
  }

  /** True in a sheet's scoring run, which records nothing: its traces are written by a run of their own. */
  get scoring(): boolean {
    return this.readIds === null;
  }

  /** Lines explaining the metrics read so far, in order (written when asked, from the reads). */
  get metricLines(): Line[] {
    const out: Line[] = [];
    for (const id of this.readIds ?? NO_IDS) {
      const line = this.store.metricLine(id);
      if (line) out.push(line);
    }
    return out;
  }

  private record(id: string): void {
    if (this.readIds === undefined) this.readIds = [id];
    else if (this.readIds !== null && !this.readIds.includes(id)) this.readIds.push(id);
  }

  traceInputs(): TraceInput[] {
    return (this.readIds ?? NO_IDS).map((id) => {
      const v = this.store.get(id);
      const value = typeof v === 'boolean' ? String(v) : typeof v === 'string' ? v : Array.isArray(v) ? `${v.length}行` : plain(v);
      const display = typeof v === 'boolean' ? (v ? '是' : '否') : typeof v === 'string' || Array.isArray(v) ? value : showValue(this.c, id, v);
      return { id, label: this.c.decls.label(id), value, display, origin: this.store.origin(id) };
    });
  }

  /** Reads a value and records it; `kind` is what the rule needs. @throws CannotCompute on the wrong kind. */
  private typed(id: string, kind: ValueKind): Value {
    const slot = this.store.slotOf(id);
    const v = this.store.at(slot, id);
    if (kindOf(v) !== kind) {
      throw new CannotCompute(shared.issue('fact-type', { at: 'read', fact: id, label: this.c.decls.label(id), expected: kind }, { indicator: this.indicator, fact: id }));
    }
    // a metric's own inputs are recorded before the metric, so the trace reads in order
    if (this.readIds !== null) {
      const symbols = this.c.slotSymbols[slot];
      if (symbols) for (const s of symbols) this.record(s);
      this.record(id);
    }
    return v;
  }

  num(id: string): Dec {
    return this.typed(id, 'num') as Dec;
  }
  bool(id: string): boolean {
    return this.typed(id, 'bool') as boolean;
  }
  text(id: string): string {
    return this.typed(id, 'text') as string;
  }
  rows(id: string): TargetRowT[] {
    return this.typed(id, 'rows') as TargetRowT[];
  }
  reviewer(k?: string): ReviewerEntryT | undefined {
    return this.entries.get(k ?? this.key);
  }
  child(key: string, p: Dec): EvalContext {
    return new LeafContext(this.c, this.store, this.entries, this.indicator, key, p, this.readIds === null);
  }
  show(id: string, d: Dec): string {
    return showValue(this.c, id, d);
  }
  label(id: string): string {
    return this.c.decls.label(id);
  }
}

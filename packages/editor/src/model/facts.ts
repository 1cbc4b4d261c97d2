/** Reading a case's facts (a value, or `{ value, source }` with the report's sentence). */

export interface FactView {
  value: unknown;
  source?: string;
}

export function factOf(raw: unknown): FactView {
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw) {
    const r = raw as { value: unknown; source?: unknown };
    return typeof r.source === 'string' ? { value: r.value, source: r.source } : { value: r.value };
  }
  return { value: raw };
}

/** The source sentence attached to "what if" values. */
export const WHAT_IF_SOURCE = '假设值（在编辑器中修改，未保存到案例）';

/** Case facts with the user's overrides applied (overrides carry WHAT_IF_SOURCE). */
export function applyOverrides(facts: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const out = { ...facts };
  for (const [k, v] of Object.entries(overrides)) out[k] = { value: v, source: WHAT_IF_SOURCE };
  return out;
}

/** How a fact value is shown in an input. */
export function factText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

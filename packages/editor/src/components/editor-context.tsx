/**
 * What every visual editor needs besides its own value: whether the document is read-only
 * (published), and the facts and metrics the scheme declares (for pickers and labels).
 */
import { createContext, useContext } from 'react';

/** A fact or metric the rules can refer to. */
export interface NameInfo {
  id: string;
  label: string;
  /** number, percent, money, count, boolean, enum, text, rows. */
  type: string;
  kind: 'fact' | 'metric';
  unit?: string;
  options?: { value: string; label: string }[];
}

export interface EditorContextValue {
  readOnly: boolean;
  names: NameInfo[];
  /**
   * The whole scheme document being edited, for editors that pick from its scheme-level tables
   * (节点日期 calendar, 共用分档表 bandTables); absent where no document is at hand.
   */
  doc?: unknown;
  /**
   * Opens the scheme's 节点日期 (calendar) editor at `year` — what a `milestone-no-date` error's “补充2021年日期”
   * does (IssueList); absent where there is no such editor (a case page).
   */
  showCalendar?: (year: number) => void;
}

export const EditorContext = createContext<EditorContextValue>({ readOnly: false, names: [] });

export function useEditorContext(): EditorContextValue {
  return useContext(EditorContext);
}

/** Builds the name list from a scheme document's `inputs` and `metrics` (defensively). */
export function namesOf(doc: unknown): NameInfo[] {
  const out: NameInfo[] = [];
  const d = (doc ?? {}) as { inputs?: unknown; metrics?: unknown };
  for (const [list, kind] of [
    [d.inputs, 'fact'],
    [d.metrics, 'metric'],
  ] as const) {
    if (!Array.isArray(list)) continue;
    for (const x of list as Record<string, unknown>[]) {
      if (!x || typeof x['id'] !== 'string') continue;
      const info: NameInfo = {
        id: x['id'],
        label: typeof x['label'] === 'string' ? x['label'] : x['id'],
        type: typeof x['type'] === 'string' ? x['type'] : 'number',
        kind,
      };
      if (typeof x['unit'] === 'string') info.unit = x['unit'];
      if (Array.isArray(x['options'])) info.options = x['options'] as { value: string; label: string }[];
      out.push(info);
    }
  }
  return out;
}

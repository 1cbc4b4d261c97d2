/**
 * The scheme-level tables some rule kinds pick from: 节点日期 (`calendar`, for 时间节点) and 共用分档表
 * (`bandTables`, for 引用共用分档表 and 部门绩效目标行), read defensively from the document in the editor
 * context (a draft may be half-written).
 */
import { useMemo } from 'react';
import { useEditorContext } from '../components/editor-context.tsx';

/** One 节点 of the calendar: its id, its wording ("6月底前") and its dates by year ({"2020": "2020-06-30"}). */
export interface CalendarNode {
  id: string;
  label: string;
  dates: Record<string, string>;
}

/** One band of a shared table: bounds of the value and the share of the leaf's 分值 (stored as a fraction). */
export interface SharedBand {
  min?: unknown;
  minInclusive?: boolean;
  max?: unknown;
  maxInclusive?: boolean;
  share: unknown;
  text?: string;
}

/** One 共用分档表. */
export interface SharedBandTable {
  id: string;
  name: string;
  bands: SharedBand[];
}

/** The calendar and band tables of a scheme document (empty lists when it has none). */
export function schemeTablesOf(doc: unknown): { calendar: CalendarNode[]; bandTables: SharedBandTable[]; year: string | undefined } {
  const d = (doc ?? {}) as { calendar?: unknown; bandTables?: unknown; year?: unknown };
  const calendar = (Array.isArray(d.calendar) ? d.calendar : [])
    .filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string')
    .map((x) => ({
      id: x['id'] as string,
      label: typeof x['label'] === 'string' ? x['label'] : (x['id'] as string),
      dates: x['dates'] && typeof x['dates'] === 'object' ? (x['dates'] as Record<string, string>) : {},
    }));
  const bandTables = (Array.isArray(d.bandTables) ? d.bandTables : [])
    .filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string')
    .map((x) => ({
      id: x['id'] as string,
      name: typeof x['name'] === 'string' ? x['name'] : (x['id'] as string),
      bands: Array.isArray(x['bands']) ? (x['bands'] as SharedBand[]) : [],
    }));
  const year = typeof d.year === 'number' || typeof d.year === 'string' ? String(d.year) : undefined;
  return { calendar, bandTables, year };
}

/** {@link schemeTablesOf} of the document in the editor context. */
export function useSchemeTables(): ReturnType<typeof schemeTablesOf> {
  const { doc } = useEditorContext();
  return useMemo(() => schemeTablesOf(doc), [doc]);
}

/**
 * Reading cells of a filled workbook: what a user typed (numbers, text, 是/否, formulas' results, rich
 * text), and exact decimals from it. Excel keeps numbers as binary doubles; a typed 104.92 comes back as
 * the double nearest to it, whose shortest decimal form is "104.92" again, and that form is what is read
 * (the engine's Dec from a number), never the double's binary expansion.
 */
import type ExcelJS from 'exceljs';
import { Dec, halfWidthNumber } from '@jixiao/engine';

/** A cell's content as typed: text, a number, a boolean, or null when empty. */
export type Raw = string | number | boolean | null;

/** The content of a cell: a formula gives its cached result, rich text its plain text, a date its ISO day. */
export function rawOf(cell: ExcelJS.Cell): Raw {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return rawText(v.richText.map((t) => t.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result;
      return typeof r === 'number' || typeof r === 'boolean' ? r : typeof r === 'string' ? rawText(r) : null;
    }
    if ('text' in v) return rawText(String((v as { text: unknown }).text));
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return null;
}

function rawText(s: string): string | null {
  return s.trim() === '' ? null : s.trim();
}

/** A cell's content as text ("" when empty); numbers in their shortest decimal form. */
export function textOf(cell: ExcelJS.Cell): string {
  const r = rawOf(cell);
  if (r === null) return '';
  // a cell Excel could not hold as a number (1E+400 is read as Infinity) is written as it is read
  if (typeof r === 'number') return Number.isFinite(r) ? new Dec(r).toString() : String(r);
  if (typeof r === 'boolean') return r ? '是' : '否';
  return r;
}

const DECIMAL = /^[-+]?\d+(\.\d+)?$/;
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * The exact decimal a cell holds: a number cell, or text such as "1,511.77", "-3", "12.50"; a percent
 * cell (number format with %) or text "95%" gives the fraction (0.95) when `percent` is set. Full-width
 * digits and ．，％－ are read as the engine reads a fact (`halfWidthNumber`: "９５％" is "95%").
 * Null when the cell holds something else (then the caller names the cell).
 */
export function decOf(cell: ExcelJS.Cell, percent = false): Dec | null {
  return decOfRaw(rawOf(cell), percent);
}

/** `decOf` of content already read (a number, or text such as "1,511.77"). */
export function decOfRaw(r: Raw, percent = false): Dec | null {
  if (typeof r === 'number') return Number.isFinite(r) ? new Dec(r) : null;
  if (typeof r !== 'string') return null;
  let t = halfWidthNumber(r.replace(/[\s\u3000]/g, ''));
  const pct = t.endsWith('%') || t.endsWith('％');
  if (pct) {
    if (!percent) return null;
    t = t.slice(0, -1);
  }
  if (GROUPED.test(t)) t = t.replace(/,/g, '');
  if (!DECIMAL.test(t)) return null;
  const d = new Dec(t);
  return pct ? d.div(100) : d;
}

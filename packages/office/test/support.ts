/** Test helpers: the bundled schemes and golden cases, and filling a template the way a user would. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { compile, evaluate, plainSheet, type CaseDoc, type CompiledScheme, type Scheme, type ScoreSheet } from '@jixiao/engine';

export const SCHEMES = fileURLToPath(new URL('../../../schemes/', import.meta.url));

export function readJson<T>(rel: string): T {
  return JSON.parse(readFileSync(SCHEMES + rel, 'utf8')) as T;
}

export function compiled(scheme: Scheme): CompiledScheme {
  const r = compile(scheme);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.compiled;
}

/** The score sheet of a case as plain data (every score and trace), for comparing two sheets. */
export function sheetOf(scheme: Scheme, doc: CaseDoc): ScoreSheet {
  const r = evaluate(compiled(scheme), doc);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return plainSheet(r.sheet);
}

/** A fact's bare value (facts may be `{ value, source }`). */
export function valueOf(f: unknown): unknown {
  return f && typeof f === 'object' && !Array.isArray(f) && 'value' in f ? (f as { value: unknown }).value : f;
}

export function sourceOf(f: unknown): string | null {
  return f && typeof f === 'object' && !Array.isArray(f) && 'source' in f ? String((f as { source: unknown }).source) : null;
}

/** What a user types for a fact value: numbers as numbers, 是/否 for booleans, text as text. */
export function typed(v: unknown): ExcelJS.CellValue {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v as ExcelJS.CellValue;
}

/** The row whose column `col` holds `text` (first match), or throws. */
export function rowOf(ws: ExcelJS.Worksheet, col: number, text: string, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++) if (String(ws.getCell(r, col).value ?? '') === text) return r;
  throw new Error(`${ws.name}: no row with "${text}" in column ${col}`);
}

/** Loads .xlsx bytes into a workbook. */
export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

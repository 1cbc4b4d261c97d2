/**
 * Which document (文档标识): a scheme is named by its family and year (`shenzhen-department` 2024), a
 * case by its family, year and case id — the names of the exchange layout
 * `schemes/<family>/<year>.json` and `schemes/<family>/cases/<year>/<case>.json`. Names are checked
 * against strict patterns (the same as the server's), so a name can always become a file name again.
 */
import { storeMessages as m } from './messages.ts';
import { StoreError } from './errors.ts';

/** 方案 (scheme) or 案例 (case). */
export type DocumentKind = 'scheme' | 'case';

/** A scheme document: `schemes/<family>/<year>.json`. */
export interface SchemeRef {
  kind: 'scheme';
  /** 方案族, e.g. `shenzhen-department`. */
  family: string;
  /** 年度, e.g. 2024. */
  year: number;
}

/** A case document: `schemes/<family>/cases/<year>/<caseId>.json`. */
export interface CaseRef {
  kind: 'case';
  family: string;
  /** 评价年度 (the folder the case is in). */
  year: number;
  /** The file name without `.json`, e.g. `01-fund-foreign-trade`. */
  caseId: string;
}

export type DocumentRef = SchemeRef | CaseRef;

/** A family name: lower-case letters, digits and '-', e.g. `shenzhen-department`. */
export const FAMILY_RE = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** A case id: letters (incl. Chinese), digits, `_ . -`, not starting with '.', without `..`. */
export const CASE_RE = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]{0,119}$/u;

/** Throws `StoreError('store-bad-name')` unless `ref` names a document the layout can hold. */
export function checkRef(ref: DocumentRef): DocumentRef {
  if (!FAMILY_RE.test(ref.family)) throw new StoreError(m.issue('store-bad-name', { what: '方案族名称', whatEn: 'family', value: JSON.stringify(ref.family) }), 400);
  if (!Number.isInteger(ref.year) || ref.year < 1000 || ref.year > 9999) {
    throw new StoreError(m.issue('store-bad-name', { what: '年度', whatEn: 'year', value: String(ref.year) }), 400);
  }
  if (ref.kind === 'case' && (!CASE_RE.test(ref.caseId) || ref.caseId.includes('..'))) {
    throw new StoreError(m.issue('store-bad-name', { what: '案例标识', whatEn: 'case id', value: JSON.stringify(ref.caseId) }), 400);
  }
  return ref;
}

/** How a document is named in messages: `方案 shenzhen-department 2024年`, `案例 shenzhen-project 2020年 01-fund`. */
export function describeRef(ref: DocumentRef): string {
  return ref.kind === 'scheme' ? `方案 ${ref.family} ${ref.year}年` : `案例 ${ref.family} ${ref.year}年 ${ref.caseId}`;
}

/** A document named in English, for `messageEn`: `scheme shenzhen-department 2025`, `case shenzhen-project 2020 01-fund`. */
export function describeRefEn(ref: DocumentRef): string {
  return ref.kind === 'scheme' ? `scheme ${ref.family} ${ref.year}` : `case ${ref.family} ${ref.year} ${ref.caseId}`;
}

/** The params naming a document in the store's messages: Chinese and English. */
export function documentParams(ref: DocumentRef): { document: string; documentEn: string } {
  return { document: describeRef(ref), documentEn: describeRefEn(ref) };
}

/** The file of a document in the exchange layout, relative to the schemes folder (with `/`). */
export function refPath(ref: DocumentRef): string {
  return ref.kind === 'scheme' ? `${ref.family}/${ref.year}.json` : `${ref.family}/cases/${ref.year}/${ref.caseId}.json`;
}

/** The case id column of a ref: '' for a scheme. */
export const caseIdOf = (ref: DocumentRef): string => (ref.kind === 'case' ? ref.caseId : '');

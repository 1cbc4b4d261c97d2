/**
 * Messages of the database store (数据库方案库) in the engine's catalogue: a document text refused
 * before it is stored (numbers that cannot be kept exactly, nesting too deep, not JSON)
 * and the refusals of a write (conflict, published, missing, …). Chinese for the user, English beside.
 *
 * Imported through the light `@jixiao/engine/catalogue` entry, so opening a store does not load the
 * whole engine.
 */
import { defineMessages } from '@jixiao/engine/catalogue';
import { syntaxReasonZh } from '../json-file.ts';

/** A field of a document, as a JSON Pointer (`/indicators/0/points`; the root is `（文档根）`). */
type Field = { field: string };

const at = (p: Field) => (p.field === '' ? '文档根' : `字段 ${p.field}`);
const atEn = (p: Field) => (p.field === '' ? 'the document root' : `field ${p.field}`);

/** Messages about a document's text (checked before anything is stored). */
export const textMessages = defineMessages({
  'doc-json-syntax': {
    zh: (p: { line: number; column: number; reason: string }) => `内容不是有效的 JSON：第 ${p.line} 行第 ${p.column} 列，${syntaxReasonZh(p.reason)}`,
    en: (p: { line: number; column: number; reason: string }) => `invalid JSON at line ${p.line}, column ${p.column}: ${p.reason}`,
  },
  'doc-duplicate-key': {
    zh: (p: Field & { key: string; line: number; column: number }) =>
      `属性名“${p.key}”在同一对象中重复出现（JSON 路径 ${p.field}，第 ${p.line} 行第 ${p.column} 列）；JSON 只会保留后一个，已拒绝保存，请删去或改名其中一个`,
    en: (p: Field & { key: string; line: number; column: number }) =>
      `duplicate member name "${p.key}" at ${p.field} (line ${p.line}, column ${p.column}); only the last would be kept, so it is refused`,
  },
  'doc-not-object': {
    zh: (_p: Record<string, never>) => '文档应为 JSON 对象（{ … }）',
    en: (_p: Record<string, never>) => 'the document must be a JSON object ({ … })',
  },
  'doc-too-deep': {
    zh: (p: Field & { limit: number }) => `文档嵌套超过 ${p.limit} 层（${at(p)}）：条件或指标树嵌套过深，已拒绝保存`,
    en: (p: Field & { limit: number }) => `the document is nested deeper than ${p.limit} levels (at ${atEn(p)}); refused`,
  },
  'doc-number-overflow': {
    zh: (p: Field & { literal: string; literalEn: string }) => `${at(p)}的数值 ${p.literal} 超出可表示的范围（绝对值不能超过约 1.8×10^308，非零数也不能小到变成 0），已拒绝保存`,
    en: (p: Field & { literal: string; literalEn: string }) => `the number ${p.literalEn} in ${atEn(p)} is out of range (overflows or underflows a double); refused`,
  },
  'doc-number-inexact': {
    zh: (p: Field & { literal: string; literalEn: string; kept: string }) => `${at(p)}的数值 ${p.literal} 位数过多，无法原样保存（只能保存为 ${p.kept}）；请减少有效数字，或写成字符串（如 "${p.literal.length > 40 ? '…' : p.literal}"）`,
    en: (p: Field & { literal: string; literalEn: string; kept: string }) => `the number ${p.literalEn} in ${atEn(p)} has more digits than can be kept exactly (it would become ${p.kept}); use fewer digits or a string`,
  },
  'doc-save-published': {
    zh: (_p: Record<string, never>) => '保存的文档不能是“已发布”状态：请保存为草稿，再用“发布”操作发布（只有有效的草稿才能发布）',
    en: (_p: Record<string, never>) => 'cannot save a document with status "published": save a draft, then publish it',
  },
  /**
   * A save or import of a stored case whose `id` differs from the stored one (`stored`, `given`: as JSON):
   * a case keeps the id it entered the store with (a file named otherwise keeps the file's id).
   */
  'doc-case-id-changed': {
    zh: (p: { stored: string; given: string }) => `案例的标识不能更改：已保存的案例标识为 ${p.stored}，新内容为 ${p.given}。请保留原标识。`,
    en: (p: { stored: string; given: string }) => `a case's id does not change: the stored case has id ${p.stored}, the new text ${p.given}`,
  },
});

/** Names of a document in messages: `方案 shenzhen-department 2025年` / `案例 …`, and in English (`scheme shenzhen-department 2025`). */
type Doc = { document: string; documentEn: string };

/** Refusals of a write to the store (HTTP 404/409/412/422 when the server reports them). */
export const storeMessages = defineMessages({
  'store-conflict': {
    zh: (p: Doc & { basedOn: number; current: number }) => `${p.document} 在你编辑期间已被他人保存（你基于第 ${p.basedOn} 条记录，现已到第 ${p.current} 条）；请重新载入后再保存，你的修改未被写入`,
    en: (p: Doc & { basedOn: number; current: number }) => `${p.documentEn} was saved by someone else meanwhile (based on history entry ${p.basedOn}, now ${p.current}); reload and save again — nothing was written`,
  },
  'store-no-version': {
    zh: (p: Doc & { basedOn: number; current: number }) => `${p.document} 没有第 ${p.basedOn} 条记录（现有 ${p.current} 条）；请基于最新一条记录修改`,
    en: (p: Doc & { basedOn: number; current: number }) => `${p.documentEn} has no history entry ${p.basedOn} (now ${p.current}); base the write on the latest entry`,
  },
  'store-exists': {
    zh: (p: Doc) => `${p.document} 已存在，不能新建`,
    en: (p: Doc) => `${p.documentEn} already exists`,
  },
  'store-not-found': {
    zh: (p: Doc) => `找不到${p.document}`,
    en: (p: Doc) => `no such document: ${p.documentEn}`,
  },
  'store-no-state': {
    zh: (p: Doc & { seq: number }) => `${p.document} 没有第 ${p.seq} 条历史记录`,
    en: (p: Doc & { seq: number }) => `${p.documentEn} has no saved state ${p.seq}`,
  },
  'store-published': {
    zh: (p: Doc & { publishedAt: string }) => `${p.document} 已发布${p.publishedAt ? `（${p.publishedAt}）` : ''}，不可修改；如需调整，请以它为基础新建下一年度草稿`,
    en: (p: Doc & { publishedAt: string }) => `${p.documentEn} is published${p.publishedAt ? ` (${p.publishedAt})` : ''} and cannot be modified; base a new draft on it`,
  },
  'store-publish-invalid': {
    zh: (p: Doc & { errors: number }) => `${p.document} 有 ${p.errors} 处错误，不能发布；请先改正`,
    en: (p: Doc & { errors: number }) => `${p.documentEn} has ${p.errors} error(s) and cannot be published`,
  },
  'store-not-scheme': {
    zh: (p: Doc) => `${p.document} 不是方案，不能发布（只有方案可以发布）`,
    en: (p: Doc) => `${p.documentEn} is not a scheme; only schemes are published`,
  },
  'store-bad-name': {
    zh: (p: { what: string; whatEn: string; value: string }) => `${p.what}不合法：${p.value}`,
    en: (p: { what: string; whatEn: string; value: string }) => `invalid ${p.whatEn}: ${p.value}`,
  },
  'store-corrupt': {
    zh: (p: Doc & { seq: number }) => `${p.document} 第 ${p.seq} 版的存储内容与其摘要不符（数据库已损坏？）`,
    en: (p: Doc & { seq: number }) => `stored state ${p.seq} of ${p.documentEn} does not match its hash (database corrupt?)`,
  },
});

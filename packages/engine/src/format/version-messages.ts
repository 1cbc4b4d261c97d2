/** Messages of a document's format version (格式版本, `formatVersion`): refused versions and the note of an upgrade. */
import { defineMessages } from '../errors/catalogue.ts';

/** `1` or `1–3`: the format versions a program of current version `current` reads. */
const readable = (current: number): string => (current === 1 ? '1' : `1–${current}`);

/** The document as the user calls it: 方案 / 案例 (scheme / case). */
const docZh = (kind: 'scheme' | 'case'): string => (kind === 'scheme' ? '评价方案' : '案例');

/** Params of `format-upgraded`: the versions, and what each applied migration changed (Chinese, English). */
type Upgraded = {
  kind: 'scheme' | 'case';
  from: number;
  to: number;
  changes: readonly string[];
  changesEn: readonly string[];
};

export const formatVersionMessages = defineMessages({
  /**
   * A document written by a newer jixiao: its `formatVersion` is above the one this program knows. Reading
   * it anyway would score it by rules it may not have been written for, so it is refused as a whole, before
   * its JSON Schema is checked (which would only list the fields this program does not know).
   */
  'format-version-newer': {
    zh: (p: { kind: 'scheme' | 'case'; version: number; current: number }) =>
      `此${docZh(p.kind)}文档由较新版本的 jixiao 写成（格式版本 formatVersion 为 ${p.version}），当前程序只能读取格式版本 ${readable(p.current)}，请升级 jixiao`,
    en: (p: { kind: 'scheme' | 'case'; version: number; current: number }) =>
      `this ${p.kind} was written by a newer jixiao (formatVersion ${p.version}); this program reads format version ${readable(p.current)} only: upgrade jixiao`,
  },
  /** A `formatVersion` that is not a positive integer (0, -1, 1.5, "1", null…): no release wrote it. */
  'format-version-invalid': {
    zh: (p: { kind: 'scheme' | 'case'; value: string; current: number }) =>
      `${docZh(p.kind)}的格式版本 formatVersion 应为正整数（当前为 ${p.current}），文档中写的是 ${p.value}：请改为 ${p.current} 或删去该字段（不写即格式版本 1）`,
    en: (p: { kind: 'scheme' | 'case'; value: string; current: number }) =>
      `the ${p.kind}'s formatVersion must be a positive integer (the current one is ${p.current}), not ${p.value}: write ${p.current} or leave the field out (format version 1)`,
  },
  /**
   * Not a problem: the document was written in an earlier format and was read through the migrations;
   * saved again, it is written in the current format. `changes` says what each migration changed.
   */
  'format-upgraded': {
    zh: (p: Upgraded) =>
      `已按格式版本 ${p.from} 读取此${docZh(p.kind)}文档，并转换为当前格式版本 ${p.to}${p.changes.length ? `：${p.changes.join('；')}` : ''}；保存后即为格式版本 ${p.to}`,
    en: (p: Upgraded) =>
      `read this ${p.kind} as format version ${p.from} and converted it to the current format version ${p.to}${p.changesEn.length ? `: ${p.changesEn.join('; ')}` : ''}; saved, it is format version ${p.to}`,
    severity: 'warning',
  },
});

/**
 * 总分调整 in the official tables: a total the scheme adjusted (总分封顶, 不适用折算) is followed by its steps in
 * the Word document (a row after 合计, before 评价等级), the workbook (same) and the family batch's 汇总.
 * The hand-made 100-point scheme of test/fixtures/capped-scheme.ts (also packages/cli/test/adjustments.test.ts) with 总分封顶 on 预算执行率 ("执行率为
 * 70%至80%的，绩效自评不超过89分；…") and 不适用 → 百分制. Every figure is hand arithmetic:
 * - 甲: 资金执行率 75% × 10 = 7.5; 产出 100% × 60 = 60; 政府采购 28 → 95.5; 75% lies in 70%–80% → 不超过89分:
 *   95.5 − 89 = 6.5 taken off → 89, grade 良 (80 ≤ 89 < 90);
 * - 乙: 7.5 + 92.5% × 60 = 55.5 → 63 of the 70 applicable points (采购 30 不适用): 63 ÷ 70 × 100 = 90; 90 > 89 → 89;
 * - 丙: 95% × 10 = 9.5; 60; 28 → 97.5; 95% is in no band: no step.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { showScore, type CaseDoc, type Scheme } from '@jixiao/engine';
import { CAPPED_SCHEME, cappedCase } from '../../../test/fixtures/capped-scheme.ts';
import { batchWorkbook, reportDocx, reportWorkbook, xlsxBytes } from '../src/index.ts';
import { load, readJson, sheetOf } from './support.ts';

const SCHEME = CAPPED_SCHEME;
const kase = cappedCase;

const A = kase('a', '甲单位', { 预算执行率: 0.75, 产出完成率: 1, 有政府采购预算: true }, 28);
const B = kase('b', '乙单位', { 预算执行率: 0.75, 产出完成率: 0.925, 有政府采购预算: false }, null);
const C = kase('c', '丙单位', { 预算执行率: 0.95, 产出完成率: 1, 有政府采购预算: true }, 28);
const scored = (doc: CaseDoc) => ({ doc, sheet: sheetOf(SCHEME, doc) });

/** The plain text of each table row of a document.xml (cells joined by |). */
function rowTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('|'));
}

describe('the Word 评分表 explains an adjusted 合计', () => {
  it('甲: 合计 89.00, then 总分封顶 95.50 → 89.00（-6.50） with the reason, then 评价等级 良', async () => {
    const bytes = await reportDocx(SCHEME, scored(A));
    const rows = rowTexts(await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string'));
    expect(rows.at(-3)).toBe('合计（总分 100 分）|89.00');
    expect(rows.at(-2)).toMatch(/^总分封顶：95\.50 → 89\.00（-6\.50）；预算执行率 75%，落在第1档：总分不超过89分；.*6\.5分予以减分 → 89分$/);
    expect(rows.at(-1)).toBe('评价等级|良');
  });

  it('乙: both steps in order, 63.00 → 90.00 then 90.00 → 89.00; 丙 has none', async () => {
    const xml = async (doc: CaseDoc) => (await JSZip.loadAsync(await reportDocx(SCHEME, scored(doc)))).file('word/document.xml')!.async('string');
    const b = rowTexts(await xml(B));
    expect(b.at(-4)).toBe('合计（总分 100 分）|89.00');
    expect(b.at(-3)).toMatch(/^不适用折算：63\.00 → 90\.00（\+27\.00）；.*63 ÷ 适用指标分值 70 × 100 = 90分/);
    expect(b.at(-2)).toMatch(/^总分封顶：90\.00 → 89\.00（-1\.00）；/);
    const c = rowTexts(await xml(C));
    expect(c.slice(-2)).toEqual(['合计（总分 100 分）|97.50', '评价等级|优']);
  });
});

describe('the Excel 评分表 and the batch workbook explain an adjusted total', () => {
  it('甲: the row after 合计 89 reads 95.50 → 89.00, merged over the table, then 评价等级', async () => {
    const ws = (await load(await xlsxBytes(reportWorkbook(SCHEME, scored(A))))).getWorksheet('评分表')!;
    // columns: 一级 名称/分值/得分, 二级 名称/分值, 指标说明, 评分标准, 得分 → 8
    const last = ws.rowCount;
    expect(ws.getCell(last - 2, 1).value).toBe('合计（总分 100 分）');
    expect(ws.getCell(last - 2, 8).value).toBe(89);
    expect(String(ws.getCell(last - 1, 1).value)).toMatch(/^总分封顶：95\.50 → 89\.00（-6\.50）；预算执行率 75%/);
    expect(ws.getCell(last - 1, 8).master.address).toBe(`A${last - 1}`);
    expect(ws.getCell(last, 1).value).toBe('评价等级');
    expect(ws.getCell(last, 8).value).toBe('良');
  });

  it('汇总 has 总分调整 beside 等级: 甲 one step, 乙 two, 丙 none; each case sheet has its rows', async () => {
    const wb = await load(await xlsxBytes(batchWorkbook(SCHEME, [A, B, C].map(scored))));
    const sum = wb.getWorksheet('汇总')!;
    // 序号, 名称, 项目, 总分, 报告总分, 差异, 等级, 总分调整
    expect(sum.getCell(2, 8).value).toBe('总分调整');
    expect([3, 4, 5].map((r) => sum.getCell(r, 4).value)).toEqual([89, 89, 97.5]);
    expect(String(sum.getCell(3, 8).value)).toMatch(/^总分封顶：95\.50 → 89\.00（-6\.50）；/);
    const b = String(sum.getCell(4, 8).value).split('\n');
    expect(b).toHaveLength(2);
    expect(b[0]).toMatch(/^不适用折算：63\.00 → 90\.00（\+27\.00）；/);
    expect(b[1]).toMatch(/^总分封顶：90\.00 → 89\.00（-1\.00）；/);
    expect(sum.getCell(5, 8).value ?? '').toBe('');
    const sheetB = wb.getWorksheet('2 乙单位')!;
    const texts = Array.from({ length: sheetB.rowCount }, (_, k) => String(sheetB.getCell(k + 1, 1).value ?? ''));
    expect(texts.filter((t) => /^(不适用折算|总分封顶)：/.test(t))).toHaveLength(2);
  });

  it('a batch where no total was adjusted has no 总分调整 column', async () => {
    const sum = (await load(await xlsxBytes(batchWorkbook(SCHEME, [scored(C)])))).getWorksheet('汇总')!;
    expect(sum.getCell(2, 7).value).toBe('等级');
    expect(sum.getCell(2, 8).value).toBeNull();
  });
});

describe('the 自评表 explains an adjusted 总分', () => {
  // seed 001 表7 with a cap added for the test: 执行率 6,783,627.10 / 7,908,900.00 = 0.8577… → 0.86, which lies in
  // 80%–90% → 不超过80分. The total before the cap is the same case scored without it.
  const plain = readJson<Scheme>('shenzhen-project/2020.json');
  // a draft made from the published scheme (a published one may not change): no publishedAt / contentHash
  const { publishedAt: _at, contentHash: _hash, ...rest } = plain as Scheme & { publishedAt?: string; contentHash?: string };
  const capped = { ...rest, status: 'draft', totalCap: { metric: '执行率', bands: [{ min: 0.8, minInclusive: true, max: 0.9, maxInclusive: false, cap: 80 }] } } as Scheme;
  const doc = readJson<CaseDoc>('shenzhen-project/cases/2020/07-admin-support.json');
  const before = showScore(sheetOf(plain, doc).total, 2);

  it('Word and Excel: the 说明 after 总分 reads <uncapped> → 80.00 with 执行率 86%', async () => {
    expect(Number(before)).toBeGreaterThan(80);
    const kase = { doc, sheet: sheetOf(capped, doc) };
    const xml = await (await JSZip.loadAsync(await reportDocx(capped, kase))).file('word/document.xml')!.async('string');
    const rows = rowTexts(xml);
    // the official form ends with 总分 (分值, 得分, —); the step from the sum to 总分 is in the 说明 after the table
    // the form's 总分 is the self-evaluated one (资金 8.60 + the 自评得分 = 89.60); the capped 80.00 is the scheme's, in the 说明
    expect(rows.at(-1)).toBe('总分|100|89.60|—');
    const wordNotes = xml.slice(xml.lastIndexOf('</w:tbl>'));
    expect(wordNotes).toContain(`总分封顶：${before} → 80.00（`);
    expect(wordNotes).toContain('执行率 86%');
    expect(wordNotes).toContain('按方案规则计算的总分 80.00 分');
    const ws = (await load(await xlsxBytes(reportWorkbook(capped, kase)))).getWorksheet('自评表')!;
    let r = 1;
    while (r <= ws.rowCount && ws.getCell(r, 1).value !== '总分') r++;
    expect(ws.getCell(r, 8).value).toBe(89.6);
    // 说明 after the table: its heading, then the engine's notes, one of them the step to 总分
    expect(ws.getCell(r + 2, 1).value).toBe('说明');
    const notes = Array.from({ length: ws.rowCount - r - 2 }, (_, k) => String(ws.getCell(r + 3 + k, 1).value));
    expect(notes.some((n) => n.includes(`总分封顶：${before} → 80.00（`))).toBe(true);
    expect(notes.some((n) => n.includes('按方案规则计算的总分 80.00 分'))).toBe(true);
  });
});

/**
 * The 总分 row of the Word and Excel 自评表 (and the batch 汇总): its 得分 (the official form's one 得分 column, seed 001)
 * is the engine's `selfEvalTotalRow` —
 * 资金执行率's 得分 plus the rows' 自评得分 as entered — never the case's transcribed `reported.total` in its place.
 * Seed 001 表6 (06-legal-regulation): 9.00 + (15 + 10 + 0 + 10 + 10 + 14 + 14 + 9 = 82) = 91, the published 总分;
 * r03 “系统维护” self-scored 5 instead of 0 gives 9.00 + 87 = 96, and the report's 91 is said in the 说明 after the
 * table (never in the official cells), with the total the scheme's rules give.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { CaseDoc, Scheme } from '@jixiao/engine';
import { batchWorkbook, reportDocx, reportWorkbook } from '../src/index.ts';
import { bytesOf, load, readJson, rowOf, sheetOf } from './support.ts';

const scheme = readJson<Scheme>('shenzhen-project/2020.json');
const filed = readJson<CaseDoc>('shenzhen-project/cases/2020/06-legal-regulation.json');
function changed(): CaseDoc {
  const doc = structuredClone(filed) as CaseDoc & { facts: { rows: { selfScore: number }[] } };
  doc.facts.rows[2]!.selfScore = 5;
  return doc;
}

/** The cells of the Word table row that starts with 总分, and the text after the table (the 说明). */
async function docxTotalRow(doc: CaseDoc): Promise<string[]> {
  return (await docxParts(doc)).total;
}

async function docxParts(doc: CaseDoc): Promise<{ total: string[]; notes: string }> {
  const bytes = await reportDocx(scheme, { doc, sheet: sheetOf(scheme, doc) });
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
  const after = xml.slice(xml.lastIndexOf('</w:tbl>'));
  return { total: rows.find((r) => r[0] === '总分')!, notes: [...after.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('\n') };
}

async function xlsxTotalRow(doc: CaseDoc): Promise<unknown[]> {
  const ws = (await load(await bytesOf(reportWorkbook(scheme, { doc, sheet: sheetOf(scheme, doc) })))).worksheets[0]!;
  const r = rowOf(ws, 1, '总分');
  return [7, 8, 9].map((c) => ws.getCell(r, c).value);
}

describe('the 自评表 总分 row’s 自评得分', () => {
  it('Word: as filed 91.00 (no note); with r03 self-scored 5, 96.00, and “原报告自评总分 91.00 分” in the 说明', async () => {
    // 总分 | 100 | 得分 | —
    const asFiled = await docxParts(filed);
    expect(asFiled.total).toEqual(['总分', '100', '91.00', '—']);
    expect(asFiled.notes).not.toContain('原报告自评总分');
    const changedParts = await docxParts(changed());
    expect(changedParts.total).toEqual(['总分', '100', '96.00', '—']);
    expect(changedParts.notes).toContain('原报告自评总分 91.00 分');
    // the rule's total: 资金 9 + 规则得分 55 + the 酌情 rows' self-scores 5 + 14 + 14 = 97
    expect(changedParts.notes).toContain('按方案规则计算的总分 97.00 分');
    expect(await docxTotalRow(filed)).toEqual(asFiled.total);
  });

  it('Excel: as filed the number 91; changed, the number 96; the cells hold no note', async () => {
    expect(await xlsxTotalRow(filed)).toEqual([100, 91, '—']);
    expect(await xlsxTotalRow(changed())).toEqual([100, 96, '—']);
  });

  it('batch 汇总: 自评总分 column with the entered figure, its difference to 总分, and the report’s figure beside a changed one', async () => {
    const wb = await load(await bytesOf(batchWorkbook(scheme, [filed, changed()].map((doc) => ({ doc, sheet: sheetOf(scheme, doc) })))));
    const sum = wb.getWorksheet('汇总')!;
    // 序号, 名称, 资金执行率, 年度绩效指标, 总分, 自评总分, 差异, 等级
    expect(sum.getCell(2, 6).value).toBe('自评总分');
    expect([sum.getCell(3, 5).value, sum.getCell(3, 6).value, sum.getCell(3, 7).value]).toEqual([92, 91, '91.00 → 92.00（+1.00）']);
    expect([sum.getCell(4, 5).value, sum.getCell(4, 6).value, sum.getCell(4, 7).value]).toEqual([97, '96.00（原报告自评总分 91.00 分）', '96.00 → 97.00（+1.00）']);
  });
});

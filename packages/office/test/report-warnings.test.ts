/**
 * The official 自评表 (Word and Excel) says why its rows do not add up: seed 001 表4 with r01's 分值 and 自评
 * raised from 10 to 60 — rows 60 + 10 × 8 = 140 分 against the item's 90, scores 60 + 10 × 4 + 8 + 8 + 8 + 9 = 133
 * counted as 90, 总分 3.5 + 90 = 93.50 — prints the engine's warning after 总分. The table as filed prints none.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { CaseDoc, Scheme } from '@jixiao/engine';
import { reportDocx, reportWorkbook } from '../src/index.ts';
import { bytesOf, load, readJson, sheetOf } from './support.ts';

const scheme = readJson<Scheme>('shenzhen-project/2020.json');
const filed = readJson<CaseDoc>('shenzhen-project/cases/2020/04-party-hr-training.json');
function inflated(): CaseDoc {
  const doc = structuredClone(filed) as CaseDoc & { facts: { rows: { points: number; selfScore: number }[] } };
  doc.facts.rows[0]!.points = 60;
  doc.facts.rows[0]!.selfScore = 60;
  return doc;
}
const WARNING = /警告：“年度绩效指标”各指标行分值合计140分，与本项分值90分不符.*各行得分合计133分，本项按分值计入90分/;

async function docxText(doc: CaseDoc): Promise<string> {
  const bytes = await reportDocx(scheme, { doc, sheet: sheetOf(scheme, doc) });
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
}

async function xlsxTexts(doc: CaseDoc): Promise<string[]> {
  const wb = await load(await bytesOf(reportWorkbook(scheme, { doc, sheet: sheetOf(scheme, doc) })));
  const out: string[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => out.push(String(c.value))));
  return out;
}

describe('the 项目支出绩效自评表 with rows not adding up to 90 分', () => {
  it('Word: 总分 93.50 followed by the warning; as filed (86.50), no warning', async () => {
    const text = await docxText(inflated());
    expect(text).toContain('93.50');
    expect(text).toMatch(WARNING);
    const asFiled = await docxText(filed);
    expect(asFiled).toContain('86.50');
    expect(asFiled).not.toContain('警告：');
  });

  it('Excel: a row with the warning after 总分', async () => {
    const cells = await xlsxTexts(inflated());
    expect(cells.some((c) => WARNING.test(c))).toBe(true);
    expect((await xlsxTexts(filed)).some((c) => c.startsWith('警告：'))).toBe(false);
  });
});

describe('the 项目支出绩效自评表 with a 自评得分 above its row’s 分值', () => {
  // 表4 r01 “培训人次” (10 分, met: 480人 ≥ 300人) self-scored 12: the row counts its 10, 总分 stays 3.5 + 83 = 86.50
  function over(): CaseDoc {
    const doc = structuredClone(filed) as CaseDoc & { facts: { rows: { selfScore: number }[] } };
    doc.facts.rows[0]!.selfScore = 12;
    return doc;
  }
  const OVER = /警告：第1行“培训人次”的自评得分12分高于本行分值10分.*不能提交/;

  it('Word: 总分 86.50 followed by the warning naming the row', async () => {
    const text = await docxText(over());
    expect(text).toContain('86.50');
    expect(text).toMatch(OVER);
  });

  it('Excel: a row with the warning after 总分', async () => {
    expect((await xlsxTexts(over())).some((c) => OVER.test(c))).toBe(true);
  });
});

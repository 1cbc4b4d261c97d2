/**
 * The official tables hold every score of a golden case at the scheme's places: the Word document's
 * word/document.xml (each leaf's row has its name and 得分, the 一级/二级 subtotals, the total and grade) and
 * the workbook's cells (scores as numbers formatted "0.00"). Anchors from the seeds and hand arithmetic
 * (the README's audit): 市贸促委 2021 computes 93.18 优; 项目完成及时性 9/10 × 6 = 5.40; 编外人员控制率
 * 11/61 = 18.03% > 10% → 0.00; 满意度 100% ≥ 95% → 6.00; seed 001 表7 funds 6,783,627.10 / 7,908,900.00 =
 * 0.8577… → 0.86 × 10 = 8.60.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { showScore, type CaseDoc, type Scheme, type ScoreSheet, type SheetNode } from '@jixiao/engine';
import { batchWorkbook, reportDocx, reportWorkbook, xlsxBytes } from '../src/index.ts';
import { load, readJson, sheetOf } from './support.ts';

const leaves = (nodes: SheetNode[]): SheetNode[] => nodes.flatMap((n) => (n.children ? leaves(n.children) : [n]));
const inner = (nodes: SheetNode[]): SheetNode[] => nodes.flatMap((n) => (n.children ? [n, ...inner(n.children)] : []));

/** The plain text of each table row of a document.xml. */
function rowTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('|'));
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

function scored(schemeFile: string, caseFile: string): { scheme: Scheme; doc: CaseDoc; sheet: ScoreSheet } {
  const scheme = readJson<Scheme>(schemeFile);
  const doc = readJson<CaseDoc>(caseFile);
  return { scheme, doc, sheet: sheetOf(scheme, doc) };
}

const CCPIT = scored('shenzhen-department/2021.json', 'shenzhen-department/cases/2021/shenzhen-ccpit.json');
const TABLE7 = scored('shenzhen-project/2020.json', 'shenzhen-project/cases/2020/07-admin-support.json');

describe('the 部门整体支出绩效评分表 as Word', () => {
  it('every leaf row holds its name and 得分 at 2 places, the subtotals, the total 93.18 and 优', async () => {
    const { scheme, doc, sheet } = CCPIT;
    const xml = await documentXml(await reportDocx(scheme, { doc, sheet }));
    const rows = rowTexts(xml);
    const body = rows.slice(2, 2 + leaves(sheet.nodes).length);
    leaves(sheet.nodes).forEach((leaf, k) => {
      const cells = body[k]!.split('|');
      expect(cells, leaf.name).toContain(leaf.name);
      expect(cells, leaf.name).toContain(showScore(leaf.score, 2));
    });
    for (const n of inner(sheet.nodes)) expect(rows.some((r) => r.split('|').includes(n.name) && r.split('|').includes(showScore(n.score, 2))), n.name).toBe(true);
    const cellOf = (name: string) => body.find((r) => r.split('|').includes(name))!.split('|');
    expect(cellOf('项目完成及时性')).toContain('5.40');
    expect(cellOf('编外人员控制率')).toContain('0.00');
    expect(cellOf('公众或服务对象满意度')).toContain('6.00');
    expect(rows.at(-2)).toBe('合计（总分 100 分）|93.18');
    expect(rows.at(-1)).toBe('评价等级|优');
    // the 评分标准 is the engine's rendering: 满意度's tiers read as the seed prints them
    expect(cellOf('公众或服务对象满意度').join('')).toContain('满意度≥95%的，得6分');
  });

  it('is A4 landscape, names 宋体 and 仿宋, and merges the 一级/二级 cells', async () => {
    const { scheme, doc, sheet } = CCPIT;
    const bytes = await reportDocx(scheme, { doc, sheet });
    const xml = await documentXml(bytes);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml).toContain('w:eastAsia="宋体"');
    expect(xml).toContain('w:eastAsia="仿宋"');
    // 决策 (3 二级, 4 leaves) spans its rows: vertical merges restart once per group and continue below
    expect(xml.match(/<w:vMerge w:val="restart"\/>/g)!.length).toBeGreaterThanOrEqual(3);
    expect(xml).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
    expect(xml).toContain('<w:gridSpan w:val="3"/>');
    const styles = await (await JSZip.loadAsync(bytes)).file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:eastAsia="仿宋"');
  });
});

describe('the 项目支出绩效自评表 as Word', () => {
  it('holds the funds score 8.60, every row\'s 自评得分 and the self-evaluated 总分 89.60, as the seed\'s 得分 column', async () => {
    const { scheme, doc, sheet } = TABLE7;
    const rows = rowTexts(await documentXml(await reportDocx(scheme, { doc, sheet })));
    // the official form of seed 001: 项目名称, 主管部门, the funds' head, 年度资金总额 (表7: 0.86 as the seed prints 执行率),
    // the three 其中 lines, 年度总体目标 (head and texts), the rows' head, the rows, 总分
    expect(rows[3]).toBe('年度资金总额|7,925,700.00|7,908,900.00|6,783,627.10|10|0.86|8.60');
    const targets = leaves(sheet.nodes).find((n) => n.trace?.rows)!.trace!.rows!;
    const body = rows.slice(10, 10 + targets.length);
    // seed 001's 得分 column is the department's: each row's 自评得分 as entered
    targets.forEach((r, k) => {
      expect(body[k]!.split('|'), r.level3).toContain(r.level3);
      expect(body[k]!.split('|'), r.level3).toContain(showScore(r.selfScore, 2));
    });
    // 开展内部审计次数 ≥2次 / 1次: not met, the self-score 2 stands (judgement); 开展资产清查次数 =1次 / 1次: met, full 4
    expect(body[1]).toContain('开展内部审计次数|≥2次|1次|4|2.00');
    expect(body[2]).toContain('开展资产清查次数|=1次|1次|4|4.00');
    // 总分: 资金执行率 8.60 + the rows' 自评得分 = 89.60 (the seed's 总分); the scheme's total is said in the 说明
    expect(rows.at(-1)).toBe('总分|100|89.60|—');
  });
});

describe('the tables as Excel', () => {
  it('评分表: each leaf 得分 a number formatted 0.00 beside its name, 一级/二级 merged, total and grade', async () => {
    const { scheme, doc, sheet } = CCPIT;
    const wb = await load(await xlsxBytes(reportWorkbook(scheme, { doc, sheet })));
    const ws = wb.getWorksheet('评分表')!;
    // columns: 一级 名称/分值/得分, 二级 名称/分值/得分, 三级 名称/分值, 指标说明, 评分标准, 得分
    const NAME = 7;
    const SCORE = 11;
    for (const leaf of leaves(sheet.nodes)) {
      let r = 5;
      while (r <= ws.rowCount && ws.getCell(r, NAME).value !== leaf.name) r++;
      expect(r, leaf.name).toBeLessThanOrEqual(ws.rowCount);
      expect(ws.getCell(r, SCORE).value, leaf.name).toBe(Number(showScore(leaf.score, 2)));
      expect(ws.getCell(r, SCORE).numFmt).toBe('0.00');
    }
    const decision = sheet.nodes[0]!;
    expect(ws.getCell(5, 1).value).toBe(decision.name);
    expect(ws.getCell(5, 3).value).toBe(Number(showScore(decision.score, 2)));
    // merged over the 一级 group's leaves: the last leaf of 决策 reads the same master cell
    const n = leaves([decision]).length;
    expect(ws.getCell(5 + n - 1, 1).isMerged).toBe(true);
    expect(ws.getCell(5 + n - 1, 1).master.address).toBe('A5');
    expect(ws.getCell(5 + n, 1).value).toBe(sheet.nodes[1]!.name);
    const total = ws.rowCount - 1;
    expect(ws.getCell(total, SCORE).value).toBe(93.18);
    expect(ws.getCell(total, SCORE).numFmt).toBe('0.00');
    expect(ws.getCell(total + 1, SCORE).value).toBe('优');
    expect(ws.getCell(5, 1).border.left?.style).toBe('thin');
  });

  it('自评表: funds 8.60 and every row score as numbers formatted 0.00', async () => {
    const { scheme, doc, sheet } = TABLE7;
    const wb = await load(await xlsxBytes(reportWorkbook(scheme, { doc, sheet })));
    const ws = wb.getWorksheet('自评表')!;
    // row 1 the title, row 2 评价年度 and 评价方案, rows 3–4 项目名称 and 主管部门, row 5 the funds' head, row 6 年度资金总额,
    // rows 7–9 其中, rows 10–11 年度总体目标, row 12 the rows' head, from row 13 the rows (seed 001's layout)
    expect(ws.getCell(6, 8).value).toBe(8.6);
    expect(ws.getCell(6, 8).numFmt).toBe('0.00');
    const targets = leaves(sheet.nodes).find((n) => n.trace?.rows)!.trace!.rows!;
    targets.forEach((r, k) => {
      expect(ws.getCell(13 + k, 4).value).toBe(r.level3);
      expect(ws.getCell(13 + k, 8).value, r.level3).toBe(Number(showScore(r.selfScore, 2)));
      expect(ws.getCell(13 + k, 8).numFmt, r.level3).toBe('0.00');
    });
    expect(ws.getCell(14, 2).master.address).toBe('B13');
    expect(ws.getCell(13 + targets.length, 8).value).toBe(89.6);
  });

  it("a family's batch is one workbook: 汇总 and one sheet per project", async () => {
    const scheme = readJson<Scheme>('shenzhen-project/2020.json');
    const names = ['01-fund-foreign-trade', '07-admin-support', '23-meat-veg-traceability-supervision'];
    const cases = names.map((f) => {
      const doc = readJson<CaseDoc>(`shenzhen-project/cases/2020/${f}.json`);
      return { doc, sheet: sheetOf(scheme, doc) };
    });
    const wb = await load(await xlsxBytes(batchWorkbook(scheme, cases)));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', ...cases.map((c, k) => `${k + 1} ${c.doc.name}`.slice(0, 28))]);
    const sum = wb.getWorksheet('汇总')!;
    expect(sum.getCell(3, 2).value).toBe(cases[0]!.doc.name);
    // 表1: 974,385,898.41 / 980,349,201.00 = 0.9939… → 0.99 × 10 = 9.90; 表23: 全年预算数 0 → 0.00
    expect(sum.getCell(3, 3).value).toBe(9.9);
    expect(sum.getCell(4, 3).value).toBe(8.6);
    expect(sum.getCell(5, 3).value).toBe(0);
    expect(sum.getCell(3, 3).numFmt).toBe('0.00');
    cases.forEach((c, k) => expect(sum.getCell(3 + k, 5).value).toBe(Number(showScore(c.sheet.total, 2))));
  });
});

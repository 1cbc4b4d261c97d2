/**
 * The 项目支出绩效自评表 of a bundled project case, in the Word and the Excel report, against the official table
 * of the seed: seed 001 (001_d496ccbf7d5c702a.txt, 深圳市商务局2020年度项目支出绩效自评表), 表4 商务运行保障-
 * 党务人事纪检监察（培训费）, printed on the 4th and 5th 项目支出绩效自评表 pages (the text's lines 199–226). The seed's
 * lines are transcribed below cell by cell, in its order, as it prints them; the report must hold the same rows
 * with the same cells in the same order.
 *
 * Two ways the seed prints a cell are read as the same figure, and only these: an amount "-" (the seed's nil) is
 * the amount 0, shown 0.00 (the bundled case records "-" as 0, as its notes say); a 分值, 执行率 or 得分 is
 * compared as a number ("10" and "10.00", "86.5" and "86.50"). Every other cell is compared as text.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { Dec, selfEvalForm, selfEvalGrid, type CaseDoc, type Scheme, type TargetRowT } from '@jixiao/engine';
import { reportDocx, reportWorkbook, xlsxBytes } from '../src/index.ts';
import { load, readJson, sheetOf } from './support.ts';

const scheme = readJson<Scheme>('shenzhen-project/2020.json');
const doc = readJson<CaseDoc>('shenzhen-project/cases/2020/04-party-hr-training.json');
const sheet = sheetOf(scheme, doc);

const EXPECTED =
  '-完成培训人次≥300人，培训活动覆盖率≥90%，投入金额≥42万，2020年12月31日前以有效提升党员凝聚力、行动力以及员工对培训开展情况的满意度。';
const ACTUAL =
  '积极开展干部队伍建设。通过任职培训、主体班培训、中层干部胜任力培训、商务系统跟班培训等，提升商务系统干部素质、推进专业化能力建设。全年完成培训人次≥300人，培训活动覆盖率≥90%，2020年12月31日前已有效提升党员凝聚力、行动力。';
const DEVIATION_R05 =
  '偏差原因：2020年度我局原有培训经费预算42万元。根据《深圳市财政局关于进一步加大力度压减一般性支出调整优化支出结构的通知》（深财〔2020〕115号）文件精神，我处调整后培训经费预算为26.91万元。受全国疫情影响，我局培训工作于2020年8月在市内开展，较往年晚，局内组织培训结余约7万。其次，组织调训中培训所用经费由上级单位支出，此块培训结余5万。 改进措施： 统筹全年培训，在计划内合理使用经费';
const RAISE = '已达到目标，还要一定上升空间，酌情扣分';

/**
 * Seed 001 表4, row by row, the non-blank cells as the seed prints them. Two corrections of the PDF's text
 * extraction, as the case's notes record them: 成本控制率 is one row (the extraction repeats it in the 二级 and
 * 三级 columns), and the rows' merged 一级/二级 labels stand on the first row of their run (质量指标 over 培训活动覆盖率 and
 * 参培人员工作能力提升; 效益指标/社会效益指标 over 党员干部廉洁自律意识 … 党员凝聚力、行动力; 满意度指标 on its own row).
 * The heading 项目资金 (元) is written 项目资金（元）, with the full-width brackets of the other headings.
 */
const SEED_TABLE_4: string[][] = [
  ['项目名称', '商务运行保障-党务人事纪检监察（培训费）', '项目金额', '420,000.00'],
  ['主管部门', '深圳市商务局', '实施单位', '深圳市商务局'],
  ['项目资金（元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  ['年度资金总额', '420,000.00', '420,000.00', '148,620.00', '10', '0.35', '3.50'],
  ['其中：当年财政拨款', '420,000.00', '420,000.00', '148,620.00', '—', '0.35', '—'],
  ['上年结转资金', '-', '-', '-', '—', '0.00', '—'],
  ['其他资金', '-', '-', '-', '—', '0.00', '—'],
  ['年度总体目标', '预期目标', '实际完成情况'],
  [EXPECTED, ACTUAL],
  ['年度绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标', '数量指标', '培训人次', '≥300人', '480人', '10', '10'],
  ['质量指标', '培训活动覆盖率', '≥90%', '100%', '10', '10'],
  ['参培人员工作能力提升', '达到预期目标', '达到预期目标', '10', '10'],
  ['时效指标', '培训完成时间', '2020年12月31日', '2020年12月31日', '10', '10'],
  ['成本指标', '成本控制率', '≤100%', '35%', '10', '10', DEVIATION_R05],
  ['效益指标', '社会效益指标', '党员干部廉洁自律意识', '有效提升', '有效提升', '10', '8'],
  ['干部队伍', '得到优化', '得到优化', '10', '8', RAISE],
  ['党员凝聚力、行动力', '有效提升', '有效提升', '10', '8', RAISE],
  ['满意度指标', '员工对培训开展情况的满意度', '满意', '满意', '10', '9', RAISE],
  ['总分', '100', '86.5', '—'],
];

const NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;

/** A cell as compared: "-" (an amount the seed leaves nil) is 0.00; a plain number is compared as a number. */
function same(actual: string, seed: string): boolean {
  const s = seed === '-' ? '0.00' : seed;
  if (NUMBER.test(s.replace(/,/g, '')) && NUMBER.test(actual.replace(/,/g, ''))) return new Dec(actual.replace(/,/g, '')).eq(new Dec(s.replace(/,/g, '')));
  return actual === s;
}

function expectSeedRows(rows: string[][], face: string): void {
  expect(rows.length, `${face}: rows`).toBe(SEED_TABLE_4.length);
  SEED_TABLE_4.forEach((seed, k) => {
    const got = rows[k]!;
    expect(got.length, `${face} row ${k + 1}: ${got.join(' | ')}`).toBe(seed.length);
    seed.forEach((s, j) => expect(same(got[j]!, s), `${face} row ${k + 1} cell ${j + 1}: ${got[j]} vs seed ${s}`).toBe(true));
    // the money columns print exactly as the seed writes them (separators and 2 decimals)
    seed.forEach((s, j) => {
      if (/^\d{1,3}(,\d{3})*\.\d{2}$/.test(s)) expect(got[j], `${face} row ${k + 1}`).toBe(s);
    });
  });
}

/** Each table row of a document.xml: the text of each of its cells, blank cells left out. */
async function wordRows(bytes: Uint8Array): Promise<string[][]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) =>
    [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => [...tc[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
  return rows.map((r) => r.filter((c) => c !== ''));
}

/** A number cell as Excel shows it under its format: #,##0.00 (separators, 2 places), 0.00 (places), 0 or none. */
function shownByFormat(v: number, numFmt: string | undefined): string {
  const places = /0\.(0+)$/.exec(numFmt ?? '')?.[1]?.length ?? 0;
  const grouped = (numFmt ?? '').includes(',');
  return v.toLocaleString('en-US', { minimumFractionDigits: places, maximumFractionDigits: places, useGrouping: grouped });
}

describe('seed 001 表4 (党务人事纪检监察（培训费）) as the official 项目支出绩效自评表', () => {
  it('the engine’s form holds the seed’s cells, row by row, in the seed’s columns', () => {
    const rows = (doc.facts['rows'] as { value?: unknown }).value ?? doc.facts['rows'];
    const grid = selfEvalGrid(selfEvalForm(scheme, sheet, doc, rows as TargetRowT[]));
    expectSeedRows(
      grid.map((line) => line.map((c) => c.text).filter((t) => t !== '')),
      'grid',
    );
    // every line spans the 9 columns of the seed's table (a cell merged from above counts for its rows)
    const covered = Array.from({ length: grid.length }, () => new Set<number>());
    grid.forEach((line, r) => line.forEach((c) => { for (let i = 0; i < c.rowSpan; i++) for (let j = 0; j < c.colSpan; j++) covered[r + i]!.add(c.col + j); }));
    covered.forEach((cols, r) => expect([...cols].sort((a, b) => a - b), `line ${r + 1}`).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]));
  });

  it('the Word report: the same rows and cells; the engine’s 说明 after the table, none of it in the cells', async () => {
    const bytes = await reportDocx(scheme, { doc, sheet });
    const rows = await wordRows(bytes);
    expectSeedRows(rows, 'Word');
    const cells = rows.flat().join('\n');
    expect(cells).not.toContain('规则得');
    expect(cells).not.toContain('自评得分');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const after = xml.slice(xml.lastIndexOf('</w:tbl>'));
    expect(after).toContain('说明');
    expect(after).toContain('培训人次：目标≥300人，实际480人，达成');
  });

  it('the Excel report: the same rows and cells; amounts numbers formatted #,##0.00, scores numbers', async () => {
    const wb = await load(await xlsxBytes(reportWorkbook(scheme, { doc, sheet })));
    const ws = wb.getWorksheet('自评表')!;
    // the table starts under the title and the 评价年度/评价方案 line; a merged cell is read once, at its master
    const first = 3;
    const rows: string[][] = [];
    for (let r = first; r < first + SEED_TABLE_4.length; r++) {
      const line: string[] = [];
      for (let c = 1; c <= 9; c++) {
        const cell = ws.getCell(r, c);
        if (cell.isMerged && cell.master.address !== cell.address) continue;
        const v = cell.value;
        if (v === null || v === undefined || v === '') continue;
        line.push(typeof v === 'number' ? shownByFormat(v, cell.numFmt) : String(v));
      }
      rows.push(line);
    }
    expectSeedRows(rows, 'Excel');
    // 年度资金总额: 420,000.00 | 420,000.00 | 148,620.00 as numbers, not text
    const funds = first + 3;
    expect(ws.getCell(funds, 2).value).toBe('年度资金总额');
    expect([3, 4, 5].map((c) => ws.getCell(funds, c).value)).toEqual([420000, 420000, 148620]);
    expect([3, 4, 5].map((c) => ws.getCell(funds, c).numFmt)).toEqual(['#,##0.00', '#,##0.00', '#,##0.00']);
    expect(ws.getCell(first, 7).value).toBe(420000);
    expect(ws.getCell(first, 7).numFmt).toBe('#,##0.00');
    // 得分 3.50 (0.35 × 10) and 执行率 0.35 as numbers shown at 2 places
    expect(ws.getCell(funds, 8).value).toBe(3.5);
    expect(ws.getCell(funds, 8).numFmt).toBe('0.00');
    expect(ws.getCell(funds, 7).value).toBe(0.35);
    expect(ws.getCell(funds, 7).numFmt).toBe('0.00');
    // the 说明 follows the table
    const noteRow = first + SEED_TABLE_4.length + 1;
    expect(ws.getCell(noteRow, 1).value).toBe('说明');
    expect(String(ws.getCell(noteRow + 1, 1).value)).toContain('培训人次：目标≥300人，实际480人，达成');
  });
});

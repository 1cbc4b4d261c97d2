/**
 * The template/import mapping on a small scheme with every input type: what the template lays out (labels,
 * units, formats, Excel data validation), how each type is read back (元 ↔ 万元, percents, 是/否, options,
 * text), and bad cells named by sheet and cell with the English beside.
 */
import { describe, expect, it } from 'vitest';
import type { Scheme } from '@jixiao/engine';
import { importWorkbook, SHEETS, templateWorkbook } from '../src/index.ts';
import { BLOCK, FACT_COL, REVIEW_COL, ROW_COL } from '../src/layout.ts';
import { bytesOf, load, readJson, rowOf, sheetOf } from './support.ts';

const SCHEME = {
  id: 'office-test',
  family: 'office-test',
  title: '测试方案',
  jurisdiction: '测试',
  year: 2024,
  version: '1',
  status: 'draft',
  totalPoints: 30,
  rounding: { places: 2, mode: 'half-up', stages: ['leaf', 'total'] },
  grades: [
    { grade: '优', min: 27, minInclusive: true },
    { grade: '差', max: 27, maxInclusive: false },
  ],
  inputs: [
    { id: '满意度', label: '服务对象满意度', type: 'percent', min: 0, max: 1 },
    { id: '采购计划金额', label: '采购计划金额', type: 'money', unit: '万元', min: 0 },
    { id: '实际采购金额', label: '实际采购金额', type: 'money', unit: '万元', min: 0 },
    { id: '在编人数', label: '在编人数', type: 'count', unit: '人', min: 0 },
    { id: '系数', label: '调整系数', type: 'number', min: 0, max: 2, required: false },
    { id: '制度健全', label: '制定了资金管理制度', type: 'boolean' },
    { id: '公开情况', label: '部门预算公开', type: 'enum', options: [{ value: '按要求公开', label: '按规定内容、时限、范围公开' }, { value: '未公开', label: '没有进行公开' }] },
    { id: '备注', label: '备注', type: 'text', required: false },
  ],
  metrics: [{ id: '采购执行率', label: '政府采购执行率', type: 'percent', formula: '实际采购金额 / 采购计划金额' }],
  indicators: [
    {
      id: 'manage',
      name: '部门管理',
      points: 30,
      children: [
        {
          id: 'funds',
          name: '资金管理',
          points: 30,
          children: [
            { id: 'sat', name: '满意度', points: 6, rule: { kind: 'tiers', metric: '满意度', tiers: [{ min: 0.95, minInclusive: true, score: 6 }, { max: 0.95, maxInclusive: false, score: 4 }] } },
            { id: 'proc', name: '政府采购执行情况', points: 2, rule: { kind: 'ratio', metric: '采购执行率', multiplier: 2, cap: 2 } },
            { id: 'rules', name: '管理制度健全性', points: 2, rule: { kind: 'checklist', items: [{ id: 'x', text: '制定了资金管理制度', points: 2, fact: '制度健全' }] } },
            { id: 'open', name: '预算公开', points: 2, rule: { kind: 'options', fact: '公开情况', options: [{ value: '按要求公开', score: 2, text: '按规定内容、时限、范围公开' }, { value: '未公开', score: 0, text: '没有进行公开' }] } },
            { id: 'out', name: '产出', points: 18, rule: { kind: 'judgement' } },
          ],
        },
      ],
    },
  ],
} as unknown as Scheme;

/** The template filled with good values of every type; `change` adjusts it before the import. */
async function filled(change?: (facts: import('exceljs').Worksheet, review: import('exceljs').Worksheet) => void) {
  const wb = await load(await bytesOf(templateWorkbook(SCHEME)));
  const facts = wb.getWorksheet(SHEETS.facts)!;
  const set = (id: string, v: import('exceljs').CellValue, col: number = FACT_COL.value) => (facts.getCell(rowOf(facts, FACT_COL.id, id), col).value = v);
  set('#name', '测试局');
  set('#department', '测试局');
  set('满意度', 0.96);
  set('采购计划金额', 120);
  // 1,080,000元 typed as text with separators, unit switched to 元: 108万元
  set('实际采购金额', '1,080,000');
  set('实际采购金额', '元', FACT_COL.unit);
  set('在编人数', 50);
  set('系数', 1.5);
  set('制度健全', '是');
  set('公开情况', '按要求公开');
  set('备注', '无');
  set('满意度', '问卷调查报告第3页', FACT_COL.source);
  const review = wb.getWorksheet(SHEETS.reviewer)!;
  const out = rowOf(review, REVIEW_COL.key, 'out');
  review.getCell(out, REVIEW_COL.score).value = 16;
  review.getCell(out, REVIEW_COL.reason).value = '产出目标基本完成，个别指标未达目标值';
  review.getCell(out, REVIEW_COL.basis).value = '酌情评分';
  change?.(facts, review);
  return { bytes: await bytesOf(wb), facts, review };
}

describe('the template of a department scheme', () => {
  it('lays out every input with its label, unit, type, format and validation', async () => {
    const wb = await load(await bytesOf(templateWorkbook(SCHEME)));
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.facts, SHEETS.reviewer, SHEETS.options, SHEETS.meta]);
    const ws = wb.getWorksheet(SHEETS.facts)!;
    const row = (id: string) => ws.getRow(rowOf(ws, FACT_COL.id, id));
    expect(row('实际采购金额').getCell(FACT_COL.label).value).toBe('实际采购金额');
    expect(row('实际采购金额').getCell(FACT_COL.unit).value).toBe('万元');
    expect(row('实际采购金额').getCell(FACT_COL.unit).dataValidation.formulae).toEqual(['"元,万元"']);
    expect(String(row('实际采购金额').getCell(FACT_COL.note).value)).toContain('1万元 = 10,000元');
    expect(row('实际采购金额').getCell(FACT_COL.value).numFmt).toBe('#,##0.00');
    expect(row('满意度').getCell(FACT_COL.unit).value).toBe('%');
    expect(row('满意度').getCell(FACT_COL.value).numFmt).toBe('0.00%');
    expect(row('满意度').getCell(FACT_COL.range).value).toBe('0% – 100%');
    expect(row('满意度').getCell(FACT_COL.value).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 1] });
    expect(row('在编人数').getCell(FACT_COL.unit).value).toBe('人');
    expect(row('在编人数').getCell(FACT_COL.value).dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(row('系数').getCell(FACT_COL.value).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 2] });
    expect(String(row('系数').getCell(FACT_COL.note).value)).toMatch(/^选填/);
    expect(row('制度健全').getCell(FACT_COL.value).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    const list = row('公开情况').getCell(FACT_COL.value).dataValidation;
    expect(list.type).toBe('list');
    expect(list.formulae[0]).toBe(`'${SHEETS.options}'!$A$2:$A$3`);
    expect([2, 3].map((r) => wb.getWorksheet(SHEETS.options)!.getCell(r, 1).value)).toEqual(['按要求公开', '未公开']);
    expect(row('公开情况').getCell(FACT_COL.range).value).toBe('按要求公开 / 未公开');
    expect(row('备注').getCell(FACT_COL.type).value).toBe('文本');
    expect(ws.getCell(3, FACT_COL.source).value).toBe('来源/佐证');
  });

  it('lists every reviewer item; a judgement is required, its score validated within 0 … 分值', async () => {
    const wb = await load(await bytesOf(templateWorkbook(SCHEME)));
    const ws = wb.getWorksheet(SHEETS.reviewer)!;
    const keys: string[] = [];
    for (let r = 4; r <= ws.rowCount; r++) keys.push(String(ws.getCell(r, REVIEW_COL.key).value));
    expect(keys).toEqual(['sat', 'proc', 'rules', 'open', 'out']);
    const out = ws.getRow(rowOf(ws, REVIEW_COL.key, 'out'));
    expect([out.getCell(REVIEW_COL.l1).value, out.getCell(REVIEW_COL.l2).value, out.getCell(REVIEW_COL.l3).value]).toEqual(['部门管理', '资金管理', '产出']);
    expect(out.getCell(REVIEW_COL.required).value).toBe('是');
    expect(out.getCell(REVIEW_COL.score).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 18] });
    expect(ws.getCell(rowOf(ws, REVIEW_COL.key, 'sat'), REVIEW_COL.required).value).toBe('否');
  });
});

describe('import reads every input type', () => {
  it('numbers, money in either unit, percents, 是/否, options, text, sources and reviewer entries', async () => {
    const { bytes } = await filled();
    const r = await importWorkbook(SCHEME, bytes);
    expect(r.problems).toEqual([]);
    const doc = r.cases[0]!.doc;
    expect(doc.name).toBe('测试局');
    expect(doc.year).toBe(2024);
    expect(doc.facts).toEqual({
      满意度: { value: '0.96', source: '问卷调查报告第3页' },
      采购计划金额: '120',
      实际采购金额: '108', // 1,080,000元 ÷ 10,000 = 108万元
      在编人数: '50',
      系数: '1.5',
      制度健全: true,
      公开情况: '按要求公开',
      备注: '无',
    });
    expect(doc.reviewer).toEqual({ out: { score: '16', reason: '产出目标基本完成，个别指标未达目标值', basis: 'judgement' } });
    // 96% ≥ 95% → 6; 108 / 120 = 90% × 2 = 1.8; 制度 2; 按要求公开 2; 酌情 16: 6 + 1.8 + 2 + 2 + 16 = 27.8 → 优 (≥ 27)
    const sheet = sheetOf(SCHEME, doc);
    expect(sheet.total).toBe('27.8');
    expect(sheet.grade).toBe('优');
  });

  it('a percent typed as text "96%" and an amount in 万元 typed in 元 without separators', async () => {
    const { bytes } = await filled((facts) => {
      facts.getCell(rowOf(facts, FACT_COL.id, '满意度'), FACT_COL.value).value = '96%';
      facts.getCell(rowOf(facts, FACT_COL.id, '采购计划金额'), FACT_COL.value).value = 1200000;
      facts.getCell(rowOf(facts, FACT_COL.id, '采购计划金额'), FACT_COL.unit).value = '元';
    });
    const r = await importWorkbook(SCHEME, bytes);
    expect(r.problems).toEqual([]);
    expect(r.cases[0]!.doc.facts['满意度']).toEqual({ value: '0.96', source: '问卷调查报告第3页' });
    expect(r.cases[0]!.doc.facts['采购计划金额']).toBe('120');
  });
});

describe('bad cells are named by sheet and cell', () => {
  it('each problem at its cell, Chinese first, English beside', async () => {
    let rows: Record<string, number> = {};
    let outRow = 0;
    let satRow = 0;
    const { bytes } = await filled((facts, review) => {
      rows = Object.fromEntries(['满意度', '采购计划金额', '实际采购金额', '在编人数', '制度健全', '公开情况'].map((id) => [id, rowOf(facts, FACT_COL.id, id)]));
      facts.getCell(rows['满意度']!, FACT_COL.value).value = '九成';
      facts.getCell(rows['实际采购金额']!, FACT_COL.unit).value = '千元';
      facts.getCell(rows['在编人数']!, FACT_COL.value).value = 50.5;
      facts.getCell(rows['制度健全']!, FACT_COL.value).value = '对';
      facts.getCell(rows['公开情况']!, FACT_COL.value).value = '部分公开';
      outRow = rowOf(review, REVIEW_COL.key, 'out');
      review.getCell(outRow, REVIEW_COL.score).value = 20; // above its 18 points
      satRow = rowOf(review, REVIEW_COL.key, 'sat');
      review.getCell(satRow, REVIEW_COL.score).value = 5; // no reason
    });
    const r = await importWorkbook(SCHEME, bytes);
    const at = (sheet: string, cell: string) => r.problems.filter((p) => p.sheet === sheet && p.cell === cell);
    const one = (sheet: string, cell: string, code: string, zh: RegExp) => {
      const p = at(sheet, cell);
      expect(p.map((x) => x.code), `${sheet}!${cell}`).toContain(code);
      const hit = p.find((x) => x.code === code)!;
      expect(hit.message.startsWith(`${sheet}!${cell}：`)).toBe(true);
      expect(hit.message).toMatch(zh);
      expect(hit.messageEn.startsWith(`${sheet}!${cell}: `)).toBe(true);
    };
    one('事实表', `C${rows['满意度']}`, 'office-cell-number', /应为数字，实际为“九成”/);
    one('事实表', `D${rows['实际采购金额']}`, 'office-cell-unit', /单位应为“元”或“万元”，实际为“千元”/);
    one('事实表', `C${rows['制度健全']}`, 'office-cell-boolean', /应填“是”或“否”/);
    one('事实表', `C${rows['公开情况']}`, 'office-cell-enum', /按要求公开、未公开；实际为“部分公开”/);
    // the engine's own findings, placed at the cells of the facts they concern
    one('事实表', `C${rows['在编人数']}`, 'office-at-cell', /非负整数/);
    // the fact whose unit cell is wrong is not named a second time as missing
    expect(at('事实表', `C${rows['实际采购金额']}`)).toEqual([]);
    one('评审表', `I${outRow}`, 'office-score-range', /给分 20 分不在 0 至 18 分之间/);
    one('评审表', `J${satRow}`, 'office-reason-missing', /须写明理由/);
    expect(r.problems.every((p) => p.severity === 'error' || p.severity === 'warning')).toBe(true);
  });

  it('a required fact left empty is named at its value cell by the engine', async () => {
    let row = 0;
    const { bytes } = await filled((facts) => {
      row = rowOf(facts, FACT_COL.id, '采购计划金额');
      facts.getCell(row, FACT_COL.value).value = null;
    });
    const r = await importWorkbook(SCHEME, bytes);
    expect(r.problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual([`事实表!C${row}`]);
    expect(r.problems[0]!.message).toMatch(/政府采购执行情况.*缺少事实“采购计划金额”/);
    // left empty is not filled in yet, not wrong: a warning, and the case is read (提交 needs it)
    expect(r.problems[0]).toMatchObject({ code: 'office-not-entered', severity: 'warning' });
    expect(r.problems[0]!.message).toMatch(new RegExp(`^事实表!C${row}：未填写（可稍后补填，提交前须填齐）：`));
    expect(r.cases[0]!.issues.map((i) => `${i.severity} ${i.fact}`)).toEqual(['warning 采购计划金额']);
    expect(r.cases[0]!.doc.facts['采购计划金额']).toBeUndefined();
  });

  it('a judgement left unscored is named at its 给分 cell; an amount may carry its unit in the cell', async () => {
    let out = 0;
    const { bytes } = await filled((facts, review) => {
      out = rowOf(review, REVIEW_COL.key, 'out');
      review.getCell(out, REVIEW_COL.score).value = null;
      review.getCell(out, REVIEW_COL.reason).value = null;
      // 1,080,000元 written with its unit in the cell (the 单位 column still says 万元): 108万元
      facts.getCell(rowOf(facts, FACT_COL.id, '实际采购金额'), FACT_COL.unit).value = '万元';
      facts.getCell(rowOf(facts, FACT_COL.id, '实际采购金额'), FACT_COL.value).value = '1,080,000元';
    });
    const r = await importWorkbook(SCHEME, bytes);
    expect(r.problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual([`评审表!I${out}`]);
    expect(r.problems[0]!.message).toContain('产出');
    // the reviewer scores it after the department submits: 待评审, a warning, and the case is read all the same
    expect(r.problems[0]).toMatchObject({ code: 'office-awaits-reviewer', severity: 'warning' });
    expect(r.problems[0]!.message).toMatch(new RegExp(`^评审表!I${out}：待评审（由评审填写，不是填报错误）：`));
    expect(r.cases[0]!.issues.map((i) => `${i.severity} ${i.code}`)).toEqual(['warning judgement-missing']);
    expect(r.cases[0]!.doc.facts['实际采购金额']).toBe('108');
  });

  it('a percent-formatted cell holding 96 (shown 9600.00%) is refused at its cell with the fraction suggested', async () => {
    let row = 0;
    const { bytes } = await filled((facts) => {
      row = rowOf(facts, FACT_COL.id, '满意度');
      facts.getCell(row, FACT_COL.value).value = 96;
    });
    const r = await importWorkbook(SCHEME, bytes);
    const p = r.problems.find((x) => x.cell === `C${row}`)!;
    expect(p.sheet).toBe('事实表');
    expect(p.message).toContain('0.96');
  });

  it('a percent typed as text "120%" is told in percent, as typed: 120% above the upper limit 100% (user review)', async () => {
    let row = 0;
    const { bytes } = await filled((facts) => {
      row = rowOf(facts, FACT_COL.id, '满意度');
      facts.getCell(row, FACT_COL.value).value = '120%';
    });
    const r = await importWorkbook(SCHEME, bytes);
    const p = r.problems.filter((x) => x.cell === `C${row}`);
    // 满意度 is declared 0 to 1 (0% to 100%); not "1.2 即 120%…若指 1.2%，应写作 0.012"
    // the indicator 满意度 (sat) reads the fact 满意度
    expect(p.map((x) => x.message)).toEqual([`事实表!C${row}：事实“服务对象满意度”（满意度）为 120%，高于上限 100%（用于指标：满意度）`]);
    expect(p.map((x) => x.messageEn)).toEqual([`事实表!C${row}: fact "满意度": 120% is above the maximum 100% (read by indicator "满意度")`]);
  });

  it('a file that is not a workbook is one problem, not an exception', async () => {
    const r = await importWorkbook(SCHEME, new TextEncoder().encode('这不是 Excel 文件'));
    expect(r.cases).toEqual([]);
    expect(r.problems.map((p) => p.code)).toEqual(['office-not-workbook']);
    expect(r.problems[0]!.messageEn).toMatch(/cannot be read as an Excel workbook/);
  });

  it("another scheme's template is named at 模板信息!B1", async () => {
    const other = { ...SCHEME, year: 2025 } as Scheme;
    const wb = templateWorkbook(other);
    const r = await importWorkbook(SCHEME, await bytesOf(wb));
    const p = r.problems.find((x) => x.code === 'office-other-scheme')!;
    expect(`${p.sheet}!${p.cell}`).toBe('模板信息!B1');
    expect(p.message).toContain('office-test（2025年）');
  });
});

describe('project blocks', () => {
  it('carries 一级/二级 down, names a row without 分值 and a 自评得分 that is not a number', async () => {
    const scheme = readJson<Scheme>('shenzhen-project/2020.json');
    const wb = await load(await bytesOf(templateWorkbook(scheme, { projects: 2, rowsPerProject: 5 })));
    const ws = wb.getWorksheet(SHEETS.projects)!;
    const top = rowOf(ws, 1, BLOCK.name);
    ws.getCell(top, 2).value = '测试项目';
    const funds = rowOf(ws, 1, BLOCK.fundsRow, top);
    // 全年预算数 1,000,000.00, 全年执行数 950,000.00: 95% → 0.95 × 10 = 9.5
    ws.getCell(funds, 2).value = 1000000;
    ws.getCell(funds, 3).value = 1000000;
    ws.getCell(funds, 4).value = 950000;
    const first = rowOf(ws, 1, BLOCK.rowsHead, top) + 1;
    const row = (r: number, cells: (string | number | null)[]) => cells.forEach((v, k) => (ws.getCell(r, k + 1).value = v));
    row(first, ['产出指标', '数量指标', '培训人数', '≥100人', '120人', 50, 50, null]);
    row(first + 1, [null, null, '培训场次', '≥3场', '3场', 40, 40, null]);
    row(first + 2, [null, '质量指标', '合格率', '≥95%', '96%', null, null, null]);
    row(first + 3, [null, null, '满意度', '≥90%', '92%', 10, '十分', null]);
    const r = await importWorkbook(scheme, await bytesOf(wb));
    expect(r.problems.filter((p) => p.code.startsWith('office-row') || p.code === 'office-cell-number').map((p) => `${p.sheet}!${p.cell} ${p.code}`)).toEqual([
      `自评表!F${first + 2} office-row-incomplete`,
      `自评表!G${first + 3} office-cell-number`,
    ]);
    expect(r.cases).toHaveLength(1);
    const rows = r.cases[0]!.doc.facts['rows'] as { level1: string; level2: string; level3: string }[];
    expect(rows.map((x) => [x.level1, x.level2, x.level3])).toEqual([
      ['产出指标', '数量指标', '培训人数'],
      ['产出指标', '数量指标', '培训场次'],
    ]);
    // the two met quantitative rows earn their points (50 + 40) and the funds 9.5: 99.5
    expect(sheetOf(scheme, r.cases[0]!.doc).total).toBe('99.5');
    expect(ws.getCell(first, ROW_COL.points).numFmt).toBe('0.00');
  });
});

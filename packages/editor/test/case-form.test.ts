/**
 * The case form's model (src/model/case-form.ts) and the case workflow buttons (src/model/case-status.ts).
 * Numbers are the seeds' (002: 深圳市商务局 2024; 001: 商务发展专项资金——外经贸领域) or hand arithmetic
 * written here.
 */
import { describe, expect, it } from 'vitest';
import { CASE_STATUS_ZH } from '@jixiao/api';
import type { CaseDoc, Input, Issue, Scheme } from '../src/model/types.ts';
import {
  evaluationKindOf,
  factEntry,
  issuesByFact,
  judgementItems,
  moneyConversion,
  moneyText,
  moneyValue,
  newCaseDoc,
  numericValue,
  newCaseProblems,
  percentPointsWarning,
  percentText,
  percentValue,
  rangeText,
  reviewerProblems,
  rowNumberValue,
  rowsFactOf,
  withFact,
  withReviewer,
} from '../src/model/case-form.ts';
import { STATUS_ZH, factsEditable, mayDelete, reviewerEditable, statusActions } from '../src/model/case-status.ts';
import { loadScheme } from './harness.tsx';

const empty = (): CaseDoc => newCaseDoc({ id: 'shenzhen-department', year: 2024 }, { id: 'shenzhen-newdept', name: '深圳市新设局2024年度部门整体支出绩效自评', department: '深圳市新设局' });

describe('creating a case', () => {
  it('makes an empty 填报中 case of the scheme and year, trimmed, in format version 1', () => {
    const d = newCaseDoc({ id: 'shenzhen-department', year: 2024 }, { id: ' shenzhen-newdept ', name: ' 新设局 ', department: '深圳市新设局' });
    expect(d).toEqual({ formatVersion: 1, id: 'shenzhen-newdept', name: '新设局', department: '深圳市新设局', year: 2024, scheme: { id: 'shenzhen-department', year: 2024 }, facts: {} });
  });

  it('names every missing field, a bad id and an id already taken, in Chinese', () => {
    expect(newCaseProblems({ id: '', name: '', department: '' }, [])).toHaveLength(3);
    expect(newCaseProblems({ id: '.hidden', name: '甲', department: '甲局' }, [])[0]).toContain('案例标识只能含');
    expect(newCaseProblems({ id: 'shenzhen-commerce', name: '甲', department: '甲局' }, ['shenzhen-commerce'])[0]).toContain('已被使用');
    expect(newCaseProblems({ id: '深圳-新设局_2024', name: '甲', department: '甲局' }, ['shenzhen-commerce'])).toEqual([]);
    // 130 characters: the length is the problem (at most 120), not the characters; 120 is allowed
    expect(newCaseProblems({ id: 'a'.repeat(130), name: '甲', department: '甲局' }, [])).toEqual(['案例标识最多 120 个字符，现有 130 个，请缩短']);
    expect(newCaseProblems({ id: '深'.repeat(120), name: '甲', department: '甲局' }, [])).toEqual([]);
  });

  it('names the name and department as the scheme’s kind calls them (CASE_FIELD_LABELS)', () => {
    expect(newCaseProblems({ id: 'x', name: '', department: '' }, [])).toEqual(['请填写案例名称', '请填写部门（单位）名称']);
    expect(newCaseProblems({ id: 'x', name: '', department: '' }, [], 'project')).toEqual(['请填写项目名称', '请填写主管部门']);
    const project = { indicators: [{ id: 'rows', name: '年度绩效指标', points: 90, rule: { kind: 'targets', rowsFact: '指标行' } }] } as unknown as Scheme;
    expect(evaluationKindOf(project)).toBe('project');
    expect(evaluationKindOf({ indicators: [] })).toBe('department');
  });
});

describe('fact fields', () => {
  it('shows a 万元 amount in 元 and an 元 amount in 万元 (1 万元 = 10000 元), as finance staff write money', () => {
    // seed 002: 采购计划金额 7,341.03 万元 = 73,410,300 元
    expect(moneyConversion('7341.03', '万元')).toBe('＝ 73,410,300.00 元');
    expect(moneyConversion('7,341.03', '万元')).toBe('＝ 73,410,300.00 元');
    // seed 001: 全年预算数 980,349,201.00 元 = 98,034.9201 万元, shown to the fen: 98,034.92
    expect(moneyConversion('980349201.00', '元')).toBe('＝ 98,034.92 万元');
    expect(moneyConversion('abc', '万元')).toBeNull();
    expect(moneyConversion('5', '人')).toBeNull();
  });

  it('takes a percent as the number before the sign and shows a stored fraction the same way', () => {
    expect(percentValue('85')).toBe('85%');
    expect(percentValue(' ')).toBeUndefined();
    expect(percentText('85%')).toBe('85');
    expect(percentText(0.9314)).toBe('93.14');
    expect(percentText(undefined)).toBe('');
  });

  it('a percent field takes percent points: 0.95 is 0.95% and says so on the row; 95, 0 and 150 need no such warning', () => {
    expect(percentValue('0.95')).toBe('0.95%');
    expect(percentPointsWarning('0.95')).toBe('0.95 即 0.95%；若指 95%，请填 95');
    expect(percentPointsWarning('1')).toBe('1 即 1%；若指 100%，请填 100');
    expect(percentPointsWarning('-0.5')).toBe('-0.5 即 -0.5%；若指 -50%，请填 -50');
    expect(percentPointsWarning('０．９５')).toBe('０．９５ 即 ０．９５%；若指 95%，请填 95');
    for (const t of ['95', '0', '0.00', '1.5', '150', '', 'abc']) expect(percentPointsWarning(t)).toBeNull();
    // a fraction stored by the CLI (0.0095 = 0.95%) is shown as 0.95, so it is warned about too
    expect(percentPointsWarning(percentText(0.0095))).not.toBeNull();
  });

  it('stores text that is not a number as typed (no % added), and shows it back unchanged', () => {
    expect(percentValue('abc')).toBe('abc');
    expect(percentValue('abc%')).toBe('abc%');
    expect(percentText('abc')).toBe('abc');
    expect(percentText('abc%')).toBe('abc%');
    expect(percentValue('1.2.3')).toBe('1.2.3');
    expect(percentValue('95%')).toBe('95%');
  });

  it('reads full-width digits, ．，％ and － and stores the number read: ９５ → "95%"; １２，３４５．６ 万元 → 123,456,000.00 元', () => {
    expect(percentValue('９５')).toBe('95%');
    expect(percentValue('９５％')).toBe('95%');
    // a case saved before (full-width text in the file) is still shown as it was typed
    expect(percentText('９５％')).toBe('９５');
    expect(percentValue('－１')).toBe('-1%');
    // 12345.6 万元 × 10000 = 123,456,000 元
    expect(moneyConversion('１２，３４５．６', '万元')).toBe('＝ 123,456,000.00 元');
    expect(numericValue('１２３４５．６')).toBe(12345.6);
  });

  // money keeps the decimal text a finance user typed (its 分), made plain; the number/count reading below stays
  it('stores money as its plain decimal text: "150000.10" stays, "100000.00" stays, "1,234.50" → "1234.50"', () => {
    expect(moneyValue('150000.10')).toBe('150000.10');
    expect(moneyValue(' 100000.00 ')).toBe('100000.00');
    expect(moneyValue('1,234.50')).toBe('1234.50');
    expect(moneyValue('１５０，０００．１０')).toBe('150000.10');
    expect(moneyValue('-3.00')).toBe('-3.00');
    expect(moneyValue('')).toBeUndefined();
    // not a number (or a percent where money belongs): stored as typed, so the engine's message quotes it
    expect(moneyValue('一千万')).toBe('一千万');
    expect(moneyValue('50%')).toBe('50%');
  });

  it('shows stored money as finance staff write it: "150000.10" and 150000.1 → "150,000.10"', () => {
    expect(moneyText('150000.10')).toBe('150,000.10');
    expect(moneyText(150000.1)).toBe('150,000.10');
    expect(moneyText('4036597.38')).toBe('4,036,597.38');
    expect(moneyText('abc')).toBe('abc');
    expect(moneyText(undefined)).toBe('');
  });

  it('stores a row 分值 / 自评得分 in the JSON type its rows use', () => {
    const numbers = [{ points: 10, selfScore: 10 }, { points: 5 }];
    expect(rowNumberValue('20', numbers, 0, 'points')).toBe(20);
    // the row has none yet: another row's type (a number)
    expect(rowNumberValue('4.5', numbers, 1, 'selfScore')).toBe(4.5);
    const texts = [{ points: '10.0', selfScore: '9.5' }, {}];
    expect(rowNumberValue('20', texts, 0, 'points')).toBe('20');
    expect(rowNumberValue('１，２００．５０', texts, 1, 'selfScore')).toBe('1200.50');
    // no row has one: a number, as the bundled cases write them
    expect(rowNumberValue('8', [{}], 0, 'selfScore')).toBe(8);
    // half-typed "14." stored as typed does not turn the row into text
    expect(rowNumberValue('14.5', [{ selfScore: '14.' }, { selfScore: 10 }], 0, 'selfScore')).toBe(14.5);
    expect(rowNumberValue(' ', numbers, 0, 'points')).toBeUndefined();
  });

  it('stores a number or count (numericValue; money: moneyValue above) as the number read, exactly: "1,234.5" → 1234.5, "5.50" → 5.5', () => {
    expect(numericValue('1,234.5')).toBe(1234.5);
    expect(numericValue(' 7341.03 ')).toBe(7341.03);
    expect(numericValue('5.50')).toBe(5.5);
    expect(numericValue('１，０００')).toBe(1000);
    expect(numericValue('-3')).toBe(-3);
    expect(numericValue('')).toBeUndefined();
    // 19 significant digits: as a JS number 1234567890123.456789 would be 1234567890123.4568, so the
    // decimal is stored as text (the format's Num takes "1234567890123.456789"), every digit kept
    expect(numericValue('1,234,567,890,123.456789')).toBe('1234567890123.456789');
    expect(numericValue('0.30000000000000000001')).toBe('0.30000000000000000001');
  });

  it('keeps text it cannot read as typed, so the engine quotes it: abc, 1.2.3, 1e3, and a percent sign on money', () => {
    for (const t of ['abc', '1.2.3', '1e3', '9,5', '九十五']) expect(numericValue(t)).toBe(t);
    expect(numericValue('50%')).toBe('50%');
    expect(numericValue('５０％')).toBe('５０％');
  });

  it('stores a percent as the format writes it exactly, with its sign: "1,234.5" → "1234.5%", "95.50" → "95.5%"', () => {
    expect(percentValue('1,234.5')).toBe('1234.5%');
    expect(percentValue('95.50')).toBe('95.5%');
    expect(percentValue('９５．５％')).toBe('95.5%');
    expect(percentValue('33.333')).toBe('33.333%');
    expect(percentValue('95%%')).toBe('95%%');
  });

  it('says the declared range, a percent range in %', () => {
    expect(rangeText({ id: '满意度', label: '满意度', type: 'percent', min: 0, max: 1 } as Input)).toBe('0% 至 100%');
    expect(rangeText({ id: 'n', label: '人数', type: 'count', min: 0 } as Input)).toBe('不小于 0');
    expect(rangeText({ id: 't', label: '文本', type: 'text' } as Input)).toBeNull();
  });

  it('keeps the 来源/佐证 note beside the value, and removes a fact left empty without a note', () => {
    let d = withFact(empty(), '在编人数', '127', '2024年部门决算');
    expect(d.facts['在编人数']).toEqual({ value: '127', source: '2024年部门决算' });
    expect(factEntry(d, '在编人数')).toEqual({ value: '127', source: '2024年部门决算' });
    d = withFact(d, '在编人数', '127', '');
    expect(d.facts['在编人数']).toBe('127');
    d = withFact(d, '在编人数', undefined, '');
    expect('在编人数' in d.facts).toBe(false);
    // a note without a value yet is kept (the value is then missing, as the engine will say)
    expect(withFact(empty(), '满意度', undefined, '问卷待汇总').facts['满意度']).toEqual({ value: null, source: '问卷待汇总' });
  });

  it("sorts the engine's issues by the fact they name", () => {
    const issues = [
      { code: 'fact-count', severity: 'error', message: '在编人数应为整数', messageEn: '', path: '/facts/在编人数', fact: '在编人数' },
      { code: 'fact-range', severity: 'error', message: '满意度超出范围', messageEn: '', path: '/facts/满意度' },
      { code: 'judgement-missing', severity: 'error', message: '缺少评审录入', messageEn: '', path: '/reviewer/outcomes' },
    ] as Issue[];
    const m = issuesByFact(issues);
    expect([...m.keys()]).toEqual(['在编人数', '满意度']);
  });
});

describe('reviewer items', () => {
  it('lists the 酌情 leaves and parts of the 2024 department scheme with their 分值', () => {
    const items = judgementItems(loadScheme('shenzhen-department/2024.json'));
    const byKey = Object.fromEntries(items.map((i) => [i.key, i.points]));
    // 社会效益、经济效益、生态效益等 25分 (seed 002 评分表), and the 酌情 parts the seed case's reviewer entries score
    expect(byKey['outcomes']).toBe('25');
    expect(byKey['procurement/policy']).toBe('1');
    expect(byKey['financial-compliance/spending']).toBe('1');
    expect(byKey['financial-compliance/accounting']).toBe('1');
  });

  it('asks for a score from 0 to the 分值 and a reason', () => {
    expect(reviewerProblems({ score: '25', reason: '目标均已实现' }, '25')).toEqual([]);
    expect(reviewerProblems({ score: '26', reason: '目标均已实现' }, '25')[0]).toContain('超过本项分值 25 分');
    // -1 is a number below 0 (user review: it was called 不是数字)
    expect(reviewerProblems({ score: '-1', reason: 'x' }, '25')).toEqual(['给分 -1 低于 0 分（应在 0 至 25 分之间）']);
    expect(reviewerProblems({ score: '一分', reason: 'x' }, '25')).toEqual(['给分“一分”不是数字']);
    expect(reviewerProblems({ score: '', reason: '' }, '25')).toEqual(['请填写评审给分', '请填写给分理由（必填）']);
  });

  it('sets and removes entries, dropping an empty reviewer block', () => {
    const d = withReviewer(empty(), 'outcomes', { score: ' 25 ', reason: '目标均已实现', basis: 'judgement' });
    expect(d.reviewer).toEqual({ outcomes: { score: '25', reason: '目标均已实现', basis: 'judgement' } });
    expect('reviewer' in withReviewer(d, 'outcomes', null)).toBe(false);
  });
});

describe('project schemes', () => {
  it('finds the rows fact of the 项目自评 scheme, none in a department scheme', () => {
    expect(rowsFactOf(loadScheme('shenzhen-project/2020.json'))).toBe('rows');
    expect(rowsFactOf(loadScheme('shenzhen-department/2024.json'))).toBeNull();
  });
});

describe('case status', () => {
  it('names the statuses as the API does', () => {
    expect(STATUS_ZH).toEqual(CASE_STATUS_ZH);
  });

  it('offers 提交 while filling, 审核通过 and 退回 (with a reason) once submitted, 退回 once reviewed', () => {
    expect(statusActions('filling').map((a) => a.label)).toEqual(['提交']);
    expect(statusActions('submitted').map((a) => [a.label, a.to, a.needsReason])).toEqual([
      ['审核通过', 'reviewed', false],
      ['退回', 'filling', true],
    ]);
    expect(statusActions('reviewed').map((a) => a.to)).toEqual(['filling']);
  });

  it('offers 部门填报 only 提交, 评审 only 审核通过 and 退回', () => {
    expect(statusActions('filling', 'department').map((a) => a.label)).toEqual(['提交']);
    expect(statusActions('submitted', 'department')).toEqual([]);
    expect(statusActions('filling', 'reviewer')).toEqual([]);
    expect(statusActions('submitted', 'reviewer').map((a) => a.label)).toEqual(['审核通过', '退回']);
  });

  it('offers 删除 as the server allows it: never once 已审核; 政策管理 otherwise; 部门填报 only while 填报中; 评审 never', () => {
    expect((['filling', 'submitted', 'reviewed'] as const).map((st) => mayDelete(st, 'policy'))).toEqual([true, true, false]);
    expect((['filling', 'submitted', 'reviewed'] as const).map((st) => mayDelete(st, 'department'))).toEqual([true, false, false]);
    expect((['filling', 'submitted', 'reviewed'] as const).map((st) => mayDelete(st, 'reviewer'))).toEqual([false, false, false]);
  });

  it('keeps facts from 评审 and reviewer entries from 部门填报', () => {
    expect([factsEditable('filling', 'reviewer'), factsEditable('filling', 'department')]).toEqual([false, true]);
    expect([reviewerEditable('submitted', 'department'), reviewerEditable('submitted', 'reviewer')]).toEqual([false, true]);
  });

  it('makes facts read-only once submitted, reviewer entries once reviewed', () => {
    expect([factsEditable('filling'), factsEditable('submitted'), factsEditable('reviewed')]).toEqual([true, false, false]);
    expect([reviewerEditable('filling'), reviewerEditable('submitted'), reviewerEditable('reviewed')]).toEqual([true, true, false]);
  });
});

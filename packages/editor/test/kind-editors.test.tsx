/**
 * The visual editors of the issue-10 rule kinds and of the new options of older kinds, each through the
 * rule editor (the place that dispatches a kind to its editor), on the 岳阳 部门整体支出 2020 draft
 * (test/kind-fixture.ts). Every edit is checked three ways: the rule JSON it writes, the engine's validation
 * of the whole scheme (no error anywhere, no issue at the rule), and the 评分标准 the engine renders from it.
 */
import './dom.ts';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { renderCriterion, validateScheme } from '@jixiao/engine';
import { RuleEditor } from '../src/rules/RuleEditor.tsx';
import { EditorContext, namesOf } from '../src/components/editor-context.tsx';
import { parsePointer, setIn } from '../src/model/pointer.ts';
import { relativeIssues } from '../src/model/issues.ts';
import type { Issue, Rule, Scheme } from '../src/model/types.ts';
import { ADJUSTMENT, BALANCE, PAYMENT_PROGRESS, STAFF_CONTROL, kindScheme, ruleAt } from './kind-fixture.ts';
import { loadScheme } from './harness.tsx';

afterEach(cleanup);
beforeEach(() => {
  vi.spyOn(window, 'confirm').mockReturnValue(true);
});

interface Probe {
  doc: Scheme;
  issues: Issue[];
}

/** The rule editor of the leaf at `ptr`, with the document in the editor context (as the scheme page gives it). */
function Harness({ initial, ptr, probe }: { initial: Scheme; ptr: string; probe: Probe }) {
  const [doc, setDoc] = useState(initial);
  const issues = validateScheme(doc);
  probe.doc = doc;
  probe.issues = issues;
  return (
    <EditorContext.Provider value={{ readOnly: false, names: namesOf(doc), doc }}>
      <RuleEditor
        rule={ruleAt(doc, ptr)}
        points={3}
        issues={relativeIssues(issues, `${ptr}/rule`)}
        onChange={(r: Rule) => setDoc((prev) => setIn(prev, parsePointer(`${ptr}/rule`), r) as Scheme)}
      />
    </EditorContext.Provider>
  );
}

function setup(ptr: string, rule?: Rule, initial?: Scheme) {
  const doc = initial ?? kindScheme(ptr, rule);
  const probe: Probe = { doc, issues: [] };
  render(<Harness initial={doc} ptr={ptr} probe={probe} />);
  const id = (ptr.split('/').reduce<unknown>((o, k) => (k ? (o as Record<string, unknown>)[k] : o), doc) as { id: string }).id;
  return {
    rule: () => ruleAt(probe.doc, ptr) as Record<string, unknown>,
    /** Errors anywhere and any issue at the edited rule: none expected after a valid edit. */
    problems: () => probe.issues.filter((i) => i.severity === 'error' || i.path.startsWith(`${ptr}/rule`)),
    criterion: () => renderCriterion(probe.doc, id),
  };
}

const box = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const combo = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;
const type = (name: string, value: string) => fireEvent.change(box(name), { target: { value } });
const choose = (name: string, value: string) => fireEvent.change(combo(name), { target: { value } });

describe('按完成比例计分 (completion)', () => {
  it('types the target of a percent 完成值 in percent (95 → 0.95) and sets the direction', () => {
    const { rule, problems } = setup(ADJUSTMENT, { kind: 'completion', actual: '预算调整率', target: 1 } as Rule);
    expect(box('目标值').value).toBe('100');
    type('目标值', '95');
    expect(rule()).toEqual({ kind: 'completion', actual: '预算调整率', target: 0.95 });
    choose('完成方向', 'lower');
    expect(rule()['direction']).toBe('lower');
    choose('完成方向', 'higher');
    expect('direction' in rule()).toBe(false);
    expect(problems()).toEqual([]);
  });

  it('takes the target from another fact', () => {
    const { rule, problems } = setup(ADJUSTMENT, { kind: 'completion', actual: '预算调整率', target: 1 } as Rule);
    choose('目标值来源', 'fact');
    choose('目标值（事实或指标）', '重点支出安排率');
    expect(rule()).toEqual({ kind: 'completion', actual: '预算调整率', target: '重点支出安排率' });
    expect(problems()).toEqual([]);
  });
});

describe('择一考核 (choice)', () => {
  const choice = {
    kind: 'choice',
    by: '结转结余考核口径',
    options: [
      { value: '结转结余率', name: '结转结余率', rule: { kind: 'completion', actual: '预算调整率', target: 0.1, direction: 'lower' } },
      { value: '结转结余变动率', name: '结转结余变动率', rule: { kind: 'judgement' } },
    ],
  } as Rule;

  it('edits each measure’s name and its own rule, and the 评分标准 follows', () => {
    const { rule, problems, criterion } = setup(ADJUSTMENT, choice);
    expect(combo('考核口径事实').value).toBe('结转结余考核口径');
    expect(combo('口径2取值').value).toBe('结转结余变动率');
    // the nested rule of 口径1 is edited with its own editor: 10% shown as 10, 8 stored as 0.08
    const first = screen.getByRole('group', { name: '口径1' });
    expect((within(first).getByRole('textbox', { name: '目标值' }) as HTMLInputElement).value).toBe('10');
    fireEvent.change(within(first).getByRole('textbox', { name: '目标值' }), { target: { value: '8' } });
    type('口径2名称', '结转结余变动');
    expect(criterion()).toBe('二者择其一进行考核，（1）结转结余率：按完成比例计算得分，满分为止。（2）结转结余变动：酌情评分');
    const second = screen.getByRole('group', { name: '口径2' });
    fireEvent.change(within(second).getByRole('combobox', { name: '计分方式' }), { target: { value: 'completion' } });
    expect(rule()['options']).toEqual([
      { value: '结转结余率', name: '结转结余率', rule: { kind: 'completion', actual: '预算调整率', target: 0.08, direction: 'lower' } },
      // the kind's template: 完成值 the first declared name, target 1 (100%)
      { value: '结转结余变动率', name: '结转结余变动', rule: { kind: 'completion', actual: '在职人员控制率', target: 1 } },
    ]);
    expect(problems()).toEqual([]);
    // both measures now read alike, so the engine says it once
    expect(criterion()).toBe('二者择其一进行考核，按完成比例计算得分，满分为止。');
  });
});

describe('条件计分 (cases)', () => {
  it('shows the 资金结余 cases in order, the second comparing 本年结余 with the fact 上年结转', () => {
    setup(BALANCE, undefined, kindScheme());
    expect(combo('情形1条件：事实').value).toBe('本年结余');
    expect(box('情形1得分').value).toBe('3');
    expect(combo('情形2条件：组合').value).toBe('all');
    expect(combo('情形2条件第2个条件：比较对象').value).toBe('fact');
    expect(combo('情形2条件第2个条件：比较的事实或指标').value).toBe('上年结转');
    expect(box('其余情形原文').value).toBe('结余超过上年结转');
  });

  it('changes a score and a wording, adds a condition and a case; the 评分标准 follows', () => {
    const { rule, problems, criterion } = setup(BALANCE, undefined, kindScheme());
    type('情形2得分', '1.5');
    type('其余情形得分', '0.5');
    fireEvent.click(screen.getByRole('button', { name: '添加情形' }));
    choose('情形3条件：事实', '本年结余');
    choose('情形3条件：比较', 'greaterThan');
    choose('情形3条件：比较对象', 'fact');
    choose('情形3条件：比较的事实或指标', '上年结转');
    type('情形3得分', '1');
    type('情形3原文', '结余超过上年结转');
    type('其余情形原文', '其他');
    const cases = rule()['cases'] as { when: unknown; score: unknown; text: string }[];
    expect(cases.map((c) => c.score)).toEqual([3, 1.5, 1]);
    expect(cases[2]).toEqual({ when: { fact: '本年结余', operator: 'greaterThan', value: { fact: '上年结转' } }, score: 1, text: '结余超过上年结转' });
    expect(rule()['otherwise']).toEqual({ score: 0.5, text: '其他' });
    expect(problems()).toEqual([]);
    expect(criterion()).toBe('无结余，3分；有结余,但不超过上年结转，1.5分；结余超过上年结转，1分；其他，0.5分。');
  });

  it('joins a single comparison with a second one (并且) and back', () => {
    const { rule } = setup(BALANCE, undefined, kindScheme());
    fireEvent.click(screen.getByRole('button', { name: '情形1条件：再加一个条件' }));
    expect(Object.keys((rule()['cases'] as { when: object }[])[0]!.when)).toEqual(['all']);
    fireEvent.click(screen.getByRole('button', { name: '情形1条件：删除第2个条件' }));
    expect((rule()['cases'] as { when: object }[])[0]!.when).toEqual({ fact: '本年结余', operator: 'equal', value: 0 });
  });
});

describe('专家评分 (experts)', () => {
  it('sets the number of experts, their names and how many must score', () => {
    const { rule, problems, criterion } = setup(ADJUSTMENT, { kind: 'experts', panel: ['专家1', '专家2', '专家3'] } as Rule);
    type('专家人数', '5');
    expect(rule()['panel']).toEqual(['专家1', '专家2', '专家3', '专家4', '专家5']);
    type('专家人数', '2');
    expect(rule()['panel']).toEqual(['专家1', '专家2']);
    type('专家2称呼', '财务专家');
    type('至少几位专家打分', '2');
    expect(rule()).toEqual({ kind: 'experts', panel: ['专家1', '财务专家'], minimum: 2 });
    expect(problems()).toEqual([]);
    expect(criterion()).toBe('评价得分=(专家1+财务专家)/专家人数');
  });
});

describe('时间节点 (milestones)', () => {
  it('picks each step’s 节点 from the scheme calendar and sets the deduction per late 专项', () => {
    const { rule, problems, criterion } = setup(PAYMENT_PROGRESS, undefined, kindScheme());
    expect(combo('节点1截止节点').value).toBe('春节前');
    expect(within(combo('节点1截止节点')).getAllByRole('option').map((o) => o.textContent)).toEqual(['春节前（2020-01-24）', '6月底前（2020-06-30）']);
    expect(combo('节点2依据事实').value).toBe('六月底前未按进度专项数');
    type('每项未按进度扣分', '0.25');
    type('节点1事项', '下达全部专项资金的60%');
    expect(rule()['perMiss']).toBe(0.25);
    expect((rule()['items'] as { what: string }[])[0]).toEqual({ id: 'half', due: '春节前', what: '下达全部专项资金的60%', late: '春节前未按进度专项数' });
    expect(problems()).toEqual([]);
    expect(criterion()).toBe('春节前下达全部专项资金的60%；6月底前所有专项资金指标全部下达完。每出现一个专项未按进度完成资金下达扣0.25分，扣完为止。');
  });

  it('adds a step due 6月底前, counted by a count fact', () => {
    const { rule, problems } = setup(PAYMENT_PROGRESS, undefined, kindScheme());
    fireEvent.click(screen.getByRole('button', { name: '添加节点' }));
    choose('节点3截止节点', '六月底前');
    type('节点3事项', '下达剩余资金');
    choose('节点3依据事实', '六月底前未按进度专项数');
    expect((rule()['items'] as unknown[])[2]).toEqual({ id: '节点', due: '六月底前', what: '下达剩余资金', late: '六月底前未按进度专项数' });
    expect(problems()).toEqual([]);
  });
});

describe('引用共用分档表 (bands)', () => {
  it('picks a table from the scheme’s bandTables and shows its bands in percent', () => {
    const { rule, problems, criterion } = setup(ADJUSTMENT, { kind: 'bands', metric: '预算调整率', table: '完成率分档' } as Rule);
    expect(within(screen.getByRole('list', { name: '完成率分档的档位' })).getAllByRole('listitem').map((l) => l.textContent)).toEqual([
      '≥100%：得分值的100%',
      '≥80%且<100%：得分值的80%',
      '≥0%且<80%：得分值的0%',
    ]);
    choose('共用分档表', '达标分档');
    expect(rule()).toEqual({ kind: 'bands', metric: '预算调整率', table: '达标分档' });
    expect(problems()).toEqual([]);
    expect(criterion()).toBe('预算调整率≥90%的，得满分；预算调整率<90%的，得分值的50%。');
  });
});

describe('部门绩效目标行 (deptTargets)', () => {
  it('switches from 按完成比例 to a shared 完成率 band table', () => {
    const { rule, problems } = setup(ADJUSTMENT, { kind: 'deptTargets', rowsFact: '部门绩效指标', by: 'proportional' } as Rule);
    choose('每行计分方式', 'table');
    expect(rule()['by']).toEqual({ table: '完成率分档' });
    choose('完成率分档表', '达标分档');
    expect(rule()).toEqual({ kind: 'deptTargets', rowsFact: '部门绩效指标', by: { table: '达标分档' } });
    expect(problems()).toEqual([]);
    choose('每行计分方式', 'proportional');
    expect(rule()['by']).toBe('proportional');
  });
});

describe('酌情评分的评分档次 (judgement bands)', () => {
  it('starts from the three bands of 财预〔2020〕10号 and types a bound in percent (85 → 0.85)', () => {
    const { rule, problems, criterion } = setup(ADJUSTMENT, { kind: 'judgement' } as Rule);
    fireEvent.click(screen.getByRole('button', { name: '设置评分档次' }));
    expect(box('第1档名称').value).toBe('达成年度指标');
    expect([box('第1档下限').value, box('第1档上限').value]).toEqual(['80', '100']);
    type('第1档下限', '85');
    type('第2档上限', '85');
    choose('第2档上限是否包含', 'excl');
    const bands = rule()['bands'] as Record<string, unknown>[];
    expect(bands[0]).toEqual({ label: '达成年度指标', min: 0.85, minInclusive: true, max: 1, maxInclusive: true });
    expect(bands[1]).toEqual({ label: '部分达成年度指标并具有一定效果', min: 0.6, minInclusive: true, max: 0.85, maxInclusive: false });
    expect(problems()).toEqual([]);
    expect(criterion()).toContain('100-85%（含）、85-60%（含）、60-0%');
    fireEvent.click(screen.getByRole('button', { name: '取消评分档次' }));
    expect(rule()).toEqual({ kind: 'judgement' });
  });

  it('bounds in 分 when the band’s unit is points', () => {
    const { rule, problems } = setup(ADJUSTMENT, { kind: 'judgement', bands: [{ label: '全部完成', min: 0, minInclusive: true, max: 1, maxInclusive: true }] } as Rule);
    choose('第1档区间单位', 'points');
    type('第1档上限', '3');
    expect(rule()['bands']).toEqual([{ label: '全部完成', unit: 'points', min: 0, minInclusive: true, max: 3, maxInclusive: true }]);
    expect(problems()).toEqual([]);
  });
});

describe('线性扣分的方向与写法 (linearPenalty)', () => {
  it('deducts below the threshold (每低于) and renders compactly', () => {
    const { rule, problems, criterion } = setup(STAFF_CONTROL, undefined, kindScheme());
    expect(combo('扣分方向').value).toBe('above');
    // 在职人员控制率 is a percent: 阈值 1 shows as 100, 步长 0.01 (一个百分点) as 1; 2 typed is stored as 0.02
    expect([box('阈值').value, box('步长').value]).toEqual(['100', '1']);
    type('步长', '2');
    expect(rule()['step']).toBe(0.02);
    type('步长', '1');
    choose('扣分方向', 'below');
    choose('评分标准写法', 'compact');
    // the 岳阳 row counts whole 百分点 (stepping whole) and keeps its 以100%为标准。 preface
    expect(rule()).toEqual({ kind: 'linearPenalty', metric: '在职人员控制率', threshold: 1, step: 0.01, deduct: 0.5, stepping: 'whole', direction: 'below', render: { style: 'compact', before: '以100%为标准。' } });
    expect(problems().filter((i) => i.severity === 'error')).toEqual([]);
    expect(criterion()).toBe('以100%为标准。在职人员控制率≥100%，计5分；每低于一个百分点扣0.5分，扣完为止。');
    choose('扣分方向', 'above');
    choose('评分标准写法', '');
    // back to 超过 and the full sentence: no direction, no style; the row's own preface stays
    expect('direction' in rule()).toBe(false);
    expect(rule()['render']).toEqual({ before: '以100%为标准。' });
  });
});

describe('年度绩效指标行的财预〔2020〕10号政策 (targets)', () => {
  const TARGETS = '/indicators/1';
  const caiyu = () => loadScheme('caiyu-2020-project/2020.json');

  it('shows the policy of the bundled 财预〔2020〕10号 scheme', () => {
    setup(TARGETS, undefined, caiyu());
    expect(combo('定量目标未达成').value).toBe('proportional');
    expect(combo('超额偏离处理').value).toBe('judgement');
    expect(combo('定性目标').value).toBe('bands');
    expect([box('第2档下限').value, box('第2档上限').value]).toEqual(['60', '80']);
    expect([box('权重1分组名称').value, box('权重1分值').value]).toEqual(['产出指标', '50']);
    expect(box('权重3归入指标').value).toBe('满意度指标、服务对象满意度指标');
    expect(combo('权重3无指标行时调整至').value).toBe('效益指标');
  });

  it('sets 指标偏离 to 减2分 from 30%以上 (in percent), then to 不计分', () => {
    const { rule, problems, criterion } = setup(TARGETS, undefined, caiyu());
    choose('超额偏离处理', 'deduct');
    expect((rule()['policy'] as Record<string, unknown>)['overshoot']).toEqual({ then: 'deduct', deduct: 2, over: 0.3, inclusive: true });
    expect(box('偏离度界限').value).toBe('30');
    // the provincial wording (issue 10): "完成值超过年初设置指标值30%及以上的指标，定义为指标偏离并减2分"
    expect(criterion()).toContain('完成值超过年初设置指标值30%及以上的指标，定义为指标偏离并减2分');
    type('偏离度界限', '20');
    choose('偏离度界限是否包含', 'excl');
    type('指标偏离减分', '1');
    expect((rule()['policy'] as Record<string, unknown>)['overshoot']).toEqual({ then: 'deduct', deduct: 1, over: 0.2, inclusive: false });
    expect(problems()).toEqual([]);
    choose('超额偏离处理', 'zero');
    expect((rule()['policy'] as Record<string, unknown>)['overshoot']).toEqual({ then: 'zero', over: 0.2, inclusive: false });
    expect(problems()).toEqual([]);
    choose('超额偏离处理', 'none');
    expect('overshoot' in (rule()['policy'] as object)).toBe(false);
  });

  it('edits the weights and 未完成 policy; qualitative 酌情 drops the bands', () => {
    const { rule, problems } = setup(TARGETS, undefined, caiyu());
    type('权重1分值', '40');
    type('权重2分值', '40');
    choose('定量目标未达成', 'zero');
    choose('定性目标', 'judgement');
    const r = rule();
    expect((r['weights'] as { points: unknown }[]).map((w) => w.points)).toEqual([40, 40, 10]);
    expect((r['policy'] as Record<string, unknown>)['quantitativeNotMet']).toBe('zero');
    expect((r['policy'] as Record<string, unknown>)['qualitative']).toBe('judgement');
    expect('bands' in r).toBe(false);
    expect(problems()).toEqual([]);
  });
});

/**
 * What a policy user reads when a scheme or case document breaks its format: one sentence per mistake,
 * in finance words (the field's Chinese name, what is wrong, what to write), never a regular
 * expression, an ajv keyword or the alternatives of a union; each issue a catalogue entry with params
 * (JSON path, field, allowed values…), the indicator id and the JSON path.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderIssue, validateCase, validateScheme, type Issue, type Scheme } from '../src/index.ts';
import { fixture } from './fixtures/build.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break documents in ways the types forbid
type Loose = Record<string, any>;
const broken = (breakIt: (d: Loose) => void): Issue[] => {
  const d = fixture<Scheme>('mini-scheme.json') as unknown as Loose;
  breakIt(d);
  return validateScheme(d);
};
/** Wording that must never reach a policy user: regular expressions, ajv's words, union noise. */
const MACHINE_WORDS = /\^\[|\\p\{|应当匹配|应当有必需属性|应当是|anyOf|oneOf|must match|pattern|schema/i;

describe('the messages a user gets for a broken scheme', () => {
  it('points written "六分": one sentence saying a number of 分 is needed, with examples, and no percent suggested', () => {
    const issues = broken((d) => (d.indicators[0].children[0].points = '六分'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'schema-points',
      path: '/indicators/0/children/0/points',
      indicator: 'satisfaction',
      params: { path: '/indicators/0/children/0/points', label: '分值', property: 'points', value: '"六分"' },
      message: '分值应为数字（以“分”计），如 6、4.5，也可写成 "4.5"；不能写成文字或带单位，现为 "六分"',
    });
    expect(issues[0]!.messageEn).toBe(
      '/indicators/0/children/0/points must be a number of points such as 6 or 4.5 (or a decimal string "4.5"), without words or units; got "六分"',
    );
    expect(issues[0]!.message).not.toContain('%');
  });

  // The bug: "6%" in 分值 was read as the fraction 0.06 分, and the user saw only the knock-on errors
  // (下级指标分值合计 …, 第2档得分 4 分超出本项分值 0–0.06 分). Now the schema refuses the percent sign,
  // once per place, and the semantic checks that would repeat it do not run.
  it('points "6%" and a tier score "6%": one sentence each, saying points take no percent sign, no knock-on errors', () => {
    const issues = broken((d) => {
      d.indicators[0].children[0].points = '6%';
      d.indicators[0].children[0].rule.tiers[0].score = '6%';
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['schema-points-percent', '/indicators/0/children/0/points'],
      ['schema-points-percent', '/indicators/0/children/0/rule/tiers/0/score'],
    ]);
    expect(issues[0]).toMatchObject({
      indicator: 'satisfaction',
      params: { label: '分值', property: 'points', value: '"6%"', number: '6' },
      message: '分值不能带百分号，现为 "6%"：分值和得分以“分”计，请只写数字，如 6（百分号只用于比率，如执行率 "95%"）',
      messageEn:
        '/indicators/0/children/0/points: points take no percent sign, got "6%"; write the number of points, e.g. 6 (a percent sign is only for rates such as "95%")',
    });
    expect(issues[1]!.message).toMatch(/^该档得分不能带百分号，现为 "6%"/);
  });

  it('totalPoints "100%": refused with the percent sign named, not read as 1 分', () => {
    const issues = broken((d) => (d.totalPoints = '100%'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'schema-points-percent', path: '/totalPoints', params: { label: '总分', value: '"100%"', number: '100' } });
    expect(issues[0]!.message).toMatch(/^总分不能带百分号，现为 "100%"/);
  });

  it('every amount of points refuses a percent sign: parts, option and checklist scores, deduction, ratio, grade bounds', () => {
    const issues = broken((d) => {
      d.indicators[0].points = '20%';
      d.indicators[0].children[1].rule.parts[0].points = '1%';
      d.indicators[0].children[1].rule.parts[0].rule.multiplier = '1%';
      d.indicators[0].children[1].rule.parts[0].rule.cap = '1%';
      d.indicators[0].children[2].rule.perItem = '1%';
      d.indicators[0].children[2].rule.floor = '0%';
      d.indicators[0].children[3].rule.options[1].score = '1%';
      d.grades[0].min = '90%';
    });
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        '/indicators/0/points',
        '/indicators/0/children/1/rule/parts/0/points',
        '/indicators/0/children/1/rule/parts/0/rule/multiplier',
        '/indicators/0/children/1/rule/parts/0/rule/cap',
        '/indicators/0/children/2/rule/perItem',
        '/indicators/0/children/2/rule/floor',
        '/indicators/0/children/3/rule/options/1/score',
        '/grades/0/min',
      ].sort(),
    );
    expect(new Set(issues.map((i) => i.code))).toEqual(new Set(['schema-points-percent']));
    expect(issues.find((i) => i.path === '/grades/0/min')!.message).toMatch(/^等级下限不能带百分号/);
  });

  it('a linear penalty: its threshold and step are percents ("10%", "1%"), its deduct is points and refuses "0.1%"', () => {
    const issues = broken((d) => {
      d.indicators[0].children[4].rule = { kind: 'linearPenalty', metric: '满意度', threshold: '10%', step: '1%', deduct: '0.1%' };
    });
    expect(issues.map((i) => [i.code, i.path, i.params?.['number']])).toEqual([
      ['schema-points-percent', '/indicators/0/children/4/rule/deduct', '0.1'],
    ]);
    expect(issues[0]!.message).toMatch(/^每步扣分不能带百分号，现为 "0.1%"/);
  });

  it('a percent bound of a percent metric still takes its percent sign: "95%" in a tier bound is 0.95', () => {
    const issues = broken((d) => {
      d.indicators[0].children[0].rule.tiers[0].min = '95%';
      d.indicators[0].children[0].rule.tiers[1].max = '95%';
    });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('an id with a space: says the space is the problem and what an id may hold', () => {
    const issues = broken((d) => (d.indicators[0].children[1].id = '政府 采购'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'schema-id', path: '/indicators/0/children/1/id', params: { problem: 'space', label: '标识' } });
    expect(issues[0]!.message).toBe('标识 "政府 采购" 无效：其中有空格。标识须以汉字或字母开头，只含汉字、字母、数字和 _ . -（不能有空格），最长 80 个字符');
  });

  it('an id starting with a digit names the first character', () => {
    const issues = broken((d) => (d.inputs[0].id = '1满意度'));
    expect(issues.find((i) => i.code === 'schema-id')).toMatchObject({ path: '/inputs/0/id', params: { problem: 'start', char: '1' } });
  });

  it('an unknown property: named, with the properties that are allowed there', () => {
    const issues = broken((d) => (d.indicators[0].children[2].rule.perItme = 2));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'schema-additionalProperties', path: '/indicators/0/children/2/rule', indicator: 'norms', params: { extra: 'perItme' } });
    expect(issues[0]!.params!['allowed']).toEqual(expect.arrayContaining(['kind', 'countFact', 'perItem', 'floor']));
    expect(issues[0]!.message).toMatch(/^计分规则中有不认识的属性“perItme”：如是拼写错误请改正，否则请删除（这里可用的属性：kind、countFact、perItem/);
  });

  it('a missing name: the indicator lacks its 指标名称', () => {
    const issues = broken((d) => delete d.indicators[0].children[4].name);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'schema-required',
      path: '/indicators/0/children/4',
      indicator: 'effect',
      params: { owner: '指标', missing: 'name', missingLabel: '指标名称' },
      message: '指标缺少“指标名称”（name），请补上',
      messageEn: '/indicators/0/children/4: required property "name" is missing',
    });
  });

  it('a status "done": one sentence listing draft and published', () => {
    const issues = broken((d) => (d.status = 'done'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'schema-enum',
      path: '/status',
      params: { allowed: ['draft', 'published'], value: '"done"', label: '状态' },
      message: '状态只能取以下之一：draft、published；现为 "done"',
    });
  });

  it('a bound without saying whether it is included: what true and false mean', () => {
    const issues = broken((d) => delete d.indicators[0].children[0].rule.tiers[1].maxInclusive);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toBe('档位第2项写了 max 就须同时写明 maxInclusive（上限是否包含）：true 即含该界限（≥ 或 ≤），false 即不含（> 或 <）');
  });

  it('a condition with a stray property, nested in all: only the form it was meant as is reported', () => {
    const issues = broken(
      (d) => (d.indicators[0].children[3].rule.exempt.when = { all: [{ fact: '涉密', operator: 'equal', value: true, note: '涉密单位' }] }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'schema-additionalProperties', path: '/indicators/0/children/3/rule/exempt/when/all/0', indicator: 'disclosure' });
    expect(issues[0]!.message).toBe('条件中有不认识的属性“note”：如是拼写错误请改正，否则请删除（这里可用的属性：fact、operator、value）');
  });

  it('a condition that is none of the forms: one sentence showing the forms', () => {
    const issues = broken((d) => (d.indicators[0].children[3].rule.exempt.when = {}));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'schema-union', path: '/indicators/0/children/3/rule/exempt/when' });
    expect(issues[0]!.message).toMatch(/^条件的写法不对，应为：\{"all":\[…\]\}、\{"any":\[…\]\}、\{"not":…\} 或 \{"fact":/);
  });

  it('a value of the wrong type among several allowed: the types named once', () => {
    const issues = broken((d) => (d.inputs[4].default = { value: false }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'schema-type', path: '/inputs/4/default', params: { expected: ['number', 'string', 'boolean'] } });
    expect(issues[0]!.message).toBe('“default”应为数字、文本或是/否（true/false），现为 {"value":false}');
  });

  it('a tier bound written as words: said as the number it was meant as, not as a list of types (数字、文本或对象)', () => {
    const issues = broken((d) => {
      d.indicators[0].children[0].rule.tiers[0].min = 'abc';
      d.indicators[0].children[0].rule.tiers[0].minInclusive = true;
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'schema-number', path: '/indicators/0/children/0/rule/tiers/0/min' });
    expect(issues[0]!.message).toMatch(/应为数字，如 6、4\.5，也可写成 "4\.5" 或百分数 "95%"；不能写成文字或带单位，现为 "abc"$/);
  });

  it('many mistakes at once: each named in finance words, none in machine words', () => {
    const issues = broken((d) => {
      delete d.title;
      d.year = 1999;
      d.rounding.places = -1;
      d.rounding.stages = ['leaf', 'leaf'];
      d.inputs[0].type = 'ratio';
      d.inputs[1].id = '实际 采购金额';
      d.indicators[0].children[0].name = '';
      d.indicators[0].children[0].rule.tiers[0].score = '六分';
      d.indicators[0].children[2].rule.color = 'red';
      d.indicators[0].children[3].rule.exempt.when = { fact: '涉密', operator: 'equal' };
    });
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath).toMatchObject({
      '': '评价方案文档缺少“方案名称”（title），请补上',
      '/year': '适用年度不能小于 2000，现为 1999',
      '/rounding/places': '保留小数位数不能小于 0，现为 -1',
      '/rounding/stages': '在哪些环节舍入中第 2 项与第 1 项重复，请删去一项',
      '/inputs/0/type': '类型只能取以下之一：number、percent、money、count、boolean、enum、text、rows；现为 "ratio"',
      '/indicators/0/children/0/name': '指标名称不能为空，请填写',
      '/indicators/0/children/3/rule/exempt/when': '条件缺少 value，请补上',
    });
    expect(issues.map((i) => i.code)).toEqual(expect.arrayContaining(['schema-id', 'schema-points', 'schema-additionalProperties']));
    for (const i of issues) {
      expect(i.message).not.toMatch(MACHINE_WORDS);
      expect(renderIssue(JSON.parse(JSON.stringify(i)))).toEqual({ zh: i.message, en: i.messageEn });
    }
  });

  it('not a document at all: one sentence', () => {
    expect(validateScheme([])).toMatchObject([{ code: 'schema-type', path: '', message: '评价方案文档应为对象 {…}，现为 []' }]);
  });
});

describe('the messages a user gets for a broken case', () => {
  const base = { id: 'x', name: '测试部门', department: '测试部门', year: 2021, scheme: { id: 'mini', year: 2024 } };

  it('a missing facts object, a stray property of a fact, a score in words, a reviewer entry without reason', () => {
    const issues = validateCase({ ...base, facts: { 满意度: { value: 0.9, src: '报告' } }, reviewer: { effect: { score: '五分' } } });
    expect(Object.fromEntries(issues.map((i) => [i.path, i.message]))).toEqual({
      '/facts/满意度': '事实“满意度”中有不认识的属性“src”：如是拼写错误请改正，否则请删除（这里可用的属性：value、source）',
      '/reviewer/effect': '评审录入“effect”缺少“给分理由”（reason），请补上',
      '/reviewer/effect/score': '评审录入“effect”的给分应为数字，如 6、4.5，也可写成 "4.5" 或百分数 "95%"；不能写成文字或带单位，现为 "五分"',
    });
    expect(validateCase(base)).toMatchObject([{ code: 'schema-required', message: '案例文档缺少“事实”（facts），请补上' }]);
  });

  it('an empty reason names the reviewer entry (the indicator or indicator/part it scores), not only 给分理由', () => {
    const issues = validateCase({ ...base, facts: {}, reviewer: { 'procurement/policy': { score: 1, reason: '' } } });
    expect(issues.map((i) => [i.path, i.message])).toEqual([['/reviewer/procurement~1policy/reason', '评审录入“procurement/policy”的给分理由不能为空，请填写']]);
    // a fact's field names its fact the same way
    expect(validateCase({ ...base, facts: { 满意度: { value: 0.9, source: 5 } } }).map((i) => i.message)).toEqual(['事实“满意度”的出处应为文本，现为 5']);
  });
});

describe('the report that found the bug: "6%" in a copy of the bundled 深圳市部门整体 2024 scheme', () => {
  const root = new URL('../../../', import.meta.url);
  const scheme = (): Loose => JSON.parse(readFileSync(new URL('schemes/shenzhen-department/2024.json', root), 'utf8')) as Loose;
  /** 满意度 (6 分, tiers) in 效益 / 社会效益, as the scheme file has it. */
  const satisfaction = (d: Loose) => d.indicators[2].children[3].children[1];

  it('the bundled scheme is valid as it is', () => {
    expect(validateScheme(scheme()).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('"points":"6%" and a tier "score":"6%": two percent-sign issues and nothing else (no 合计 3.06 分, no 超出本项分值 0–0.06 分)', () => {
    const d = scheme();
    expect(satisfaction(d)).toMatchObject({ id: 'satisfaction', points: 6 });
    satisfaction(d).points = '6%';
    satisfaction(d).rule.tiers[0].score = '6%';
    const issues = validateScheme(d);
    expect(issues.map((i) => [i.code, i.path, i.indicator])).toEqual([
      ['schema-points-percent', '/indicators/2/children/3/children/1/points', 'satisfaction'],
      ['schema-points-percent', '/indicators/2/children/3/children/1/rule/tiers/0/score', 'satisfaction'],
    ]);
    for (const i of issues) expect(i.message).not.toMatch(/合计|超出本项分值/);
  });

  it('"totalPoints":"100%" and a checklist item\'s "points":"1%": refused, not read as 1 分 and 0.01 分', () => {
    const d = scheme();
    d.totalPoints = '100%';
    d.indicators[0].children[0].children[0].rule.items[0].points = '1%';
    const issues = validateScheme(d);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['schema-points-percent', '/totalPoints'],
      ['schema-points-percent', '/indicators/0/children/0/children/0/rule/items/0/points'],
    ]);
    expect(issues.some((i) => /与方案总分/.test(i.message))).toBe(false);
  });
});

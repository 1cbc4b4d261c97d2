/**
 * `jixiao validate` on mis-typed conditions (issue 9): each small scheme in fixtures/conditions/ differs
 * from valid.json in one condition, and validate refuses it with exit 1 and one error line naming the
 * indicator, the fact, the operator and the JSON path (Chinese, English beside).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, jixiao, jixiaoProcess } from './run.ts';

const file = (name: string) => join(FIXTURES, 'conditions', `${name}.json`);
const SPENDING_VETO = '/indicators/0/children/0/rule/veto/when';

describe('validate refuses a mis-typed condition in one sentence', () => {
  it('the unbroken scheme is valid', async () => {
    const r = await jixiao(['validate', file('valid')]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^OK 方案有效/);
    expect(r.code).toBe(0);
  });

  it.each([
    // [fixture, code, indicator name, indicator id, fact, operator, JSON path, a phrase of the sentence]
    ['boolean-greater-than', 'condition-operator-type', '支出规范性', 'spending', '存在违规支出', 'greaterThan', `${SPENDING_VETO}/operator`, '为是/否型，不能用 greaterThan（大于）比较'],
    ['in-not-a-list', 'condition-value-not-list', '支出规范性', 'spending', '公开情况', 'in', `${SPENDING_VETO}/any/1/value`, '的取值应为列表'],
    ['enum-greater-than-inclusive', 'condition-operator-type', '支出规范性', 'spending', '公开情况', 'greaterThanInclusive', `${SPENDING_VETO}/operator`, '为枚举型，不能用 greaterThanInclusive（大于等于）比较'],
    ['percent-equal-text', 'condition-value-type', '支出规范性', 'spending', '满意度', 'equal', `${SPENDING_VETO}/value`, '取值 "九成" 无法读作百分比'],
    ['percent-written-95', 'condition-percent-scale', '支出规范性', 'spending', '满意度', 'lessThan', `${SPENDING_VETO}/value`, '95% 填 0.95'],
    ['unknown-operator', 'condition-operator-unknown', '支出规范性', 'spending', '满意度', 'greaterThanFoo', `${SPENDING_VETO}/operator`, '没有“greaterThanFoo”这种比较'],
    ['undeclared-fact', 'condition-undeclared-fact', '预决算信息公开', 'publicity', '涉密单位', 'equal', '/indicators/0/children/2/rule/exempt/when/fact', '不是已声明的输入事实或计算指标'],
    ['boolean-string-value', 'condition-value-type', '预决算信息公开', 'publicity', '涉密部门', 'equal', '/indicators/0/children/2/rule/exempt/when/value', '填 true（是）或 false（否）'],
    ['money-units-differ', 'condition-facts-incomparable', '政府采购执行率', 'procurement', '采购计划金额', 'greaterThan', '/indicators/0/children/1/rule/zeroWhen/when/value/fact', '单位不同'],
  ])('%s: exit 1, [%s]', async (name, code, indicatorName, indicatorId, fact, operator, path, phrase) => {
    const r = await jixiao(['validate', file(name)]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    // the summary, then one error: its Chinese line and the English line beside it
    expect(lines[0]).toContain('无效：1 个错误（invalid scheme: 1 error）');
    expect(lines).toHaveLength(3);
    const [zh, en] = [lines[1]!, lines[2]!];
    expect(zh.startsWith(`错误 [${code}] 指标“${indicatorName}”的`)).toBe(true);
    // the indicator by its name, its id beside (user review)
    for (const part of [fact, operator, phrase, `（指标“${indicatorName}”（${indicatorId}），`, `位置 ${path}）`]) expect(zh).toContain(part);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).toMatch(/^ {4}indicator "/);
    expect(en).toContain(operator);
  });

  it('as a process, the way `pnpm jixiao validate` runs: exit status 1 and the sentence on stderr', () => {
    const r = jixiaoProcess(['validate', file('boolean-greater-than')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[condition-operator-type] 指标“支出规范性”的一票否决条件“存在违规支出 greaterThan 95”');
  });
});

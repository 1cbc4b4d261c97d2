/**
 * `checkCaseEdit` and `checkStatusChange` (security/case-rules.ts), called directly: what a save of a
 * whole case document may change for each role, and which status moves each role may make, as the
 * contract (`@jixiao/api` cases.ts) says.
 */
import { describe, expect, it } from 'vitest';
import { caseStatus, changedFields, checkCaseEdit, checkStatusChange, type CaseDoc } from '../src/security/case-rules.ts';
import type { Actor } from '../src/security/actor.ts';

const policy: Actor = { username: 'zhang', displayName: '张三', role: 'policy' };
const reviewer: Actor = { username: 'li', displayName: '李四', role: 'reviewer' };
const commerce: Actor = { username: 'commerce', displayName: '商务局', role: 'department', department: '深圳市商务局' };

const base: CaseDoc = {
  id: 'shenzhen-commerce',
  name: '深圳市商务局2024年度部门整体支出绩效自评',
  department: '深圳市商务局',
  year: 2024,
  scheme: { id: 'shenzhen-department', year: 2024 },
  facts: { 预算执行率: { value: '95%' } },
  reviewer: {},
};
const other: CaseDoc = { ...base, id: 'shenzhen-ccpit', department: '中国国际贸易促进委员会深圳市委员会' };
const withFacts = (doc: CaseDoc): CaseDoc => ({ ...doc, facts: { 预算执行率: { value: '98%' } } });

describe('checkCaseEdit', () => {
  it('lets a department change facts, name and notes of its own case while it is 填报中', () => {
    expect(checkCaseEdit(commerce, base, withFacts(base))).toEqual({ ok: true });
    expect(checkCaseEdit(commerce, base, { ...base, name: '新名称', notes: '说明' })).toEqual({ ok: true });
    // key order does not count as a change
    const reordered = Object.fromEntries(Object.entries(base).reverse());
    expect(checkCaseEdit(commerce, base, reordered)).toEqual({ ok: true });
  });

  it('refuses a department anything else, naming the fields', () => {
    const d = checkCaseEdit(commerce, base, { ...withFacts(base), reviewer: { a: { score: 2, reason: 'x' } }, scheme: { id: 'x', year: 2024 } });
    expect(d).toMatchObject({ ok: false, status: 403 });
    if (!d.ok) expect(d.issue.message).toBe('您的角色（部门填报）只能修改 facts、name、notes，不能修改 reviewer、scheme。');
    expect(checkCaseEdit(commerce, base, { ...base, status: 'submitted' })).toMatchObject({ ok: false, status: 403 });
    expect(checkCaseEdit(commerce, base, { ...base, department: '深圳市商务发展促进中心' })).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a department once the case is 已提交 or 已审核', () => {
    for (const status of ['submitted', 'reviewed'] as const) {
      const d = checkCaseEdit(commerce, { ...base, status }, withFacts({ ...base, status }));
      expect(d).toMatchObject({ ok: false, status: 403 });
      if (!d.ok) expect(d.issue.message).toBe(`案例${status === 'submitted' ? '已提交' : '已审核'}，部门填报不能再修改；如需修改，请评审退回至填报中。`);
    }
  });

  it("answers 404 for another department's case, whatever the body says", () => {
    const d = checkCaseEdit(commerce, other, { ...withFacts(other), department: '深圳市商务局' });
    expect(d).toMatchObject({ ok: false, status: 404 });
    if (!d.ok) expect(d.issue.message).toBe('没有找到案例 shenzhen-ccpit。');
  });

  it('lets a department create a case of its own department only, 填报中 and without reviewer entries', () => {
    expect(checkCaseEdit(commerce, null, base)).toEqual({ ok: true });
    expect(checkCaseEdit(commerce, null, other)).toMatchObject({ ok: false, status: 403 });
    expect(checkCaseEdit(commerce, null, { ...base, status: 'reviewed' })).toMatchObject({ ok: false, status: 403 });
    expect(checkCaseEdit(commerce, null, { ...base, reviewer: { a: { score: 2, reason: 'x' } } })).toMatchObject({ ok: false, status: 403 });
  });

  it('lets a reviewer change only reviewer entries, and create nothing', () => {
    expect(checkCaseEdit(reviewer, base, { ...base, reviewer: { a: { score: 2, reason: '佐证充分' } } })).toEqual({ ok: true });
    expect(checkCaseEdit(reviewer, base, withFacts(base))).toMatchObject({ ok: false, status: 403 });
    expect(checkCaseEdit(reviewer, null, base)).toMatchObject({ ok: false, status: 403 });
  });

  it('lets policy change everything', () => {
    expect(checkCaseEdit(policy, { ...base, status: 'reviewed' }, { ...other, status: 'filling' })).toEqual({ ok: true });
    expect(checkCaseEdit(policy, null, other)).toEqual({ ok: true });
  });
});

describe('checkStatusChange', () => {
  it('department: submits its own case (填报中 → 已提交) and nothing else', () => {
    expect(checkStatusChange(commerce, base, 'submitted')).toEqual({ ok: true });
    expect(checkStatusChange(commerce, { ...base, status: 'submitted' }, 'filling')).toMatchObject({ ok: false, status: 403 });
    expect(checkStatusChange(commerce, { ...base, status: 'submitted' }, 'reviewed')).toMatchObject({ ok: false, status: 403 });
    expect(checkStatusChange(commerce, other, 'submitted')).toMatchObject({ ok: false, status: 404 });
  });

  it('reviewer: 已提交 → 已审核, or returns 已提交 to 填报中; does not submit', () => {
    const submitted = { ...base, status: 'submitted' };
    expect(checkStatusChange(reviewer, submitted, 'reviewed')).toEqual({ ok: true });
    expect(checkStatusChange(reviewer, submitted, 'filling')).toEqual({ ok: true });
    const d = checkStatusChange(reviewer, base, 'submitted');
    expect(d).toMatchObject({ ok: false, status: 403 });
    if (!d.ok) expect(d.issue.message).toBe('您的角色（评审）不能把案例从填报中改为已提交。');
  });

  it('policy: any move', () => {
    expect(checkStatusChange(policy, { ...base, status: 'reviewed' }, 'filling')).toEqual({ ok: true });
  });
});

describe('helpers', () => {
  it('a case without a status is 填报中; changed fields are listed sorted', () => {
    expect(caseStatus(base)).toBe('filling');
    expect(caseStatus({ ...base, status: 'bogus' })).toBe('filling');
    expect(changedFields(base, { ...base, notes: 'x', facts: {} })).toEqual(['facts', 'notes']);
  });
});

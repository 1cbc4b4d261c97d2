/**
 * The departments the store's cases name (`caseDepartments`), the nearest of them to a name (`nearestNames`: names
 * holding every typed character in order first, then most characters shared, edit distance only breaking ties) and
 * the refusal of a department no case names (`unknownDepartment`), on SQLite and (when `JIXIAO_TEST_PG` is set)
 * PostgreSQL. Shared characters and distances are counted by hand in the comments.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../../test/bundled-schemes.ts';
import { caseDepartments, fillIfEmpty, nearestNames, unknownDepartment } from '../../src/index.ts';
import { containsInOrder, sharedCharacters } from '../../src/db/departments.ts';
import { BACKENDS, freshStoreEach } from './backends.ts';

/** The departments the bundled cases name (schemes/<方案族>/cases), as written there. */
const BUNDLED_DEPARTMENTS = ['示例单位', '深圳市商务局', '深圳市商务发展促进中心', '深圳市福田区投资推广署', '中国国际贸易促进委员会深圳市委员会'];

describe('containsInOrder and sharedCharacters', () => {
  it('finds the typed characters in order, skipping others; a character out of order or missing is not', () => {
    expect(containsInOrder('深圳商务局', '深圳市商务局')).toBe(true);
    expect(containsInOrder('', '深圳市商务局')).toBe(true);
    expect(containsInOrder('商务深圳', '深圳市商务局')).toBe(false); // 深圳 comes before 商务
    expect(containsInOrder('深圳商务局', '深圳市商务发展促进中心')).toBe(false); // no 局
  });

  it('counts each shared character as often as it occurs in both', () => {
    expect(sharedCharacters('深圳商务局', '深圳市商务发展促进中心')).toBe(4); // 深 圳 商 务
    expect(sharedCharacters('深圳商务局', '示例单位')).toBe(0);
    // 委员会 twice in the long name, once typed: 委 员 会 count once each
    expect(sharedCharacters('委员会', '中国国际贸易促进委员会深圳市委员会')).toBe(3);
    expect(sharedCharacters('委员会委', '中国国际贸易促进委员会深圳市委员会')).toBe(4);
  });
});

describe('nearestNames', () => {
  it('puts names holding the typed characters in order first, then most shared characters; edit distance breaks ties', () => {
    // from 商务局: 市商务局 holds 商务局 in order; 商务厅 and 商务发展中心 share 2 (商 务), 商务厅 nearer by
    // distance (1: 局 → 厅, against 4: 局 → 发, 展中心 added); 财政局 shares 1 (局)
    expect(nearestNames('商务局', ['商务发展中心', '财政局', '商务厅', '市商务局'])).toEqual(['市商务局', '商务厅', '商务发展中心']);
    expect(nearestNames('商务局', [])).toEqual([]);
  });

  it('ranks the bundled departments for 深圳商务局 as a user means it, 示例单位 (nothing shared) last', () => {
    // 深圳市商务局 holds 深圳商务局 in order; 深圳市商务发展促进中心 shares 4 (深圳商务); 深圳市福田区投资推广署 and
    // 中国国际贸易促进委员会深圳市委员会 share 2 (深圳), the first nearer by distance (11 characters against 17,
    // at least 6 and 12 insertions); 示例单位 shares none (plain edit distance, 5, had put it second)
    expect(nearestNames('深圳商务局', BUNDLED_DEPARTMENTS, 5)).toEqual([
      '深圳市商务局',
      '深圳市商务发展促进中心',
      '深圳市福田区投资推广署',
      '中国国际贸易促进委员会深圳市委员会',
      '示例单位',
    ]);
    // a misspelling: 深圳市商物局 shares 5 with 深圳市商务局 (all but 物) and 4 with 深圳市商务发展促进中心 (深圳市商)
    expect(nearestNames('深圳市商物局', BUNDLED_DEPARTMENTS, 2)).toEqual(['深圳市商务局', '深圳市商务发展促进中心']);
    // 贸促会 is held in order by 中国国际贸易促进委员会深圳市委员会 (贸…促…会) only
    expect(nearestNames('贸促会', BUNDLED_DEPARTMENTS)[0]).toBe('中国国际贸易促进委员会深圳市委员会');
  });
});

describe.each(BACKENDS)('the departments of the cases on $name', (backend) => {
  const t = freshStoreEach(backend);


  const put = (caseId: string, department?: unknown) =>
    t.store.create({ kind: 'case', family: 'shenzhen-project', year: 2020, caseId }, JSON.stringify({ id: caseId, name: caseId, ...(department === undefined ? {} : { department }), year: 2020, scheme: { id: 'shenzhen-project', year: 2020 }, facts: {} }));

  it('lists each department once, trimmed and sorted; a case without one (or with a blank or non-text one) adds none', async () => {
    await put('a', '深圳市商务局');
    await put('b', ' 深圳市商务局 ');
    await put('c', '深圳市商务发展促进中心');
    await put('d');
    await put('e', '  ');
    await put('f', 5);
    expect(await caseDepartments(t.store)).toEqual(['深圳市商务发展促进中心', '深圳市商务局'].sort());
  });

  it('refuses a department no case names, with the nearest known; accepts one a case names', async () => {
    await put('a', '深圳市商务局');
    expect(await unknownDepartment(t.store, ' 深圳市商务局')).toBeNull();
    const i = await unknownDepartment(t.store, '深圳市商务厅');
    expect(i).toMatchObject({ code: 'account-department-unknown', params: { department: '深圳市商务厅', nearest: ['深圳市商务局'] } });
    expect(i!.message).toContain('最接近的已知部门：深圳市商务局');
  });

  it('suggests, for 深圳商务局, the bundled cases\' departments the way a user means it', async () => {
    await fillIfEmpty(t.store, join(REPO_ROOT, 'schemes'));
    expect(await caseDepartments(t.store)).toEqual(expect.arrayContaining(BUNDLED_DEPARTMENTS));
    const i = await unknownDepartment(t.store, '深圳商务局');
    expect(i).toMatchObject({ code: 'account-department-unknown', params: { nearest: ['深圳市商务局', '深圳市商务发展促进中心', '深圳市福田区投资推广署'] } });
    expect(i!.message).toContain('最接近的已知部门：深圳市商务局、深圳市商务发展促进中心、深圳市福田区投资推广署');
  });
});

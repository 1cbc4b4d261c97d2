/**
 * The departments the store's cases name (`caseDepartments`), the nearest of them to a name (`nearestNames`, by
 * edit distance) and the refusal of a department no case names (`unknownDepartment`), on SQLite and (when
 * `JIXIAO_TEST_PG` is set) PostgreSQL. Distances are counted by hand in the comments.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseDepartments, nearestNames, openStore, unknownDepartment, type DocumentStore } from '../../src/index.ts';
import { BACKENDS, type TestDatabase } from './backends.ts';

describe('nearestNames', () => {
  it('orders by edit distance, then by name, and keeps at most three', () => {
    // from 商务局: 商务厅 1 (局 → 厅); 市商务局 1 (市 added); 商务发展中心 4 (局 → 发, 展中心 added); 财政局 2
    expect(nearestNames('商务局', ['商务发展中心', '财政局', '商务厅', '市商务局'])).toEqual(['商务厅', '市商务局', '财政局']);
    expect(nearestNames('商务局', [])).toEqual([]);
  });
});

describe.each(BACKENDS)('the departments of the cases on $name', (backend) => {
  let t: TestDatabase;
  let store: DocumentStore;

  beforeEach(async () => {
    t = await backend.fresh();
    store = await openStore(t.config);
  });
  afterEach(async () => {
    await store.close();
    await t.dispose();
  });

  const put = (caseId: string, department?: unknown) =>
    store.create({ kind: 'case', family: 'shenzhen-project', year: 2020, caseId }, JSON.stringify({ id: caseId, name: caseId, ...(department === undefined ? {} : { department }), year: 2020, scheme: { id: 'shenzhen-project', year: 2020 }, facts: {} }));

  it('lists each department once, trimmed and sorted; a case without one (or with a blank or non-text one) adds none', async () => {
    await put('a', '深圳市商务局');
    await put('b', ' 深圳市商务局 ');
    await put('c', '深圳市商务发展促进中心');
    await put('d');
    await put('e', '  ');
    await put('f', 5);
    expect(await caseDepartments(store)).toEqual(['深圳市商务发展促进中心', '深圳市商务局'].sort());
  });

  it('refuses a department no case names, with the nearest known; accepts one a case names', async () => {
    await put('a', '深圳市商务局');
    expect(await unknownDepartment(store, ' 深圳市商务局')).toBeNull();
    const i = await unknownDepartment(store, '深圳市商务厅');
    expect(i).toMatchObject({ code: 'account-department-unknown', params: { department: '深圳市商务厅', nearest: ['深圳市商务局'] } });
    expect(i!.message).toContain('最接近的已知部门：深圳市商务局');
  });
});

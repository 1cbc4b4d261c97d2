/**
 * Deleting a document (删除) as a tombstone, on SQLite and (when `JIXIAO_TEST_PG` is set) PostgreSQL:
 * the deletion is a saved state that keeps the text, reads and lists leave the document out, nothing
 * is lost — a restore (or a new create of the same name) brings it back and the history goes on — and
 * the store's checks (versions without gaps, texts matching their hashes) still hold.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportFiles, fillIfEmpty, StoreConflictError, StoreNotFoundError, type DocumentRef } from '../../src/index.ts';
import { BACKENDS, refusal, freshStoreEach } from './backends.ts';

const root = new URL('../../../../', import.meta.url);
const caseText = readFileSync(new URL('schemes/shenzhen-department/cases/2024/shenzhen-commerce.json', root), 'utf8');
const REF: DocumentRef = { kind: 'case', family: 'shenzhen-department', year: 2024, caseId: 'shenzhen-commerce' };
const who = (minute: number) => ({ author: '张三', now: new Date(Date.UTC(2025, 2, 1, 8, minute)) });

describe.each(BACKENDS)('deleting on $name', (backend) => {
  const t = freshStoreEach(backend);

  it('records a tombstone state, leaves the document out of reads and lists, and a restore brings it back', async () => {
    await t.store.create(REF, caseText, who(0));
    const edited = caseText.replace('"name": "深圳市商务局2024年度部门整体支出绩效自评"', '"name": "改过的名称"');
    await t.store.save(REF, edited, { basedOnVersion: 1, ...who(1) });

    // based on a stale version: refused, nothing deleted
    expect(await refusal(t.store.remove(REF, { basedOnVersion: 1, ...who(2) }))).toBeInstanceOf(StoreConflictError);
    const removed = await t.store.remove(REF, { basedOnVersion: 2, ...who(2) });
    expect(removed).toMatchObject({ kind: 'saved', version: 3, state: { seq: 3, action: 'delete', author: '张三' } });
    expect(removed.state.summary).toContain('删除案例 shenzhen-commerce');

    expect(await t.store.read(REF)).toBeNull();
    expect(await t.store.list({ kind: 'case' })).toEqual([]);
    const tomb = await t.store.read(REF, { includeDeleted: true });
    expect(tomb).toMatchObject({ version: 3, text: edited, deletedAt: '2025-03-01T08:02:00.000Z' });
    expect((await t.store.list({ kind: 'case', includeDeleted: true })).map((d) => d.ref)).toEqual([REF]);
    // the history is all there: create, save, delete
    expect((await t.store.history(REF)).map((s) => [s.seq, s.action])).toEqual([[1, 'create'], [2, 'save'], [3, 'delete']]);
    expect((await t.store.state(REF, 3))!.text).toBe(edited);

    // a deleted document is not saved over, nor deleted twice
    expect(await refusal(t.store.save(REF, caseText, { basedOnVersion: 3, ...who(3) }))).toBeInstanceOf(StoreNotFoundError);
    expect(await refusal(t.store.remove(REF, { basedOnVersion: 3, ...who(3) }))).toBeInstanceOf(StoreNotFoundError);

    // restoring the state before the deletion undoes it (even though the text is the tombstone's)
    const back = await t.store.restore(REF, 2, { basedOnVersion: 3, ...who(4) });
    expect(back).toMatchObject({ kind: 'saved', version: 4 });
    expect(await t.store.read(REF)).toMatchObject({ version: 4, text: edited, deletedAt: null });
    expect((await t.store.auditLog({ ref: REF })).map((a) => [a.action, a.outcome])).toContainEqual(['delete', 'ok']);
    expect((await t.store.check()).problems).toEqual([]);
  });

  it('a case deleted and created again continues its history; an export leaves a deleted case out; the store is not empty', async () => {
    await t.store.create(REF, caseText, who(0));
    await t.store.remove(REF, { basedOnVersion: 1, ...who(1) });
    const again = await t.store.create(REF, caseText, who(2));
    expect(again).toMatchObject({ version: 3, state: { action: 'create' } });
    expect((await t.store.history(REF)).map((s) => s.action)).toEqual(['create', 'delete', 'create']);
    expect((await t.store.read(REF))!.text).toBe(caseText);

    await t.store.remove(REF, { basedOnVersion: 3, ...who(3) });
    const out = mkdtempSync(join(tmpdir(), 'jixiao-delete-export-'));
    try {
      expect((await exportFiles(t.store, out)).written).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    // the first-start import does not refill a store whose only document is deleted
    expect(await fillIfEmpty(t.store, fileURLToPath(new URL('schemes/', root)))).toBeNull();
    expect((await t.store.check()).problems).toEqual([]);
  });
});

/**
 * The database t.store, the same suite on SQLite and (when `JIXIAO_TEST_PG` is set) PostgreSQL, on
 * drafts made from the real 2024 Shenzhen department scheme: texts kept exactly as sent, every
 * saved state with its summary, optimistic concurrency (one winner per version), restore without
 * loss and with deduplication, publication as a database fact, numbers and depth refused with the
 * field named, compact storage of many saves, and the audit log.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { contentHash, newYear, type Scheme } from '@jixiao/engine';
import { openStore, StoreConflictError, StoreInvalidError, StoreNotFoundError, StorePublishedError, type DocumentRef } from '../../src/index.ts';
import { openKysely } from '../../src/db/connect.ts';
import { BACKENDS, refusal, freshStoreEach } from './backends.ts';

const root = new URL('../../../../', import.meta.url);
const base2024Text = readFileSync(new URL('schemes/shenzhen-department/2024.json', root), 'utf8');
const base2024 = JSON.parse(base2024Text) as Scheme;

// any: tests edit rule internals of a parsed document
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function draft2025(): Any {
  const r = newYear(base2024, 2025);
  if (!r.ok) throw new Error('newYear failed');
  return r.doc;
}
const satisfaction = (d: Any) => d.indicators[2].children[3].children[1];
const text = (doc: unknown) => JSON.stringify(doc, null, 2) + '\n';
const at = (minute: number) => ({ author: '张三', now: new Date(Date.UTC(2025, 2, 1, 8, minute)) });

const REF: DocumentRef = { kind: 'scheme', family: 'shenzhen-department', year: 2025 };

describe.each(BACKENDS)('database store on $name', (backend) => {
  const t = freshStoreEach(backend);


  it('opens a new database from several connections at once: one set of tables, every store usable', async () => {
    const fresh = await backend.fresh();
    try {
      const stores = await Promise.all([1, 2, 3].map(() => openStore(fresh.config)));
      try {
        await stores[0]!.create(REF, text(draft2025()), at(0));
        for (const s of stores) expect((await s.read(REF))!.version).toBe(1);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    } finally {
      await fresh.dispose();
    }
  });

  describe('saving drafts with their history', () => {
    it('keeps the text exactly as sent, and records every state with time, author and summary', async () => {
      const d = draft2025();
      // an unusual but exact spelling: one-line JSON, "6.0" instead of 6
      const sent = JSON.stringify(d).replace('"totalPoints":100', '"totalPoints":100.0');
      const created = await t.store.create(REF, sent, at(0));
      expect(created).toMatchObject({ kind: 'saved', version: 1, created: true });
      expect((await t.store.read(REF))!.text).toBe(sent);

      satisfaction(d).rule.tiers[0].score = 5;
      const saved = await t.store.save(REF, text(d), { ...at(5), basedOnVersion: 1 });
      expect(saved).toMatchObject({ kind: 'saved', version: 2, created: false });

      const h = await t.store.history(REF);
      expect(h.map((e) => [e.seq, e.action, e.author, e.time, e.basedOn])).toEqual([
        [1, 'create', '张三', '2025-03-01T08:00:00.000Z', null],
        [2, 'save', '张三', '2025-03-01T08:05:00.000Z', 1],
      ]);
      expect(h[0]!.summary).toBe('以2024年方案为基础新建2025年草稿');
      expect(h[1]!.summary).toBe('1处变更：公众或服务对象满意度：第1档 ≥95% 得分 6分 → 5分');
      expect((await t.store.state(REF, 1))!.text).toBe(sent);
      expect((await t.store.state(REF, 2))!.text).toBe(text(d));
      const current = await t.store.read(REF);
      expect(current).toMatchObject({ version: 2, status: 'draft', contentHash: null });
      expect(current!.doc).toEqual(d);
    });

    it('refuses a save based on a stale version with a Chinese message (English beside); nothing is written', async () => {
      const d = draft2025();
      await t.store.create(REF, text(d), at(0));
      satisfaction(d).rule.tiers[0].score = 5;
      await t.store.save(REF, text(d), { ...at(1), basedOnVersion: 1 });
      satisfaction(d).rule.tiers[0].score = 4;
      const e = await refusal(t.store.save(REF, text(d), { ...at(2), basedOnVersion: 1 }));
      expect(e).toBeInstanceOf(StoreConflictError);
      const c = e as StoreConflictError;
      expect(c.httpStatus).toBe(409);
      expect(c.basedOnVersion).toBe(1);
      expect(c.currentVersion).toBe(2);
      expect(c.message).toBe('方案 shenzhen-department 2025年 在你编辑期间已被他人保存（你基于第 1 条记录，现已到第 2 条）；请重新载入后再保存，你的修改未被写入');
      expect(c.messageEn).toContain('based on history entry 1, now 2');
      expect(satisfaction((await t.store.read(REF))!.doc).rule.tiers[0].score).toBe(5);
      expect(await t.store.history(REF)).toHaveLength(2);
      // a version that never existed is a conflict too, said as such
      const ahead = await refusal(t.store.save(REF, text(d), { ...at(3), basedOnVersion: 9 }));
      expect(ahead).toBeInstanceOf(StoreConflictError);
      expect(ahead.message).toBe('方案 shenzhen-department 2025年 没有第 9 条记录（现有 2 条）；请基于最新一条记录修改');
    });

    it('refuses to create over an existing document, and to save a missing one', async () => {
      await t.store.create(REF, text(draft2025()), at(0));
      const e = await refusal(t.store.create(REF, text(draft2025()), at(1)));
      expect(e).toBeInstanceOf(StoreConflictError);
      expect(e.message).toBe('方案 shenzhen-department 2025年 已存在，不能新建');
      const missing: DocumentRef = { kind: 'scheme', family: 'shenzhen-department', year: 2030 };
      const nf = await refusal(t.store.save(missing, text(draft2025()), { ...at(2), basedOnVersion: 1 }));
      expect(nf).toBeInstanceOf(StoreNotFoundError);
      expect(nf.message).toBe('找不到方案 shenzhen-department 2030年');
      expect(await t.store.read(missing)).toBeNull();
    });

    it('lets exactly one of many simultaneous saves based on one version win', async () => {
      await t.store.create(REF, text(draft2025()), at(0));
      const writers = [1, 2, 3, 4, 5, 7].map((score) => { // 6 is the draft's own score
        const d = draft2025();
        satisfaction(d).rule.tiers[0].score = score;
        return t.store.save(REF, text(d), { ...at(1), author: `写者${score}`, basedOnVersion: 1 });
      });
      const outcomes = await Promise.allSettled(writers);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(5);
      for (const l of lost) expect(l.reason).toBeInstanceOf(StoreConflictError);
      expect((await t.store.history(REF)).map((s) => s.seq)).toEqual([1, 2]);
    });

    it('writes nothing for a save that changes nothing; keeps an invalid draft (work in progress)', async () => {
      const d = draft2025();
      await t.store.create(REF, text(d), at(0));
      expect(await t.store.save(REF, text(d), { ...at(1), basedOnVersion: 1 })).toMatchObject({ kind: 'unchanged', version: 1 });
      d.indicators[0].points = 25; // no longer adds up to 100: still saved, only publishing needs validity
      expect(await t.store.save(REF, text(d), { ...at(2), basedOnVersion: 1 })).toMatchObject({ kind: 'saved', version: 2 });
      expect((await t.store.history(REF)).map((e) => e.summary)).toEqual(['以2024年方案为基础新建2025年草稿', '1处变更：部门决策 20分 → 25分']);
    });

    it('saves cases too, summarised by their changed fields', async () => {
      const ref: DocumentRef = { kind: 'case', family: 'shenzhen-department', year: 2025, caseId: '示例-部门' };
      await t.store.create(ref, '{"name": "示例部门", "facts": {"a": 1}}\n', at(0));
      await t.store.save(ref, '{"name": "示例部门", "facts": {"a": 2}}\n', { ...at(1), basedOnVersion: 1 });
      // no scheme 2025 in the store: the fact is named by its id
      expect((await t.store.history(ref)).map((s) => s.summary)).toEqual(['新建案例“示例部门”', '修改了事实：a']);
      expect(await t.store.list({ kind: 'case' })).toMatchObject([{ ref, version: 2, status: 'draft' }]);
    });

    it("names a case's changed facts and reviewer entries by its scheme's labels, as a scheme's history lists its changes (user review)", async () => {
      await t.store.create(REF, text(draft2025()), at(0));
      const ref: DocumentRef = { kind: 'case', family: 'shenzhen-department', year: 2025, caseId: '示例-部门' };
      const doc = (facts: Record<string, unknown>, reviewer: Record<string, unknown>, name = '示例部门') =>
        text({ name, scheme: { id: 'shenzhen-department', year: 2025 }, facts, reviewer });
      await t.store.create(ref, doc({ 实际采购金额: 90, 已完成项目数: 5 }, {}), at(1));
      // 实际采购金额 changed, 部门预算总规模 added, 已完成项目数 unchanged; outcomes entered; the name changed
      await t.store.save(ref, doc({ 实际采购金额: 95, 已完成项目数: 5, 部门预算总规模: 1000 }, { outcomes: { score: 20, reason: '成效明显' } }, '示例部门（修订）'), { ...at(2), basedOnVersion: 1 });
      // an id the scheme does not have stays an id
      await t.store.save(ref, doc({ 实际采购金额: 95, 已完成项目数: 5, 部门预算总规模: 1000, 不存在: 1 }, { outcomes: { score: 20, reason: '成效明显' } }, '示例部门（修订）'), { ...at(3), basedOnVersion: 2 });
      expect((await t.store.history(ref)).map((s) => s.summary)).toEqual([
        '新建案例“示例部门”',
        '修改了案例名称；事实：实际采购金额合计数、本单位部门预算总规模；评审录入：社会效益、经济效益、生态效益等',
        '修改了事实：不存在',
      ]);
    });
  });

  describe('refused texts: nothing stored, the field named', () => {
    it('refuses 1e400, a 3,000-digit literal and a depth of thousands, keeping the stored draft', async () => {
      const d = draft2025();
      await t.store.create(REF, text(d), at(0));
      const good = text(d);
      const overflow = good.replace('"totalPoints": 100', '"totalPoints": 1e400');
      const e1 = await refusal(t.store.save(REF, overflow, { ...at(1), basedOnVersion: 1 }));
      expect(e1).toBeInstanceOf(StoreInvalidError);
      expect((e1 as StoreInvalidError).httpStatus).toBe(422);
      expect((e1 as StoreInvalidError).issues.map((i) => [i.code, i.path])).toEqual([['doc-number-overflow', '/totalPoints']]);
      expect(e1.message).toContain('字段 /totalPoints');

      const long = good.replace('"totalPoints": 100', `"totalPoints": ${'1'.repeat(3000)}`);
      expect((await refusal(t.store.save(REF, long, { ...at(2), basedOnVersion: 1 })) as StoreInvalidError).issues[0]!.code).toBe('doc-number-overflow');

      const deepText = good.replace('{\n', `{\n  "note": ${'['.repeat(3000)}${']'.repeat(3000)},\n`);
      const e3 = await refusal(t.store.save(REF, deepText, { ...at(3), basedOnVersion: 1 }));
      expect((e3 as StoreInvalidError).issues[0]!.code).toBe('doc-too-deep');

      expect((await t.store.read(REF))!.text).toBe(good);
      expect(await t.store.history(REF)).toHaveLength(1);
      const refusals = (await t.store.auditLog({ ref: REF })).filter((a) => a.outcome !== 'ok');
      expect(refusals.map((a) => a.outcome)).toEqual(['doc-too-deep', 'doc-number-overflow', 'doc-number-overflow']);
    });

    it('refuses to save a scheme marked published (publishing goes through publish)', async () => {
      const e = await refusal(t.store.create(REF, text({ ...draft2025(), status: 'published' }), at(0)));
      expect(e).toBeInstanceOf(StoreInvalidError);
      expect(e.message).toContain('不能是“已发布”状态');
      expect(await t.store.read(REF)).toBeNull();
    });
  });

  describe('restoring an earlier state: nothing lost, nothing stored twice', () => {
    it('brings a state back as a new state; the replaced state stays; the text is stored once', async () => {
      const d = draft2025();
      await t.store.create(REF, text(d), at(0));
      const original = text(d);
      satisfaction(d).rule.tiers[0].score = 5;
      await t.store.save(REF, text(d), { ...at(1), basedOnVersion: 1 });
      const edited = text(d);
      const before = await t.store.check();

      const r = await t.store.restore(REF, 1, { ...at(2), author: '李四', basedOnVersion: 2 });
      expect(r).toMatchObject({ kind: 'saved', version: 3 });
      expect((await t.store.read(REF))!.text).toBe(original);
      const h = await t.store.history(REF);
      expect(h.map((e) => [e.seq, e.action, e.author, e.restoredFrom])).toEqual([
        [1, 'create', '张三', null],
        [2, 'save', '张三', null],
        [3, 'restore', '李四', 1],
      ]);
      expect(h[2]!.summary).toBe('恢复到第 1 条记录（2025-03-01T08:00:00.000Z，张三）：1处变更：公众或服务对象满意度：第1档 ≥95% 得分 5分 → 6分');
      expect(h[2]!.sha256).toBe(h[0]!.sha256);
      expect((await t.store.check()).blobs).toBe(before.blobs); // the restored text was already stored
      const texts = await Promise.all(h.map(async (e) => (await t.store.state(REF, e.seq))!.text));
      expect(texts).toEqual([original, edited, original]);
    });

    it('refuses a state that does not exist', async () => {
      await t.store.create(REF, text(draft2025()), at(0));
      const e = await refusal(t.store.restore(REF, 7, { ...at(1), basedOnVersion: 1 }));
      expect(e).toBeInstanceOf(StoreNotFoundError);
      expect(e.message).toBe('方案 shenzhen-department 2025年 没有第 7 条历史记录');
    });
  });

  describe('publication is a database fact', () => {
    it('publishes a valid draft: only the stamps are added to its text; a record is kept; then it is frozen', async () => {
      const draftText = text(draft2025());
      await t.store.create(REF, draftText, at(0));
      const p = await t.store.publish(REF, { ...at(30), author: '王五', basedOnVersion: 1 });
      expect(p).toMatchObject({ kind: 'saved', version: 2 });
      const pub = (await t.store.read(REF))!;
      const doc = pub.doc as Any;
      expect(pub.status).toBe('published');
      expect(doc.status).toBe('published');
      expect(doc.publishedAt).toBe('2025-03-01T08:30:00.000Z');
      expect(doc.contentHash).toBe(contentHash(doc));
      expect(pub.contentHash).toBe(doc.contentHash);
      // every line of the draft is still there, in order; the stamps are the only lines added
      const added = pub.text.split('\n').filter((l) => !draftText.split('\n').includes(l));
      expect(added).toEqual(['  "status": "published",', '  "publishedAt": "2025-03-01T08:30:00.000Z",', `  "contentHash": "${doc.contentHash}",`]);
      expect(await t.store.publication(REF)).toEqual({ seq: 2, contentHash: doc.contentHash, publishedAt: '2025-03-01T08:30:00.000Z', publishedBy: '王五', source: 'publish' });

      const d = draft2025();
      satisfaction(d).rule.tiers[0].score = 5;
      const e = await refusal(t.store.save(REF, text(d), { ...at(31), basedOnVersion: 2 }));
      expect(e).toBeInstanceOf(StorePublishedError);
      expect(e.message).toBe('方案 shenzhen-department 2025年 已发布（2025-03-01T08:30:00.000Z），不可修改；如需调整，请以它为基础新建下一年度草稿');
      expect(await refusal(t.store.restore(REF, 1, { ...at(32), basedOnVersion: 2 }))).toBeInstanceOf(StorePublishedError);
      expect(await refusal(t.store.publish(REF, { ...at(33), basedOnVersion: 2 }))).toBeInstanceOf(StorePublishedError);
      expect((await t.store.read(REF))!.text).toBe(pub.text);
      expect(await t.store.history(REF)).toHaveLength(2);
      expect((await t.store.check()).problems).toEqual([]);
    });

    it('refuses, in the database itself, to flip a published document back to draft or rewrite its history', async () => {
      await t.store.create(REF, text(draft2025()), at(0));
      await t.store.publish(REF, { ...at(1), basedOnVersion: 1 });
      const { db } = openKysely(t.db.config);
      try {
        const attempts = [
          sql`UPDATE documents SET status = 'draft', content_hash = NULL, version = version + 1`,
          sql`DELETE FROM documents`,
          sql`UPDATE states SET summary = 'x'`,
          sql`DELETE FROM states`,
          sql`DELETE FROM publications`,
          sql`UPDATE audit_log SET actor = 'x'`,
          sql`UPDATE blobs SET size = 0`,
          sql`INSERT INTO states (document_id, seq, sha256, action, author, time, summary) SELECT document_id, 9, sha256, 'save', 'x', 'x', 'x' FROM states WHERE seq = 1`,
        ];
        for (const q of attempts) {
          const e = await refusal(q.execute(db));
          expect(e.message).toMatch(/^jixiao: /);
        }
      } finally {
        await db.destroy();
      }
      expect((await t.store.read(REF))!.status).toBe('published');
      expect(await t.store.history(REF)).toHaveLength(2);
    });

    it('refuses to publish an invalid draft, listing the errors; the draft stays a draft', async () => {
      const d = draft2025();
      d.indicators[0].points = 25;
      await t.store.create(REF, text(d), at(0));
      const e = await refusal(t.store.publish(REF, { ...at(1), basedOnVersion: 1 }));
      expect(e).toBeInstanceOf(StoreInvalidError);
      const issues = (e as StoreInvalidError).issues;
      expect(issues[0]!.code).toBe('publish-invalid');
      expect(issues.length).toBeGreaterThan(1);
      expect((await t.store.read(REF))!.status).toBe('draft');
      expect(await t.store.publication(REF)).toBeNull();
    });

    it('publishes only the version it was asked to (a stale version is a conflict)', async () => {
      const d = draft2025();
      await t.store.create(REF, text(d), at(0));
      satisfaction(d).rule.tiers[0].score = 5;
      await t.store.save(REF, text(d), { ...at(1), basedOnVersion: 1 });
      expect(await refusal(t.store.publish(REF, { ...at(2), basedOnVersion: 1 }))).toBeInstanceOf(StoreConflictError);
      expect((await t.store.read(REF))!.status).toBe('draft');
    });
  });

  describe('importing documents from files', () => {
    it('imports a published scheme as published (its hash checked), a second time as unchanged', async () => {
      const ref: DocumentRef = { kind: 'scheme', family: 'shenzhen-department', year: 2024 };
      expect(await t.store.importDocument(ref, base2024Text, at(0))).toEqual({ outcome: 'created', version: 1, status: 'published' });
      expect(await t.store.importDocument(ref, base2024Text, at(1))).toEqual({ outcome: 'unchanged', version: 1, status: 'published' });
      expect((await t.store.read(ref))!.text).toBe(base2024Text);
      expect(await t.store.publication(ref)).toMatchObject({ seq: 1, contentHash: (base2024 as Any).contentHash, publishedAt: (base2024 as Any).publishedAt, source: 'import' });
      const changed = base2024Text.replace('"totalPoints": 100', '"totalPoints": 99');
      expect(await refusal(t.store.importDocument(ref, changed, at(2)))).toBeInstanceOf(StorePublishedError);
    });

    it('a case file named otherwise keeps its id; no import or save changes a stored case\'s id', async () => {
      // the bundled project cases: file 04-party-hr-training.json, id shenzhen-project-2020-04-party-hr-training
      const caseText = readFileSync(new URL('schemes/shenzhen-project/cases/2020/04-party-hr-training.json', root), 'utf8');
      const ref: DocumentRef = { kind: 'case', family: 'shenzhen-project', year: 2020, caseId: '04-party-hr-training' };
      expect(await t.store.importDocument(ref, caseText, at(0))).toEqual({ outcome: 'created', version: 1, status: 'draft' });
      expect(JSON.parse((await t.store.read(ref))!.text).id).toBe('shenzhen-project-2020-04-party-hr-training');
      const renamed = caseText.replace('"id": "shenzhen-project-2020-04-party-hr-training"', '"id": "party-hr-training"');
      expect(renamed).not.toBe(caseText);
      for (const write of [() => t.store.importDocument(ref, renamed, at(1)), () => t.store.save(ref, renamed, { ...at(1), basedOnVersion: 1 })]) {
        const e = await refusal(write());
        expect(e).toBeInstanceOf(StoreInvalidError);
        expect((e as StoreInvalidError).issues.map((i) => [i.code, i.path])).toEqual([['doc-case-id-changed', '/id']]);
        expect((e as StoreInvalidError).message).toBe('案例的标识不能更改：已保存的案例标识为 "shenzhen-project-2020-04-party-hr-training"，新内容为 "party-hr-training"。请保留原标识。');
      }
      // a change keeping the id is saved: seed 001 表 4 全年执行数 148,620.00 corrected to 150,000.00
      const changed = caseText.replace('"value": "148620.00"', '"value": "150000.00"');
      expect((await t.store.save(ref, changed, { ...at(2), basedOnVersion: 1 })).kind).toBe('saved');
      expect((await t.store.read(ref))!.text).toBe(changed);
    });

    it('refuses a published file changed after its publication', async () => {
      const ref: DocumentRef = { kind: 'scheme', family: 'shenzhen-department', year: 2024 };
      const tampered = base2024Text.replace('"totalPoints": 100', '"totalPoints": 99');
      const e = await refusal(t.store.importDocument(ref, tampered, at(0)));
      expect((e as StoreInvalidError).issues.map((i) => i.code)).toEqual(['published-modified']);
      expect(await t.store.read(ref)).toBeNull();
    });
  });

  describe('compact history and the audit log', () => {
    it('stores 40 saves of a 64 KB draft in less room than 3 whole compressed copies, each state rebuilt exactly', async () => {
      const d = draft2025();
      await t.store.create(REF, text(d), at(0));
      const sent = [text(d)];
      for (let i = 1; i <= 40; i++) {
        satisfaction(d).rule.tiers[0].score = i % 2 === 0 ? 5 : 4;
        d.title = `深圳市市级部门整体支出绩效评价指标体系（修订 ${i}）`;
        sent.push(text(d));
        await t.store.save(REF, text(d), { ...at(i), basedOnVersion: i });
      }
      const { db } = openKysely(t.db.config);
      try {
        const rows = await db.selectFrom('blobs').select(['body', 'encoding']).execute();
        const stored = rows.reduce((n, r) => n + r.body.length, 0);
        const whole = deflateSync(Buffer.from(sent[0]!, 'utf8')).length;
        expect(rows.length).toBe(41);
        expect(stored).toBeLessThan(3 * whole);
      } finally {
        await db.destroy();
      }
      for (const seq of [1, 17, 18, 34, 35, 41]) expect((await t.store.state(REF, seq))!.text).toBe(sent[seq - 1]);
      expect((await t.store.check()).problems).toEqual([]);
    });

    it('logs every write: who, when, what, from which version — refusals too', async () => {
      const d = draft2025();
      await t.store.create(REF, text(d), at(0));
      satisfaction(d).rule.tiers[0].score = 5;
      await t.store.save(REF, text(d), { ...at(1), author: '李四', basedOnVersion: 1 });
      await refusal(t.store.save(REF, text(draft2025()), { ...at(2), author: '王五', basedOnVersion: 1 }));
      const log = await t.store.auditLog({ ref: REF });
      expect(log.map((a) => [a.actor, a.time, a.action, a.outcome, a.fromVersion, a.toVersion])).toEqual([
        ['王五', '2025-03-01T08:02:00.000Z', 'save', 'store-conflict', 1, null],
        ['李四', '2025-03-01T08:01:00.000Z', 'save', 'ok', 1, 2],
        ['张三', '2025-03-01T08:00:00.000Z', 'create', 'ok', null, 1],
      ]);
      expect(log[1]!.detail).toBe('1处变更：公众或服务对象满意度：第1档 ≥95% 得分 6分 → 5分');
    });
  });
});

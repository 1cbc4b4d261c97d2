/**
 * The format version of scheme and case documents (format/version.ts): a document without `formatVersion` is
 * format 1 and is read as it is; a newer or an invalid version is refused with one message at /formatVersion;
 * the migration machinery (exercised with test-only migrations through `createUpgrader`, the product's list
 * being empty) applies the steps from the document's version up to the current one, in order.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CASE_MIGRATIONS,
  FORMAT_VERSION,
  SCHEME_MIGRATIONS,
  contentHash,
  createUpgrader,
  upgradeCase,
  upgradeNotice,
  upgradeScheme,
  validateCase,
  withFormatVersion,
  validateScheme,
  type Migration,
} from '../src/index.ts';

const bundled = (path: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../../schemes/${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('the product format', () => {
  it('is format 1, with no migration registered yet', () => {
    expect(FORMAT_VERSION).toBe(1);
    expect(SCHEME_MIGRATIONS).toEqual([]);
    expect(CASE_MIGRATIONS).toEqual([]);
  });

  it('reads a document without formatVersion, or with formatVersion 1, as it is (the very object, nothing noted)', () => {
    const scheme = bundled('shenzhen-department/2024.json');
    expect('formatVersion' in scheme).toBe(false);
    const r = upgradeScheme(scheme);
    expect(r).toEqual({ ok: true, doc: scheme, from: 1, to: 1, changed: false, applied: [] });
    expect(r.ok && r.doc).toBe(scheme);
    expect(upgradeNotice(r, 'scheme')).toBeUndefined();
    const kase = { ...bundled('shenzhen-department/cases/2024/shenzhen-commerce.json'), formatVersion: 1 };
    const c = upgradeCase(kase);
    expect(c.ok && c.doc).toBe(kase);
    expect(validateCase(kase).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('admits formatVersion 1 in the schema of both documents', () => {
    const scheme = { ...bundled('shenzhen-department/2024.json'), formatVersion: 1 };
    expect(validateScheme(scheme).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('does not count formatVersion as content: a published scheme keeps its hash when the field is written', () => {
    const published = bundled('shenzhen-department/2024.json');
    expect(published['status']).toBe('published');
    expect(contentHash({ ...published, formatVersion: 1 })).toBe(published['contentHash']);
    expect(validateScheme({ ...published, formatVersion: 1 }).map((i) => i.code)).not.toContain('published-modified');
  });

  it('refuses a document of a newer format version with one message naming the field, its path and what to do', () => {
    const doc = { ...bundled('shenzhen-department/2024.json'), formatVersion: 2, aFieldOfFormat2: true };
    const r = upgradeScheme(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    const [i] = r.issues;
    expect(i).toMatchObject({ code: 'format-version-newer', severity: 'error', path: '/formatVersion', params: { kind: 'scheme', version: 2, current: 1 } });
    expect(i!.message).toBe('此评价方案文档由较新版本的 jixiao 写成（格式版本 formatVersion 为 2），当前程序只能读取格式版本 1，请升级 jixiao');
    expect(i!.messageEn).toMatch(/newer jixiao.*formatVersion 2.*upgrade jixiao/);
    // validation says the same, alone: not the schema's complaint about aFieldOfFormat2
    expect(validateScheme(doc)).toEqual(r.issues);
    const c = upgradeCase({ ...bundled('shenzhen-department/cases/2024/shenzhen-commerce.json'), formatVersion: 7 });
    expect(!c.ok && c.issues.map((x) => [x.code, x.path, x.message])).toEqual([
      ['format-version-newer', '/formatVersion', '此案例文档由较新版本的 jixiao 写成（格式版本 formatVersion 为 7），当前程序只能读取格式版本 1，请升级 jixiao'],
    ]);
  });

  it.each([[0], [-1], [1.5], ['1'], [null], [true], [[1]]])('refuses formatVersion %j (not a positive integer) with one message', (value) => {
    const doc = { ...bundled('shenzhen-department/cases/2024/shenzhen-commerce.json'), formatVersion: value };
    const r = upgradeCase(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([['format-version-invalid', '/formatVersion']]);
    expect(r.issues[0]!.message).toContain(`文档中写的是 ${JSON.stringify(value)}`);
    expect(r.issues[0]!.message).toContain('formatVersion 应为正整数');
    expect(validateCase(doc)).toEqual(r.issues);
  });

  it('stamps a document the product creates with the current version, after $schema', () => {
    expect(Object.entries(withFormatVersion({ $schema: 's', id: 'a', formatVersion: 0 }))).toEqual([['$schema', 's'], ['formatVersion', 1], ['id', 'a']]);
    expect(Object.keys(withFormatVersion({ id: 'a', name: 'b' }))).toEqual(['formatVersion', 'id', 'name']);
  });

  it('leaves what is not a JSON object to validation', () => {
    expect(upgradeScheme(null)).toMatchObject({ ok: true, doc: null, changed: false });
    expect(upgradeCase([1])).toMatchObject({ ok: true, doc: [1], changed: false });
  });
});

describe('the migration machinery, with test-only migrations', () => {
  /** Test-only, format 1 → 2: `notes` became `remarks` (a rename, to see the step applied). */
  const renameNotes: Migration = {
    from: 1,
    change: { zh: '备注 notes 改名为 remarks', en: 'notes renamed remarks' },
    migrate: ({ notes, ...rest }) => (notes === undefined ? rest : { ...rest, remarks: notes }),
  };
  /** Test-only, format 2 → 3: `remarks` became a list (order matters: it reads what 1 → 2 wrote). */
  const remarksList: Migration = {
    from: 2,
    change: { zh: '备注改为列表', en: 'remarks became a list' },
    migrate: (doc) => (typeof doc['remarks'] === 'string' ? { ...doc, remarks: [doc['remarks']] } : { ...doc }),
  };
  // registered out of order on purpose: the upgrade applies them by version
  const upgrader = createUpgrader({ current: 3, scheme: [], case: [remarksList, renameNotes] });

  it('applies the migrations from the document version to the current one, in order, without touching the input', () => {
    const old = { id: 'c', notes: '见报告' };
    const r = upgrader.upgradeCase(old);
    expect(r).toEqual({
      ok: true,
      doc: { id: 'c', remarks: ['见报告'], formatVersion: 3 },
      from: 1,
      to: 3,
      changed: true,
      applied: [
        { from: 1, to: 2, change: renameNotes.change },
        { from: 2, to: 3, change: remarksList.change },
      ],
    });
    expect(old).toEqual({ id: 'c', notes: '见报告' });
  });

  it('starts from the version the document declares', () => {
    const r = upgrader.upgradeCase({ id: 'c', remarks: '见报告', formatVersion: 2 });
    expect(r.ok && r.doc).toEqual({ id: 'c', remarks: ['见报告'], formatVersion: 3 });
    expect(r.ok && r.applied.map((a) => a.from)).toEqual([2]);
    const current = { id: 'c', remarks: ['x'], formatVersion: 3 };
    expect(upgrader.upgradeCase(current)).toMatchObject({ ok: true, doc: current, changed: false, applied: [] });
  });

  it('raises the version of a kind of document no migration touches', () => {
    const r = upgrader.upgradeScheme({ id: 's', notes: 'kept' });
    expect(r).toEqual({ ok: true, doc: { id: 's', notes: 'kept', formatVersion: 3 }, from: 1, to: 3, changed: true, applied: [] });
  });

  it('notes what it did: 已按格式版本 N 读取', () => {
    const r = upgrader.upgradeCase({ id: 'c', notes: 'x' });
    const n = upgradeNotice(r, 'case')!;
    expect(n).toMatchObject({ code: 'format-upgraded', severity: 'warning', path: '/formatVersion' });
    expect(n.message).toBe('已按格式版本 1 读取此案例文档，并转换为当前格式版本 3：备注 notes 改名为 remarks；备注改为列表；保存后即为格式版本 3');
    expect(n.messageEn).toBe('read this case as format version 1 and converted it to the current format version 3: notes renamed remarks; remarks became a list; saved, it is format version 3');
  });

  it('refuses a version above its own with the versions it reads', () => {
    const r = upgrader.upgradeScheme({ formatVersion: 4 });
    expect(!r.ok && r.issues[0]!.message).toBe('此评价方案文档由较新版本的 jixiao 写成（格式版本 formatVersion 为 4），当前程序只能读取格式版本 1–3，请升级 jixiao');
  });

  it('refuses a list of migrations that does not fit the version', () => {
    expect(() => createUpgrader({ current: 2, scheme: [renameNotes, renameNotes], case: [] })).toThrow(/two scheme migrations from format version 1/);
    expect(() => createUpgrader({ current: 2, scheme: [], case: [remarksList] })).toThrow(/case migration from format version 2/);
    expect(() => createUpgrader({ current: 0, scheme: [], case: [] })).toThrow(/not a positive integer/);
  });
});

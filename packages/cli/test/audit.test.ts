/** `jixiao audit`: every case below a folder, each with its own scheme, computed against reported. */
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALPHA, copyFixtures, FIXTURES, jixiao, readJson, ROOT, writeJson } from './run.ts';

interface AuditJson {
  case: string;
  scheme: string | null;
  computed: { total: string; grade: string } | null;
  reported: { total: string | null } | null;
  differences: { indicator: string; name: string; reported: string; computed: string; reason: string }[];
  reproduced: number;
  unverified: number;
  differing: number;
  error?: { file: string; path: string; message: string }[];
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

describe('audit --format json', () => {
  it('the fixture cases: the documented shape, every number by hand', async () => {
    const r = await jixiao(['audit', '--cases', FIXTURES, '--format', 'json']);
    expect(r.code).toBe(0);
    const all = JSON.parse(r.out) as AuditJson[];
    expect(all).toHaveLength(2); // the scheme file in the folder is skipped
    const alpha = all.find((a) => a.case.endsWith('alpha.json'))!;
    expect(alpha.scheme).toBe('mini-dept');
    expect(alpha.computed).toEqual({ total: '16.23', grade: '良' }); // 4 + 3.73 + 5 + 3.5
    expect(alpha.reported!.total).toBe('16.5');
    const proc = alpha.differences.find((d) => d.indicator === 'procurement')!;
    expect(proc).toMatchObject({ name: '政府采购执行率', reported: '4', computed: '3.73' });
    expect(proc.reason).toContain('报告按执行率100%计分');
    expect(alpha.differences.find((d) => d.indicator === 'total')).toMatchObject({ reported: '16.5', computed: '16.23' });
    // satisfaction and completion reproduced; procurement differs; effect is the reviewer's judgement
    expect(alpha).toMatchObject({ reproduced: 2, unverified: 0, differing: 1 });

    const beta = all.find((a) => a.case.endsWith('beta.json'))!;
    expect(beta.computed).toEqual({ total: '16', grade: '良' }); // 6 + 0 + 6 + 4
    expect(beta.differences).toEqual([]);
    expect(beta).toMatchObject({ reproduced: 3, differing: 0 });
  });

  it('the real project cases: one object per case file, scores as decimal strings', async () => {
    const dir = 'schemes/shenzhen-project/cases';
    const files = readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    const r = await jixiao(['audit', '--cases', dir, '--format', 'json']);
    const all = JSON.parse(r.out) as AuditJson[];
    expect(all).toHaveLength(files.length);
    for (const a of all) {
      expect(a.case.startsWith(dir)).toBe(true);
      if (a.error) continue;
      expect(a.scheme).toBe('shenzhen-project');
      expect(a.computed!.total).toMatch(DECIMAL);
      expect(typeof a.computed!.grade).toBe('string');
      for (const k of ['reproduced', 'unverified', 'differing'] as const) expect(Number.isInteger(a[k])).toBe(true);
      for (const d of a.differences) {
        expect(Object.keys(d)).toEqual(expect.arrayContaining(['indicator', 'name', 'reported', 'computed', 'reason']));
        expect(d.reported).toMatch(DECIMAL);
        expect(d.computed).toMatch(DECIMAL);
      }
    }
  });

  it('finds a scheme by scanning schemes/*/<year>.json when the case sits elsewhere', async () => {
    const dir = copyFixtures();
    renameSync(join(dir, 'schemes/mini-dept'), join(dir, 'schemes/renamed-family'));
    mkdirSync(join(dir, 'inbox'));
    writeJson(join(dir, 'inbox/alpha.json'), readJson(ALPHA));
    const r = await jixiao(['audit', '--cases', 'inbox', '--format', 'json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [alpha] = JSON.parse(r.out) as AuditJson[];
    expect(alpha!.computed!.total).toBe('16.23');
  });

  it('bad cases are reported with file and message and skipped; exit 1', async () => {
    const dir = copyFixtures();
    const cases = join(dir, 'schemes/mini-dept/cases/2024');
    const missing = readJson<{ facts: Record<string, unknown> }>(ALPHA);
    delete missing.facts['满意度'];
    writeJson(join(cases, 'missing.json'), missing);
    writeFileSync(join(cases, 'broken.json'), '{ "id": "x", ');
    writeJson(join(cases, 'unknown-scheme.json'), { ...readJson<object>(ALPHA), scheme: { id: 'nowhere', year: 2024 } });
    const r = await jixiao(['audit', '--cases', 'schemes', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const all = JSON.parse(r.out) as AuditJson[];
    expect(all).toHaveLength(5);
    const byName = (n: string) => all.find((a) => a.case.endsWith(n))!;
    expect(byName('alpha.json').computed!.total).toBe('16.23');
    expect(byName('missing.json').error![0]!.message).toContain('满意度');
    expect(byName('broken.json').error![0]!.message).toContain('不是有效的 JSON');
    expect(byName('unknown-scheme.json').error![0]!.message).toContain('找不到案例所用的方案 nowhere');
    expect(r.err).toContain('missing.json');
  });
});

describe('audit --format table', () => {
  it('one line per case, the differences under it', async () => {
    const r = await jixiao(['audit', '--cases', FIXTURES]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/│ schemes\/mini-dept\/cases\/2024\/alpha\.json\s+│ 甲单位\s+│ mini-dept\s+│\s+16\.23 │\s+16\.50 │ 良/);
    expect(r.out).toMatch(/beta\.json\s+│ 乙单位\s+│ mini-dept\s+│\s+16\.00 │\s+16\.00 │ 良/);
    expect(r.out).toContain('procurement「政府采购执行率」报告 4.00，计算 3.73');
    expect(r.out).toContain('共 2 个案例');
  });
});

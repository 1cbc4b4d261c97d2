/** `jixiao validate`: OK on the real schemes; every broken copy gets its clear message and exit 1. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, MINI_SCHEME, readJson, ROOT, tempDir, writeJson } from './run.ts';

interface Node {
  id: string;
  points: number;
  rule?: { kind: string; tiers?: unknown[] };
  children?: Node[];
}
type Scheme = { indicators: Node[] };

function leaf(s: Scheme, id: string): Node {
  const find = (ns: Node[]): Node | undefined => ns.map((n) => (n.id === id ? n : n.children && find(n.children))).find(Boolean);
  return find(s.indicators)!;
}

/** A broken copy of the fixture scheme, written to a temp file. */
function broken(edit: (s: Scheme) => void): string {
  const s = readJson<Scheme>(MINI_SCHEME);
  edit(s);
  const file = join(tempDir(), 'broken.json');
  writeJson(file, s);
  return file;
}

describe('validate', () => {
  const real = readdirSync(join(ROOT, 'schemes')).flatMap((fam) =>
    readdirSync(join(ROOT, 'schemes', fam))
      .filter((f) => /^\d{4}\.json$/.test(f))
      .map((f) => `schemes/${fam}/${f}`),
  );

  it('finds the real schemes', () => {
    expect(real).toContain('schemes/shenzhen-project/2020.json');
    expect(real.length).toBeGreaterThanOrEqual(3);
  });

  it.each(real)('%s is valid: "OK 方案有效", exit 0', async (file) => {
    const r = await jixiao(['validate', file]);
    expect(r.err).not.toMatch(/错误/);
    expect(r.out).toMatch(/^OK 方案有效/);
    expect(r.code).toBe(0);
  });

  it('the fixture scheme is valid', async () => {
    const r = await jixiao(['validate', MINI_SCHEME]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('OK 方案有效');
  });

  it('points that do not add up: names the indicator, Chinese with English, exit 1', async () => {
    // 满意度 6 → 7: 预算管理's children give 7 + 4 = 11, not its 10
    const r = await jixiao(['validate', broken((s) => (leaf(s, 'satisfaction').points = 7))]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('[points-mismatch]');
    // the indicator by its name, its id beside (user review: "（指标 budgeting …）" named only the id)
    expect(r.err).toContain('错误 [points-mismatch] 指标“预算管理”分值 10 分，下级指标分值合计 11 分，两者不符（指标“预算管理”（budgeting），位置 /indicators/0/children/0/points）');
    expect(r.err).toMatch(/错误 \[points-mismatch\] .*[\u4e00-\u9fff]/);
    expect(r.err).toMatch(/\n {4}\S.*[a-z]{3,}/); // the English line beside
  });

  it('a tier gap: says which interval is uncovered, exit 1', async () => {
    // drop 80% ≤ x < 90%: nothing covers [0.8, 0.9)
    const r = await jixiao(['validate', broken((s) => leaf(s, 'satisfaction').rule!.tiers!.splice(2, 1))]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[tier-gap]');
    expect(r.err).toContain('satisfaction');
    expect(r.err).toMatch(/80%|0\.8/);
  });

  it('an unknown rule kind: lists the kinds there are, exit 1', async () => {
    const r = await jixiao(['validate', broken((s) => (leaf(s, 'effect').rule!.kind = 'guess'))]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[unknown-rule-kind]');
    expect(r.err).toContain('guess');
    expect(r.err).toContain('tiers');
    expect(r.err).toContain('/indicators/1/children/0/children/1/rule/kind');
  });

  it('points written as words: one line in finance words with the English beside, the indicator and the JSON path, exit 1', async () => {
    const r = await jixiao(['validate', broken((s) => ((leaf(s, 'satisfaction') as unknown as { points: string }).points = '六分'))]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      '错误 [schema-points] 分值应为数字（以“分”计），如 6、4.5，也可写成 "4.5"；不能写成文字或带单位，现为 "六分"（指标“满意度”（satisfaction），位置 /indicators/0/children/0/children/0/points）',
    );
    expect(r.err).toContain('    /indicators/0/children/0/children/0/points must be a number of points such as 6 or 4.5');
    expect(r.err).not.toMatch(/应当|pattern|\^\[/);
  });

  it('malformed JSON: file, line and column in Chinese, no stack trace, exit 1', async () => {
    const file = join(tempDir(), 'bad.json');
    // line 3 ends without a comma before the next property
    writeFileSync(file, '{\n  "id": "x",\n  "year": 2024\n  "title": "t"\n}\n');
    const r = await jixiao(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.json');
    expect(r.err).toContain('不是有效的 JSON');
    expect(r.err).toContain('第 4 行第 3 列');
    expect(r.err).toContain('line 4, column 3');
    expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('a member name written twice (JSON.parse would keep the last): its JSON path, line and column, exit 1', async () => {
    const file = join(tempDir(), 'dup.json');
    // "points" twice in the first indicator: the second at line 4, column 44 (4 spaces, then 39 characters before it)
    writeFileSync(file, '{\n  "id": "x",\n  "indicators": [\n    { "id": "a", "points": 5, "name": "A", "points": 6 }\n  ]\n}\n');
    const r = await jixiao(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('dup.json');
    expect(r.err).toContain('属性名“points”重复出现');
    expect(r.err).toContain('JSON 路径 /indicators/0/points');
    expect(r.err).toContain('第 4 行第 44 列');
    expect(r.err).toContain('duplicate member name "points" at /indicators/0/points (line 4, column 44)');
    expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('JSON that is not a scheme at all: exit 1 with the schema messages', async () => {
    const file = join(tempDir(), 'array.json');
    writeFileSync(file, '[1, 2]');
    const r = await jixiao(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/错误/);
  });

  it('a case file given as a scheme is named as one (exit 1), and so is a scheme given as the facts of score', async () => {
    const kase = 'schemes/shenzhen-department/cases/2021/shenzhen-ccpit.json';
    const v = await jixiao(['validate', kase]);
    expect(v.code).toBe(1);
    expect(v.err).toContain('是案例文件（含 facts），不是方案文件');
    expect(v.err).toContain('not-a-scheme');
    const swapped = await jixiao(['score', '--scheme', kase, '--facts', 'schemes/shenzhen-department/2021.json']);
    expect(swapped.code).toBe(1);
    expect(swapped.err).toContain('不是方案文件');
    const facts = await jixiao(['score', '--scheme', 'schemes/shenzhen-department/2021.json', '--facts', 'schemes/shenzhen-department/2021.json']);
    expect(facts.code).toBe(1);
    expect(facts.err).toContain('是方案文件（含 indicators），不是案例文件');
  });

  it('a missing file is a usage error (exit 2)', async () => {
    const r = await jixiao(['validate', 'no/such/scheme.json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('找不到');
  });
});

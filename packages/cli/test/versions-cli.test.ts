/**
 * The version commands as a user runs them (subprocesses), on a temp copy of the Shenzhen family
 * (never the committed schemes/): diff of the two real years, new-year, simulate over the real
 * department cases, publish, history, restore, and the refusals around a published file — in the file
 * mode (`--files`: the scheme files and their `.history/` folders; the database store, the default, is
 * tested in store-versions.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jixiao as inProcess, ROOT, type Run } from './run.ts';
import { copyBundledSchemes } from '../../../test/bundled-schemes.ts';

const AUTHOR = '政策处测试';
// each subprocess starts tsx afresh (seconds on a busy machine)
vi.setConfig({ testTimeout: 120_000 });

/**
 * `jixiao <args>` as a subprocess in `cwd` (through the package's bin, which finds tsx itself), author
 * fixed by JIXIAO_AUTHOR. The main path (diff, new-year, simulate, publish, history) runs this way;
 * the refusals around it run in-process (`main` with captured output), which is quicker.
 */
function jixiao(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/jixiao.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, JIXIAO_AUTHOR: AUTHOR },
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

// any: the test edits rule internals of a parsed document
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Any;
const write = (p: string, d: unknown) => writeFileSync(p, JSON.stringify(d, null, 2) + '\n');

const FAMILY = 'schemes/shenzhen-department';
let dir: string;
const committed2024 = readFileSync(join(ROOT, FAMILY, '2024.json'), 'utf8');
// a user may have made a 2025 draft with the editor; the tests must leave it as it was
const had2025 = existsSync(join(ROOT, FAMILY, '2025.json'));

const savedAuthor = process.env['JIXIAO_AUTHOR'];
beforeAll(() => {
  process.env['JIXIAO_AUTHOR'] = AUTHOR;
  dir = mkdtempSync(join(tmpdir(), 'jixiao-versions-'));
  copyBundledSchemes(join(dir, 'schemes'), FAMILY.replace(/^schemes\//, ''));
});
afterAll(() => {
  if (savedAuthor === undefined) delete process.env['JIXIAO_AUTHOR'];
  else process.env['JIXIAO_AUTHOR'] = savedAuthor;
  rmSync(dir, { recursive: true, force: true });
  // the committed schemes/ were never touched
  expect(readFileSync(join(ROOT, FAMILY, '2024.json'), 'utf8')).toBe(committed2024);
  expect(existsSync(join(ROOT, FAMILY, '2025.json'))).toBe(had2025);
});

describe('jixiao diff', () => {
  it('lists the real differences between the 2021 and 2024 Shenzhen schemes', async () => {
    const r = jixiao(['diff', `${FAMILY}/2021.json`, `${FAMILY}/2024.json`], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('财务合规性：评分标准文字变更：…执行会计核算制度〔删去“得1分”〕，未按规定设专账…');
    expect(r.out).toContain('公众或服务对象满意度：评分标准文字变更：…群体或个人，一般“采用”→“采取”社会调查的方式。…');
    const j = await inProcess(['diff', `${FAMILY}/2021.json`, `${FAMILY}/2024.json`, '--format', 'json'], dir);
    expect(j.code).toBe(0);
    const doc = JSON.parse(j.out) as { from: { year: number }; to: { year: number }; changes: { kind: string; indicator?: string }[] };
    expect([doc.from.year, doc.to.year]).toEqual([2021, 2024]);
    expect(doc.changes.filter((c) => c.kind === 'criterion-changed').map((c) => c.indicator)).toEqual(['financial-compliance', 'satisfaction']);
  });

  it('refuses a missing file (2) and a document that is not a scheme (1)', async () => {
    expect((await inProcess(['diff', `${FAMILY}/2021.json`, 'nope.json'], dir)).code).toBe(2);
    const r = await inProcess(['diff', `${FAMILY}/2021.json`, `${FAMILY}/cases/2021/shenzhen-ccpit.json`], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('不符合方案格式');
  });
});

describe('from 2024 to a published 2025 on the command line', () => {
  const draft = () => join(dir, FAMILY, '2025.json');

  it('new-year creates the 2025 draft beside 2024, and never overwrites it', async () => {
    const r = jixiao(['new-year', '--from', `${FAMILY}/2024.json`, '--year', '2025', '--files'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已以2024年方案为基础新建2025年草稿：${FAMILY}/2025.json`);
    const d = read(draft());
    expect([d.year, d.status, d.version, d.basedOn.id, d.basedOn.year]).toEqual([2025, 'draft', '1', 'shenzhen-department', 2024]);
    expect(d.basedOn.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(readdirSync(join(dir, FAMILY, '.history', '2025'))).toEqual(['000001.json']);

    const again = await inProcess(['new-year', '--from', `${FAMILY}/2024.json`, '--year', '2025', '--files'], dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已存在，不覆盖');
    expect((await inProcess(['new-year', '--from', `${FAMILY}/2024.json`, '--year', '25', '--files'], dir)).code).toBe(2);
    const other = await inProcess(['new-year', '--from', `${FAMILY}/2024.json`, '--year', '2026', '--out', 'elsewhere/draft-2026.json', '--files'], dir);
    expect(other.code).toBe(0);
    expect(read(join(dir, 'elsewhere/draft-2026.json')).year).toBe(2026);
  });

  it('diff and simulate show what an edit of the draft does to the real departments', async () => {
    // the policy edit: 满意度 第1档 6分 → 5分
    const d = read(draft());
    d.indicators[2].children[3].children[1].rule.tiers[0].score = 5;
    write(draft(), d);

    const diff = await inProcess(['diff', `${FAMILY}/2024.json`, `${FAMILY}/2025.json`], dir);
    expect(diff.out).toContain('1. 公众或服务对象满意度：第1档 ≥95% 得分 6分 → 5分');

    const sim = jixiao(['simulate', '--draft', `${FAMILY}/2025.json`, '--baseline', `${FAMILY}/2024.json`, '--cases', `${FAMILY}/cases`, '--format', 'json'], dir);
    expect(sim.code).toBe(0);
    const r = JSON.parse(sim.out) as Any;
    expect(r.note).toContain('不论案例本身标注的方案年度');
    // 市贸促委 (满意度 100%, 第1档) loses 1; 市商务局 (满意度 recorded by the reviewer as 2分) does not move
    expect(r.cases.map((c: Any) => [c.id.split('/').pop(), c.change])).toEqual([
      ['shenzhen-ccpit.json', '-1'],
      ['shenzhen-commerce.json', '0'],
    ]);
    expect(r.indicators.find((i: Any) => i.id === 'satisfaction').averageChange).toBe('-0.5');
    expect(r.distribution.chart.categories).toEqual(['<60', '60–70', '70–80', '80–90', '90–100']);

    const table = await inProcess(['simulate', '--draft', `${FAMILY}/2025.json`, '--baseline', `${FAMILY}/2024.json`, '--cases', `${FAMILY}/cases`], dir);
    expect(table.code).toBe(0);
    expect(table.out).toContain('模拟说明：每个案例均按基准方案（2024年）与草稿（2025年）分别计分');
    // every score at the scheme's 2 places, changes one way (engine display): averages 4 and 3.5 over the
    // two cases, the change −1 ÷ 2 = −0.5; a case that did not move says 无变化
    expect(table.out).toMatch(/satisfaction\s*│\s*公众或服务对象满意度\s*│ 6 → 6\s*│\s*4\.00 │\s*3\.50 │\s*-0\.50 │/);
    expect(table.out).toContain('公众或服务对象满意度 6.00 → 5.00（-1.00）');
    expect(table.out).toMatch(/shenzhen-commerce\.json.*│\s*无变化 │/);
    expect(table.out).toMatch(/平均总分 \d+\.\d\d → \d+\.\d\d（-0\.50）/);
    expect(table.out).toContain('上升 0，下降 1，不变 1');

    // 第1档 6分 → 5.75分: the averages do not end at 2 places. 满意度 (6 + 2) ÷ 2 = 4 → (5.75 + 2) ÷ 2 = 3.875,
    // shown 3.88; the mean total 93.87 → 93.87 − 0.25 ÷ 2 = 93.745, shown 93.75. The shown change is the
    // difference of the shown means (3.88 − 4.00 = −0.12, 93.75 − 93.87 = −0.12), never marked 未取整.
    d.indicators[2].children[3].children[1].rule.tiers[0].score = 5.75;
    write(draft(), d);
    const quarter = await inProcess(['simulate', '--draft', `${FAMILY}/2025.json`, '--baseline', `${FAMILY}/2024.json`, '--cases', `${FAMILY}/cases`], dir);
    expect(quarter.code).toBe(0);
    expect(quarter.out).toMatch(/satisfaction\s*│\s*公众或服务对象满意度\s*│ 6 → 6\s*│\s*4\.00 │\s*3\.88 │\s*-0\.12 │/);
    expect(quarter.out).toContain('平均总分 93.87 → 93.75（-0.12）');
    expect(quarter.out).not.toContain('未取整');
    d.indicators[2].children[3].children[1].rule.tiers[0].score = 5;
    write(draft(), d);
  });

  it('publish freezes the draft; every later write is refused; history keeps every state', async () => {
    // the 6 → 5 edit left the stored 评分标准 saying 6分: not published until the user accepts the warning
    const unconfirmed = jixiao(['publish', `${FAMILY}/2025.json`, '--files'], dir);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.err).toContain('criterion-stale');
    // and its best tier now scores 5 of its 6 分: no case can reach full marks (points-unreachable)
    expect(unconfirmed.err).toContain('指标“公众或服务对象满意度”按规则最高只能得5分，低于分值6分');
    expect(unconfirmed.err).toContain('未发布：方案有 2 条警告，发布后不可再修改。请先处理；确认随这些警告发布，请加 --accept-warnings');
    expect(read(draft()).status).toBe('draft');
    const p = jixiao(['publish', `${FAMILY}/2025.json`, '--files', '--accept-warnings'], dir);
    expect(p.code).toBe(0);
    expect(p.out).toContain('已发布');
    // the 6 → 5 edit left the stored 评分标准 saying 6分: published, and said so
    expect(p.err).toContain('criterion-stale');
    expect(p.err).toContain('随方案一并发布');
    const pub = read(draft());
    expect(pub.status).toBe('published');
    expect(pub.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const text = readFileSync(draft(), 'utf8');

    const again = await inProcess(['publish', `${FAMILY}/2025.json`, '--files'], dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已发布');
    const restore = await inProcess(['restore', `${FAMILY}/2025.json`, '1', '--files'], dir);
    expect(restore.code).toBe(1);
    expect(restore.err).toContain('不可修改');
    expect(readFileSync(draft(), 'utf8')).toBe(text);

    const h = jixiao(['history', `${FAMILY}/2025.json`, '--format', 'json', '--files'], dir);
    expect(h.code).toBe(0);
    const entries = (JSON.parse(h.out) as Any).entries as Any[];
    // created by new-year; the hand edit kept before publishing; published
    expect(entries.map((e) => [e.seq, e.action, e.author])).toEqual([
      [1, 'create', '政策处测试'],
      [2, 'external', '（本工具之外）'],
      [3, 'publish', '政策处测试'],
    ]);
    expect(entries[1].summary).toContain('公众或服务对象满意度：第1档 ≥95% 得分 6分 → 5分');
    const table = await inProcess(['history', `${FAMILY}/2025.json`, '--files'], dir);
    expect(table.out).toContain('当前状态 已发布，共 3 条记录');
  });

  it('a published file changed by hand is detected and reported in Chinese', async () => {
    const d = read(draft());
    d.indicators[2].children[3].children[1].rule.tiers[0].score = 4;
    write(draft(), d);
    const h = await inProcess(['history', `${FAMILY}/2025.json`, '--files'], dir);
    expect(h.err).toContain('[published-modified] 已发布方案的内容与发布时记录的摘要不一致：文件在发布后被修改过');
    const diff = await inProcess(['diff', `${FAMILY}/2024.json`, `${FAMILY}/2025.json`], dir);
    expect(diff.err).toContain('published-modified');
  });
});

describe('history and restore of a draft; publishing an invalid draft', () => {
  it('restore brings an earlier state back and records it; an invalid draft cannot be published', async () => {
    const file = join(dir, FAMILY, '2030.json');
    expect((await inProcess(['new-year', '--from', `${FAMILY}/2024.json`, '--year', '2030', '--files'], dir)).code).toBe(0);
    const original = readFileSync(file, 'utf8');
    const d = read(file);
    d.indicators[0].points = 25; // 部门决策 no longer adds up
    write(file, d);

    const p = await inProcess(['publish', `${FAMILY}/2030.json`, '--files'], dir);
    expect(p.code).toBe(1);
    expect(p.err).toContain('方案无效，不能发布');
    expect(read(file).status).toBe('draft');

    const r = jixiao(['restore', `${FAMILY}/2030.json`, '1', '--files'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
    const entries = (JSON.parse((await inProcess(['history', `${FAMILY}/2030.json`, '--format', 'json', '--files'], dir)).out) as Any).entries as Any[];
    expect(entries.map((e) => e.action)).toEqual(['create', 'external', 'restore']);
    expect(entries[2].restoredFrom).toBe(1);
    expect(entries[2].summary).toContain('部门决策 25分 → 20分');
    expect((await inProcess(['restore', `${FAMILY}/2030.json`, '9', '--files'], dir)).code).toBe(2);
    expect((await inProcess(['restore', `${FAMILY}/2030.json`, 'x', '--files'], dir)).code).toBe(2);
  });
});

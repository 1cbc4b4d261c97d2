/**
 * The steps from the indicators' sum to the total (`sheet.adjustments`, issue 10) as `score`, `audit` and `batch`
 * print them: a hand-made 100-point scheme with 总分封顶 on 预算执行率 ("执行率为70%至80%的，绩效自评不超过89分；
 * 执行率为60%至70%的，绩效自评不超过79分；执行率低于60%的…不超过69分；执行率低于50%的…不超过59分") and 不适用 → 百分制
 * ("不考核该指标，用适用指标得分汇总后按百分制对该项目折算计分"). Every figure below is hand arithmetic.
 *
 * Scheme (test/fixtures/capped-scheme.ts): 资金执行率 10 = 预算执行率 × 10; 产出 60 = 产出完成率 × 60; 政府采购 30,
 * a reviewer's judgement, 不适用 when there is no 政府采购预算.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPPED_SCHEME, cappedCase } from '../../../test/fixtures/capped-scheme.ts';
import { jixiao, tempDir, writeJson } from './run.ts';

const SCHEME = CAPPED_SCHEME;
const kase = cappedCase;

/** A temp folder with schemes/capped/2024.json and its cases; returns the paths. */
function setup() {
  const dir = tempDir();
  const schemeDir = join(dir, 'schemes/capped');
  mkdirSync(join(schemeDir, 'cases/2024'), { recursive: true });
  writeJson(join(schemeDir, '2024.json'), SCHEME);
  // 甲: 75% × 10 = 7.5; 100% × 60 = 60; 采购 28 → 95.5; 75% lies in 70%–80% → 不超过89分: 95.5 − 6.5 = 89
  writeJson(join(schemeDir, 'cases/2024/a-capped.json'), kase('a', '甲单位', { 预算执行率: 0.75, 产出完成率: 1, 有政府采购预算: true }, 28, 95.5));
  // 乙: 7.5 + 92.5% × 60 = 55.5 → 63 of the 70 applicable points (采购 30 不适用): 63 ÷ 70 × 100 = 90; then 90 > 89 → 89
  writeJson(join(schemeDir, 'cases/2024/b-renormalised.json'), kase('b', '乙单位', { 预算执行率: 0.75, 产出完成率: 0.925, 有政府采购预算: false }, null, 90));
  // 丙: 95% × 10 = 9.5; 60; 28 → 97.5; 95% is in no band: no step, nothing printed
  writeJson(join(schemeDir, 'cases/2024/c-plain.json'), kase('c', '丙单位', { 预算执行率: 0.95, 产出完成率: 1, 有政府采购预算: true }, 28, 97.5));
  return { dir, scheme: join(schemeDir, '2024.json'), cases: schemeDir, a: join(schemeDir, 'cases/2024/a-capped.json'), b: join(schemeDir, 'cases/2024/b-renormalised.json'), c: join(schemeDir, 'cases/2024/c-plain.json') };
}

describe('score prints 总分封顶 and 不适用折算 before the total', () => {
  const f = setup();

  it('甲: 95.50 capped at 89.00 (75% in 70%–80%), with the reason', async () => {
    const r = await jixiao(['score', '--scheme', f.scheme, '--facts', f.a]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const at = lines.indexOf('总分调整（adjustments to the total）：');
    expect(at).toBeGreaterThan(0);
    // before 95.5, after 89, change −6.5, at the scheme's 2 places
    expect(lines[at + 1]).toMatch(/^ {2}- 总分封顶（total capped）：95\.50 → 89\.00（-6\.50）；预算执行率 75%，落在第1档：总分不超过89分；.*6\.5分予以减分 → 89分$/);
    expect(r.out).toContain('总分：89.00 / 100\u3000等级：良');
    // the steps come before the total they explain
    expect(r.out.indexOf('总分调整')).toBeLessThan(r.out.indexOf('总分：89.00'));
  });

  it('乙: 63 of 70 applicable points → 90.00, then capped at 89.00; Markdown lists both steps', async () => {
    const r = await jixiao(['score', '--scheme', f.scheme, '--facts', f.b, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('- 不适用折算（not-applicable indicators renormalised）：63.00 → 90.00（+27.00）；不适用指标分值 30分不考核：适用指标得分 63 ÷ 适用指标分值 70 × 100 = 90分');
    expect(r.out).toContain('- 总分封顶（total capped）：90.00 → 89.00（-1.00）');
    expect(r.out).toContain('总分：89.00 / 100');
  });

  it('JSON carries the steps as decimal strings; a case in no band has none and prints none', async () => {
    const a = JSON.parse((await jixiao(['score', '--scheme', f.scheme, '--facts', f.a, '--format', 'json'])).out) as { total: string; adjustments: { kind: string; before: string; after: string }[] };
    expect(a.total).toBe('89');
    expect(a.adjustments.map(({ kind, before, after }) => ({ kind, before, after }))).toEqual([{ kind: 'cap', before: '95.5', after: '89' }]);
    const c = await jixiao(['score', '--scheme', f.scheme, '--facts', f.c]);
    expect(c.out).toContain('总分：97.50 / 100');
    expect(c.out).not.toContain('总分调整');
  });
});

describe('audit and batch show the steps where they show a total', () => {
  const f = setup();

  it('audit: each case\'s steps under its line; JSON has them beside the computed total', async () => {
    const r = await jixiao(['audit', '--cases', f.cases, '--wide'], f.dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/a-capped\.json（甲单位）总分调整（adjustments to the total）：\n {2}- 总分封顶（total capped）：95\.50 → 89\.00（-6\.50）；/);
    expect(r.out).toMatch(/b-renormalised\.json（乙单位）总分调整（adjustments to the total）：\n {2}- 不适用折算（not-applicable indicators renormalised）：63\.00 → 90\.00（\+27\.00）；.*\n {2}- 总分封顶（total capped）：90\.00 → 89\.00（-1\.00）；/);
    expect(r.out).not.toMatch(/c-plain\.json（丙单位）总分调整/);
    const json = JSON.parse((await jixiao(['audit', '--cases', f.cases, '--format', 'json'], f.dir)).out) as { case: string; computed: { total: string }; adjustments?: { kind: string; after: string }[] }[];
    const byCase = (end: string) => json.find((x) => x.case.endsWith(end))!;
    expect(byCase('a-capped.json').computed.total).toBe('89');
    expect(byCase('a-capped.json').adjustments!.map((x) => [x.kind, x.after])).toEqual([['cap', '89']]);
    expect(byCase('b-renormalised.json').adjustments!.map((x) => [x.kind, x.after])).toEqual([['renormalise', '90'], ['cap', '89']]);
    expect(byCase('c-plain.json').adjustments).toBeUndefined();
  });

  it('batch: the terminal, Markdown and CSV list the steps; JSON rows carry them', async () => {
    const md = join(f.dir, 'out.md');
    const r = await jixiao(['batch', '--cases', f.cases, '--out', md, '--wide'], f.dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('总分调整（adjustments to the total）：');
    expect(r.out).toMatch(/a-capped\.json（甲单位）总分封顶（total capped）：95\.50 → 89\.00（-6\.50）；/);
    const mdText = readFileSync(md, 'utf8');
    expect(mdText).toContain('## 总分调整');
    expect(mdText).toMatch(/\| .*b-renormalised\.json \| 乙单位 \| 不适用折算（not-applicable indicators renormalised） \| 63\.00 \| 90\.00 \| /);
    const csv = join(f.dir, 'out.csv');
    await jixiao(['batch', '--cases', f.cases, '--out', csv], f.dir);
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    const head = lines.indexOf('案例文件,名称,调整,调整前,调整后,说明');
    expect(head).toBeGreaterThan(0);
    expect(lines.slice(head + 1, head + 4).map((l) => l.split(',').slice(2, 5).join(','))).toEqual([
      '总分封顶（total capped）,95.50,89.00',
      '不适用折算（not-applicable indicators renormalised）,63.00,90.00',
      '总分封顶（total capped）,90.00,89.00',
    ]);
    const jsonOut = join(f.dir, 'out.json');
    await jixiao(['batch', '--cases', f.cases, '--out', jsonOut], f.dir);
    const rep = JSON.parse(readFileSync(jsonOut, 'utf8')) as { rows: { name: string; computedTotal: string; adjustments?: unknown[] }[] };
    expect(rep.rows.map((x) => [x.name, x.computedTotal, x.adjustments?.length ?? 0])).toEqual([
      ['甲单位', '89', 1],
      ['乙单位', '89', 2],
      ['丙单位', '97.5', 0],
    ]);
  });
});

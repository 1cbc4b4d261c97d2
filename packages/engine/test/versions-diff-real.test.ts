/**
 * The first real test of the diff: the Shenzhen 部门整体支出绩效评价 scheme as printed in 2021 (seed 000,
 * 市贸促委 report) and in 2024 (seed 002, 市商务局 report). Reading the two seed tables side by side:
 * every 分值 and every rule is the same; the wording differs in two places —
 * - 财务合规性, point 3: 2021 "3. 会计核算规范性（1 分）。规范执行会计核算制度得 1 分，未按规定设专账核算…"
 *   (seed 000 line 382), 2024 "3. 会计核算规范性(1分)。规范执行会计核算制度,未按规定设专账核算…"
 *   (seed 002 line 352, its columns interleaved): "得1分" is gone;
 * - 公众或服务对象满意度: 2021 "一般采用社会调查的方式" (seed 000 line 403), 2024 "一般采取社会调查的方式"
 *   (seed 002 line 374).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSchemes, type Scheme } from '../src/index.ts';

const root = new URL('../../../', import.meta.url);
const load = (p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8')) as Scheme;
const seed = (f: string) => readFileSync(new URL(`../shared/seeds/${f}`, root), 'utf8');

describe('diff of the real Shenzhen years 2021 → 2024', () => {
  const y2021 = load('schemes/shenzhen-department/2021.json');
  const y2024 = load('schemes/shenzhen-department/2024.json');
  const changes = diffSchemes(y2021, y2024);

  it('the two seeds do differ in those words (read from the seed texts themselves)', () => {
    let s000: string;
    let s002: string;
    try {
      s000 = seed('000_c7b21dea082263fb.txt');
      s002 = seed('002_961cd0dde4896934.txt');
    } catch {
      // the seeds live outside the repository (../shared/seeds); without them the scheme files are the record
      return expect(y2021.source).toContain('000_c7b21dea082263fb');
    }
    // compare without the extraction's spaces, full-width and half-width punctuation alike
    const norm = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');
    const [a, b] = [norm(s000), norm(s002)];
    expect(a).toContain('规范执行会计核算制度得1分,未按规定设专账核算');
    expect(b).not.toContain('会计核算制度得1分');
    // seed 002's columns are interleaved here: "规范执行会计核算制项目支出的情况;是否存在截度,未按规定设专账核算"
    expect(b).toContain('度,未按规定设专账核算');
    expect(a).toContain('一般采用社会调查的方式');
    expect(b).toContain('一般采取社会调查的方式');
  });

  it('reports the removal of “得1分” in 会计核算规范性 (财务合规性 criterion and the part’s guidance)', () => {
    const crit = changes.find((c) => c.kind === 'criterion-changed' && c.indicator === 'financial-compliance');
    expect(crit?.message).toBe('财务合规性：评分标准文字变更：…执行会计核算制度〔删去“得1分”〕，未按规定设专账…');
    expect(crit?.pathAfter).toBe('/indicators/1/children/0/children/1/criterion');
    const guidance = changes.find((c) => c.kind === 'judgement-guidance-changed');
    expect(guidance?.message).toBe('财务合规性·会计核算规范性：酌情评分指引文字变更：…执行会计核算制度〔删去“得1分”〕，未按规定设专账…');
    expect(guidance?.before).toBe('规范执行会计核算制度得1分，未按规定设专账核算、支出凭证不符合规定或其他核算不规范，酌情扣分。');
    expect(guidance?.after).toBe('规范执行会计核算制度，未按规定设专账核算、支出凭证不符合规定或其他核算不规范，酌情扣分。');
  });

  it('reports 采用 → 采取 in 公众或服务对象满意度', () => {
    const crit = changes.find((c) => c.kind === 'criterion-changed' && c.indicator === 'satisfaction');
    expect(crit?.message).toBe('公众或服务对象满意度：评分标准文字变更：…群体或个人，一般“采用”→“采取”社会调查的方式。…');
  });

  it('finds no change of points, rules, tiers, inputs or grades: the two tables agree on every 分值 and rule', () => {
    const textual = ['criterion-changed', 'description-changed', 'judgement-guidance-changed', 'render-changed'];
    expect(changes.filter((c) => !textual.includes(c.kind))).toEqual([]);
    // the satisfaction rendering hint changed with the criterion: said once, by the criterion change
    expect(changes.filter((c) => c.indicator === 'satisfaction').map((c) => c.kind)).toEqual(['criterion-changed']);
  });
});

/** `jixiao explain`: the trace of one score in readable Chinese, with the arithmetic written out. */
import { describe, expect, it } from 'vitest';
import type { Trace } from '@jixiao/engine';
import { traceLines } from '../src/commands/explain.ts';
import { ALPHA, jixiao, MINI_SCHEME } from './run.ts';

const explain = (indicator: string, facts = ALPHA, scheme = MINI_SCHEME) => jixiao(['explain', '--scheme', scheme, '--facts', facts, '--indicator', indicator]);

describe('explain', () => {
  it('a ratio: inputs with their displays, the metric and the arithmetic with rounding', async () => {
    const r = await explain('procurement');
    expect(r.code).toBe(0);
    expect(r.out).toContain('指标 procurement「政府采购执行率」');
    expect(r.out).toContain('决策 › 预算管理 › 政府采购执行率');
    expect(r.out).toContain('比率×分值（ratio）');
    expect(r.out).toContain('实际采购金额 = 93.14万元');
    expect(r.out).toContain('采购计划金额 = 100.00万元');
    // 93.14 ÷ 100 = 93.14%; × 4分 = 3.7256 → 3.73
    expect(r.out).toMatch(/计算过程：[\s\S]*93\.14%[\s\S]*3\.7256[\s\S]*3\.73/);
    expect(r.out).toContain('得分：3.73分');
  });

  it('tiers: the branch taken and the official criterion', async () => {
    const r = await explain('satisfaction');
    expect(r.code).toBe(0);
    expect(r.out).toContain('参考评分标准（原文）：1. 满意度≥95%的，得6分');
    expect(r.out).toContain('计分分支：');
    expect(r.out).toContain('满意度 = 93.14%');
    expect(r.out).toContain('得分：4.00分');
  });

  it('a judgement: the reviewer reason', async () => {
    const r = await explain('effect');
    expect(r.out).toContain('评审理由：两项目标未完全实现，扣0.5分');
    expect(r.out).toContain('得分：3.50分');
  });

  it('an inner indicator: its children and subtotal', async () => {
    const r = await explain('budgeting');
    expect(r.out).toContain('小计：4.00 + 3.73 = 7.73分');
  });

  it('a project funds score (seed 001, project 07): 执行率 rounded to 0.86, × 10分', async () => {
    const r = await explain('funds', 'schemes/shenzhen-project/cases/2020/07-admin-support.json', 'schemes/shenzhen-project/2020.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('6,783,627.10');
    expect(r.out).toContain('7,908,900.00');
    expect(r.out).toMatch(/0\.86/);
    expect(r.out).toContain('得分：8.60分');
  });

  it('a project indicator row list: each row with target, actual and outcome', async () => {
    const r = await explain('performance', 'schemes/shenzhen-project/cases/2020/07-admin-support.json', 'schemes/shenzhen-project/2020.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('指标行：');
    expect(r.out).toMatch(/目标.*实际/);
  });

  it('an unknown indicator: exit 1, lists the ids there are', async () => {
    const r = await explain('nope');
    expect(r.code).toBe(1);
    expect(r.err).toContain('没有指标 nope');
    expect(r.err).toContain('procurement');
    // each available indicator as id（名称）, so a user who knows only the Chinese name finds its id
    expect(r.err).toContain('procurement（政府采购执行率）');
    expect(r.err).toContain('satisfaction（满意度）');
  });

  it('accepts the indicator\'s Chinese name, exact or a unique part of it, as well as its id', async () => {
    const byId = await explain('procurement');
    expect(byId.code).toBe(0);
    for (const name of ['政府采购执行率', '采购执行']) {
      const r = await explain(name);
      expect(r.err, name).toBe(byId.err);
      expect(r.code, name).toBe(0);
      expect(r.out, name).toBe(byId.out);
    }
  });

  it('a part of several names is refused, naming those indicators', async () => {
    // 执行率 is only in 政府采购执行率; 率 is in 政府采购执行率 and 项目完成率
    const r = await explain('率');
    expect(r.code).toBe(1);
    expect(r.err).toContain('[ambiguous-indicator]');
    expect(r.err).toContain('procurement（政府采购执行率）、completion（项目完成率）');
  });
});

describe('explain: an indicator row judged within a band', () => {
  it('计入 shows the score the row counts, 7.9999 in the band 6–8分（不含8分）, not 8.00 marked 未取整', () => {
    // a 10-point qualitative row, band 部分达成 (60%（含）–80%): 6 ≤ score < 8; the reviewer gave 7.9999
    const trace: Trace = {
      kind: 'targets',
      branch: '年度绩效指标逐行计分',
      inputs: [],
      arithmetic: [],
      score: '7.9999',
      rows: [
        { id: 'r1', level1: '效益指标', level2: '社会效益指标', level3: '服务质量', target: '持续提升', actual: '有所提升', points: '10', ruleScore: null, selfScore: '8', score: '7.9999', outcome: 'qualitative', explanation: '评审选择“部分达成年度指标并具有一定效果”档，给分 7.9999分', warnings: [] },
      ],
    };
    const text = traceLines(trace, 2).join('\n');
    expect(text).toContain('计入 7.9999（未取整）分');
    expect(text).not.toContain('8.00');
  });
});

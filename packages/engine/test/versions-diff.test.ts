/**
 * The scheme diff, one mutation of the real 2024 Shenzhen scheme (seed 002) at a time: each change
 * kind with the Chinese sentence a policy person reads. The expected sentences are written by hand
 * from the seed's own wording (满意度≥95%的，得6分 …), not copied from the program's output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS, diffSchemes, summarizeChanges, type ChangeKind, type Indicator, type Scheme, type SchemeChange } from '../src/index.ts';
import { typedScheme } from './fixtures/typed-scheme.ts';

const root = new URL('../../../', import.meta.url);
const load = (p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8')) as Scheme;
const base = load('schemes/shenzhen-department/2024.json');

function find(list: Indicator[], id: string): Indicator {
  for (const n of list) {
    if (n.id === id) return n;
    if (n.children) {
      const hit = find(n.children, id);
      if (hit.id === id) return hit;
    }
  }
  return { id: '', name: '', points: 0 };
}

// any: tests poke at rule internals of a parsed document; the shapes are the seed's
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** Diff of the 2024 scheme against a mutated copy. */
function changes(mutate: (d: Scheme, ind: (id: string) => Any) => void, from: Scheme = base): SchemeChange[] {
  const d = structuredClone(from);
  mutate(d, (id) => find(d.indicators, id));
  return diffSchemes(from, d);
}
const brief = (cs: SchemeChange[]) => cs.map((c) => [c.kind, c.message]);

const seen = new Set<ChangeKind>();
function expectChanges(cs: SchemeChange[], expected: [ChangeKind, string][]): void {
  expect(brief(cs)).toEqual(expected);
  for (const [k] of expected) seen.add(k);
}

describe('diffSchemes: nothing changed', () => {
  it('finds no change in a copy, in re-ordered keys, in 6 written as "6" or 0.95 as "95%"', () => {
    expect(diffSchemes(base, structuredClone(base))).toEqual([]);
    expect(
      changes((_d, ind) => {
        ind('satisfaction').points = '6';
        ind('satisfaction').rule.tiers[0].min = '95%';
        ind('key-tasks').rule.perItem = '4.0';
      }),
    ).toEqual([]);
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as Scheme;
    expect(diffSchemes(base, reordered)).toEqual([]);
  });

  it('does not report version identity (year, version, status, basedOn, stamps, source)', () => {
    expect(
      changes((d) => {
        d.year = 2025;
        d.version = '3';
        d.status = 'draft';
        d.basedOn = { id: 'shenzhen-department', year: 2024, hash: 'sha256:00' };
        d.publishedAt = '2025-01-01T00:00:00Z';
        d.contentHash = 'sha256:11';
        d.source = '另一出处';
      }),
    ).toEqual([]);
  });
});

describe('diffSchemes: the indicator tree', () => {
  it('indicator-added: 新增指标 数字化建设 5分', () => {
    const cs = changes((_d, ind) => ind('efficiency').children.push({ id: 'digital', name: '数字化建设', points: 5, rule: { kind: 'judgement' } }));
    expectChanges(cs, [['indicator-added', '新增指标 数字化建设 5分（部门绩效 › 效率性 下，酌情评分）']]);
    expect(cs[0]!.pathAfter).toBe('/indicators/2/children/1/children/3');
    expect(cs[0]!.pathBefore).toBeUndefined();
  });

  it('an added subtree is reported once, at its root; a 一级指标 without location', () => {
    const cs = changes((d) =>
      d.indicators.push({ id: 'innovation', name: '创新', points: 5, children: [{ id: 'pilot', name: '试点', points: 5, rule: { kind: 'judgement' } }] }),
    );
    expectChanges(cs, [['indicator-added', '新增指标 创新 5分']]);
  });

  it('indicator-removed: 删除指标 with where it was', () => {
    const cs = changes((_d, ind) => ind('fairness').children.splice(0, 1));
    expectChanges(cs, [['indicator-removed', '删除指标 群众信访办理情况 3分（原在 部门绩效 › 公平性 下）']]);
    expect(cs[0]!.pathBefore).toBe('/indicators/2/children/3/children/0');
  });

  it('indicator-moved: to another parent, and a change of order among siblings', () => {
    const moved = changes((_d, ind) => {
      const asset = ind('asset-management');
      const [fixed] = asset.children.splice(1, 1);
      ind('institution-management').children.push(fixed);
    });
    expectChanges(moved, [['indicator-moved', '固定资产利用率：从 部门管理 › 资产管理 移至 部门管理 › 制度管理']]);
    const reordered = changes((_d, ind) => ind('budget-preparation').children.reverse());
    // [预算编制合理性, 预算编制规范性] → [规范性, 合理性]: one of the two moved
    expectChanges(reordered, [['indicator-moved', '预算编制规范性：在 部门决策 › 预算编制 中的次序 第2位 → 第1位']]);
  });

  it('indicator-renamed: by name (matched by id) and by id (matched by name)', () => {
    const cs = changes((_d, ind) => {
      ind('outcomes').name = '社会效益、经济效益、生态效益';
      ind('satisfaction').id = 'public-satisfaction';
    });
    expectChanges(cs, [
      ['indicator-renamed', '指标更名：社会效益、经济效益、生态效益等 → 社会效益、经济效益、生态效益'],
      ['indicator-renamed', '公众或服务对象满意度：指标标识 satisfaction → public-satisfaction（评审录入按标识对应，请核对案例）'],
    ]);
  });

  it('points-changed: 效果性 25分 → 20分', () => {
    const cs = changes((_d, ind) => {
      ind('effectiveness').points = 20;
      ind('outcomes').points = 20;
    });
    expectChanges(cs, [
      ['points-changed', '效果性 25分 → 20分'],
      ['points-changed', '社会效益、经济效益、生态效益等 25分 → 20分'],
    ]);
    expect(cs[0]!.before).toBe(25);
    expect(cs[0]!.after).toBe(20);
  });

  it('description-changed and criterion-changed show the changed words with context', () => {
    // context: the 8 characters either side of the change; a line break shows as ⏎
    const desc = base.indicators[2]!.children![3]!.children![1]!.description!;
    const cs = changes((_d, ind) => {
      ind('satisfaction').description += '（新增说明）';
      ind('key-tasks').criterion = ind('key-tasks').criterion.replace('扣4分', '扣2分');
    });
    expectChanges(cs, [
      ['criterion-changed', '重点工作完成情况：评分标准文字变更：…点工作没有完成扣“4”→“2”分，扣完为止。⏎…'],
      ['description-changed', `公众或服务对象满意度：指标说明文字变更：…${desc.slice(-8)}〔增加“（新增说明）”〕`],
    ]);
  });

  it('rule-kind-changed: another rule kind, a leaf that became a parent', () => {
    const cs = changes((_d, ind) => {
      ind('project-timeliness').rule = { kind: 'judgement' };
      const o = ind('outcomes');
      delete o.rule;
      o.children = [{ id: 'social', name: '社会效益', points: 25, rule: { kind: 'judgement' } }];
    });
    expectChanges(cs, [
      ['rule-kind-changed', '项目完成及时性：计分方式 公式计分 → 酌情评分'],
      ['rule-kind-changed', '社会效益、经济效益、生态效益等：由末级指标（酌情评分）改为上级指标'],
      ['indicator-added', '新增指标 社会效益 25分（部门绩效 › 效果性 › 社会效益、经济效益、生态效益等 下，酌情评分）'],
    ]);
  });
});

describe('diffSchemes: tiers (分档)', () => {
  it('tier-score-changed: 公众或服务对象满意度：第1档 ≥95% 得分 6分 → 5分', () => {
    const cs = changes((_d, ind) => (ind('satisfaction').rule.tiers[0].score = 5));
    expectChanges(cs, [['tier-score-changed', '公众或服务对象满意度：第1档 ≥95% 得分 6分 → 5分']]);
    expect(cs[0]!.pathAfter).toBe('/indicators/2/children/3/children/1/rule/tiers/0/score');
  });

  it('tier-bound-changed: a threshold moved (both tiers that share it)', () => {
    const cs = changes((_d, ind) => {
      const t = ind('satisfaction').rule.tiers;
      t[0].min = 0.96;
      t[1].max = 0.96;
    });
    expectChanges(cs, [
      ['tier-bound-changed', '公众或服务对象满意度：第1档 ≥95% → ≥96%'],
      ['tier-bound-changed', '公众或服务对象满意度：第2档 90%≤满意度<95% → 90%≤满意度<96%'],
    ]);
  });

  it('tier-inclusivity-changed: ≤ becomes <, < becomes ≤', () => {
    const cs = changes((_d, ind) => {
      const t = ind('satisfaction').rule.tiers;
      t[1].minInclusive = false;
      t[2].maxInclusive = true;
    });
    expectChanges(cs, [
      ['tier-inclusivity-changed', '公众或服务对象满意度：第2档 90%≤满意度<95% → 90%<满意度<95%（下限由含改为不含）'],
      ['tier-inclusivity-changed', '公众或服务对象满意度：第3档 80%≤满意度<90% → 80%≤满意度≤90%（上限由不含改为含）'],
    ]);
  });

  it('tier-added and tier-removed', () => {
    const added = changes((_d, ind) => {
      const t = ind('satisfaction').rule.tiers;
      t[3] = { min: 0.7, minInclusive: true, max: 0.8, maxInclusive: false, score: 1 };
      t.push({ max: 0.7, maxInclusive: false, score: 0 });
    });
    expectChanges(added, [
      ['tier-bound-changed', '公众或服务对象满意度：第4档 <80% → 70%≤满意度<80%'],
      ['tier-added', '公众或服务对象满意度：新增第5档 <70% 得0分'],
    ]);
    const removed = changes((_d, ind) => ind('satisfaction').rule.tiers.pop());
    expectChanges(removed, [['tier-removed', '公众或服务对象满意度：删除第4档 <80% 得1分']]);
  });

  it('tier-label-changed and rule-metric-changed', () => {
    const cs = changes((_d, ind) => {
      ind('satisfaction').rule.tiers[0].label = '优秀';
      ind('fixed-asset-utilization').rule.metric = '财政供养人员控制率';
    });
    expectChanges(cs, [
      ['rule-metric-changed', '固定资产利用率：分档对象 固定资产利用率 → 财政供养人员控制率'],
      ['tier-label-changed', '公众或服务对象满意度：第1档说明 新增“优秀”'],
    ]);
  });
});

describe('diffSchemes: other rule kinds', () => {
  it('options: changed score, added and removed option (部门预算公开)', () => {
    const cs = changes((_d, ind) => {
      const opts = ind('disclosure').rule.parts[0].rule.options;
      opts[1].score = 0.5;
      opts.splice(2, 1);
      opts.push({ value: '部分公开', score: 0.5, text: '部分公开' });
    });
    expectChanges(cs, [
      ['option-changed', '预决算信息公开·部门预算公开：选项“进行了公开，存在不符合时限、内容、范围等要求” 得分 1分 → 0.5分'],
      ['option-removed', '预决算信息公开·部门预算公开：删除选项“没有进行公开”（0分）'],
      ['option-added', '预决算信息公开·部门预算公开：新增选项“部分公开”（0.5分）'],
    ]);
  });

  it('ratio: multiplier, cap, zero rule (政府采购执行率)', () => {
    const actual = base.inputs.find((i) => i.id === '实际采购金额')!.label;
    const planned = base.inputs.find((i) => i.id === '采购计划金额')!.label;
    const cs = changes((_d, ind) => {
      const r = ind('procurement').rule.parts[0].rule;
      r.multiplier = 2;
      r.cap = 0.8;
      r.zeroWhen.when.operator = 'greaterThanInclusive';
    });
    expectChanges(cs, [
      ['ratio-multiplier-changed', '政府采购执行情况·政府采购执行率：政府采购执行率×1分 → ×2分'],
      ['ratio-cap-changed', '政府采购执行情况·政府采购执行率：封顶 1分 → 0.8分'],
      ['ratio-zero-rule-changed', `政府采购执行情况·政府采购执行率：得0分条款条件 ${actual}>${planned} → ${actual}≥${planned}`],
    ]);
    const dropped = changes((_d, ind) => {
      const r = ind('procurement').rule.parts[0].rule;
      delete r.cap;
      delete r.zeroWhen;
    });
    expectChanges(dropped, [
      ['ratio-cap-changed', '政府采购执行情况·政府采购执行率：封顶 1分 → 本项分值'],
      ['ratio-zero-rule-changed', '政府采购执行情况·政府采购执行率：删除得0分条款：如实际采购金额大于采购计划金额，本项得0分。'],
    ]);
  });

  it('formula-changed (项目完成及时性)', () => {
    const cs = changes((_d, ind) => (ind('project-timeliness').rule.expression = '已完成项目数 / 计划完成项目总数 * 5'));
    expectChanges(cs, [['formula-changed', '项目完成及时性：计分公式 已完成项目数 / 计划完成项目总数 * 6 → 已完成项目数 / 计划完成项目总数 * 5']]);
  });

  it('sum parts: renamed, points, added, removed (政府采购执行情况)', () => {
    const cs = changes((_d, ind) => {
      const parts = ind('procurement').rule.parts;
      parts[0].points = 1.5;
      parts[1].name = '政府采购政策功能落实情况';
    });
    expectChanges(cs, [
      ['part-points-changed', '政府采购执行情况·政府采购执行率 1分 → 1.5分'],
      ['part-renamed', '政府采购执行情况：分项更名 政府采购政策功能的执行和落实情况 → 政府采购政策功能落实情况'],
    ]);
    const addRemove = changes((_d, ind) => {
      const parts = ind('procurement').rule.parts;
      parts.splice(1, 1);
      parts.push({ id: 'green', name: '绿色采购', points: 1, rule: { kind: 'judgement' } });
    });
    expectChanges(addRemove, [
      ['part-removed', '政府采购执行情况：删除分项 政府采购政策功能的执行和落实情况 1分'],
      ['part-added', '政府采购执行情况：新增分项 绿色采购 1分（酌情评分）'],
    ]);
  });

  it('checklist items: changed points and text, added, removed (管理制度健全性)', () => {
    const cs = changes((_d, ind) => {
      const items = ind('rules-soundness').rule.items;
      items[1].points = 1;
      items[0].text = '部门制定了财政资金管理、财务管理、内部控制、采购管理等制度';
      items.splice(2, 1);
      items.push({ id: 'digital', text: '建立预算管理信息化制度', points: 1.5, fact: '制定预算绩效管理制度' });
    });
    expectChanges(cs, [
      ['checklist-item-changed', '管理制度健全性：评分要点1 文字变更：…务管理、内部控制〔增加“、采购管理”〕等制度'],
      ['checklist-item-changed', '管理制度健全性：评分要点2 分值 1.5分 → 1分'],
      // a long item is cut to its first 30 characters
      ['checklist-item-removed', '管理制度健全性：删除评分要点“部门按照预算和绩效管理一体化的要求制定本部门全面实施预算绩效…”（1分）'],
      ['checklist-item-added', '管理制度健全性：新增评分要点“建立预算管理信息化制度”（1.5分）'],
    ]);
  });

  it('a reference to another fact with the same label shows the identifiers', () => {
    const cs = changes((d, ind) => {
      d.inputs.push({ id: '制度有效执行', label: '上述财政资金管理、财务管理、内部控制等制度得到有效执行', type: 'boolean' });
      ind('rules-soundness').rule.items[1].fact = '制度有效执行';
    });
    expect(cs.map((c) => c.message)).toContain(
      `管理制度健全性：评分要点2 依据事实 ${base.inputs.find((i) => i.id === '制度得到有效执行')!.label}（标识 制度得到有效执行 → 制度有效执行）`,
    );
  });

  it('deduction: per item, floor, count fact (重点工作完成情况)', () => {
    const cs = changes((_d, ind) => {
      const r = ind('key-tasks').rule;
      r.perItem = 2;
      r.floor = 2;
      r.countFact = '预算编制不符合项数';
    });
    expectChanges(cs, [
      ['deduction-count-changed', '重点工作完成情况：扣分计数 没有完成的重点工作项数 → ' + base.inputs.find((i) => i.id === '预算编制不符合项数')!.label],
      ['deduction-per-item-changed', '重点工作完成情况：每项扣分 4分 → 2分'],
      ['deduction-floor-changed', '重点工作完成情况：最低得分 0分 → 2分'],
    ]);
  });

  it('linear penalty: threshold, deduction per step, stepping (资金调整、调剂规范性)', () => {
    const cs = changes((_d, ind) => {
      const r = ind('financial-compliance').rule.parts[1].rule;
      r.threshold = 0.15;
      r.deduct = 0.2;
      r.stepping = 'whole';
    });
    expectChanges(cs, [
      ['linear-penalty-changed', '财务合规性·资金调整、调剂规范性：阈值 10% → 15%'],
      ['linear-penalty-changed', '财务合规性·资金调整、调剂规范性：每步扣分 0.1分 → 0.2分'],
      ['linear-penalty-changed', '财务合规性·资金调整、调剂规范性：不足一步时 按比例计 → 只计整步'],
    ]);
  });

  it('judgement guidance, veto, exemption, the rule’s own rounding', () => {
    const cs = changes((_d, ind) => {
      ind('outcomes').rule.guidance = '未实现绩效目标的酌情扣分。';
      ind('financial-compliance').rule.veto.text = '发生违规支出的，本项指标得0分。';
      delete ind('disclosure').rule.exempt;
      ind('project-timeliness').rule.round = { places: 1 };
    });
    expect(cs.map((c) => c.kind)).toEqual(['veto-changed', 'exempt-changed', 'rule-rounding-changed', 'judgement-guidance-changed']);
    for (const c of cs) seen.add(c.kind);
    expect(cs[0]!.message.startsWith('财务合规性：一票否决条款文字 ')).toBe(true);
    expect(cs[1]!.message).toBe('预决算信息公开：删除免评条款：涉密部门（单位）按规定不需要公开相关预决算信息的直接得分。');
    expect(cs[2]!.message).toBe('项目完成及时性：本项舍入 不单独舍入 → 保留1位小数（四舍五入）');
    expect(cs[3]!.message.startsWith('社会效益、经济效益、生态效益等：酌情评分指引文字变更：')).toBe(true);
  });

  it('render-changed is reported alone, and left out when the official criterion changed too', () => {
    const alone = changes((_d, ind) => (ind('key-tasks').rule.render.after = '\n注：参考督查部门统计数据。'));
    expect(alone.map((c) => c.kind)).toEqual(['render-changed']);
    seen.add('render-changed');
    expect(alone[0]!.message.startsWith('重点工作完成情况：评分标准表述（after）变更：')).toBe(true);
    const withCriterion = changes((_d, ind) => {
      ind('key-tasks').rule.render.after = '\n注：参考督查部门统计数据。';
      ind('key-tasks').criterion = ind('key-tasks').criterion.replace(/注：.*$/, '注：参考督查部门统计数据。');
    });
    expect(withCriterion.map((c) => c.kind)).toEqual(['criterion-changed']);
  });

  it('targets policy (项目支出 年度绩效指标)', () => {
    const project = load('schemes/shenzhen-project/2020.json');
    const cs = changes((_d, ind) => (ind('performance').rule.policy.quantitativeNotMet = 'proportional'), project);
    expectChanges(cs, [['targets-policy-changed', '年度绩效指标：定量目标未达成 酌情 → 按完成比例']]);
  });

  it('targets bands and weights (财预〔2020〕10号)', () => {
    const project = load('schemes/shenzhen-project/2020.json');
    const cs = changes((_d, ind) => {
      const r = ind('performance').rule;
      r.policy.qualitative = 'bands';
      r.bands = [{ label: '达成年度指标', min: '80%', minInclusive: true, max: '100%', maxInclusive: true }];
      r.weights = [
        { name: '产出指标', points: 50 },
        { name: '效益指标', points: 40 },
      ];
    }, project);
    expectChanges(cs, [
      ['targets-policy-changed', '年度绩效指标：定性目标 酌情 → 按档次酌情'],
      ['bands-changed', '年度绩效指标：新增档次“达成年度指标”（分值的80%（含）–100%（含））'],
      ['targets-weights-changed', '年度绩效指标：一级指标权重 — → 产出指标50分、效益指标40分'],
    ]);
  });
});

describe('diffSchemes: the kinds of issue 10 items 6–13', () => {
  const rb = typedScheme as Scheme;
  const ch = (mutate: (d: Scheme, ind: (id: string) => Any) => void) => changes(mutate, rb);

  it('按完成比例: target and direction', () => {
    expectChanges(
      ch((_d, ind) => {
        ind('rb-completion').rule.target = '95%';
        ind('rb-completion').rule.direction = 'lower';
      }),
      [
        ['completion-target-changed', '预算完成率：目标值 100% → 95%'],
        ['completion-direction-changed', '预算完成率：越高越好 → 越低越好'],
      ],
    );
  });

  it('择一考核: a measure renamed, added, removed; a measure’s own rule under its name', () => {
    expectChanges(
      ch((_d, ind) => (ind('rb-choice').rule.options[1].name = '结转结余资金变动率')),
      [['choice-option-renamed', '结转结余情况：考核口径 结转结余变动率（变动率）→ 结转结余资金变动率（变动率）']],
    );
    expectChanges(
      ch((_d, ind) => ind('rb-choice').rule.options.pop()),
      [['choice-option-removed', '结转结余情况：删除考核口径 结转结余变动率']],
    );
    expectChanges(
      ch((d, ind) => {
        d.inputs.find((i) => i.id === '结转结余口径')!.options!.push({ value: '余额', label: '余额' });
        ind('rb-choice').rule.options.push({ value: '余额', name: '结转结余余额', rule: { kind: 'judgement' } });
      }).filter((c) => c.kind.startsWith('choice')),
      [['choice-option-added', '结转结余情况：新增考核口径 结转结余余额']],
    );
  });

  it('条件计分: a case’s condition, score, added, removed, the otherwise clause', () => {
    expectChanges(
      ch((_d, ind) => (ind('rb-cases').rule.cases[0].score = 0.5)),
      [['case-score-changed', '结余控制：不超过上年结转 1分 → 0.5分']],
    );
    expectChanges(
      ch((_d, ind) => (ind('rb-cases').rule.cases[0].text = '未超过上年结转')),
      [['case-condition-changed', '结余控制：第1个情形 不超过上年结转（本年结余≤上年结转）→ 未超过上年结转（本年结余≤上年结转）']],
    );
    expectChanges(
      ch((_d, ind) => ind('rb-cases').rule.cases.push({ when: { fact: '本年结余', operator: 'equal', value: 0 }, score: 1, text: '无结余' })),
      [['case-added', '结余控制：新增情形 无结余 1分']],
    );
    expectChanges(
      ch((_d, ind) => ind('rb-cases').rule.cases.splice(0, 1, ...[])),
      [['case-removed', '结余控制：删除情形 不超过上年结转']],
    );
    expectChanges(
      ch((_d, ind) => (ind('rb-cases').rule.otherwise.text = '结余超过上年结转')),
      [['case-otherwise-changed', '结余控制：其余情形 超过上年结转 0分 → 结余超过上年结转 0分']],
    );
  });

  it('专家评分: minimum and guidance', () => {
    expectChanges(
      ch((_d, ind) => {
        ind('rb-experts').rule.minimum = 2;
        ind('rb-experts').rule.guidance = '按评价要点打分。';
      }),
      [
        ['experts-minimum-changed', '专家评价：至少 1 → 2 位专家'],
        ['experts-guidance-changed', '专家评价：专家评分指引 新增“按评价要点打分。”'],
      ],
    );
    expectChanges(ch((_d, ind) => ind('rb-experts').rule.panel.push('专家3')), [['experts-panel-changed', '专家评价：专家 专家1、专家2 → 专家1、专家2、专家3']]);
  });

  it('时间节点, 共用分档表, 部门绩效目标行', () => {
    expectChanges(
      ch((_d, ind) => (ind('rb-milestones').rule.items[0].what = '全部下达完')),
      [['milestone-changed', '资金下达及时性：时间节点 年中全部下达 → 年中全部下达完']],
    );
    expectChanges(ch((_d, ind) => (ind('rb-milestones').rule.perMiss = 1)), [['milestone-per-miss-changed', '资金下达及时性：每项未按进度扣分 0.5分 → 1分']]);
    expectChanges(
      ch((d, ind) => {
        d.bandTables!.push({ ...structuredClone(d.bandTables![0]!), id: '完成率分档2' });
        ind('rb-bands').rule.table = '完成率分档2';
      }).filter((c) => c.kind === 'band-table-changed'),
      [['band-table-changed', '执行率分档：分档表 完成率分档 → 完成率分档2']],
    );
    expectChanges(
      ch((_d, ind) => (ind('rb-dept').rule.by = 'proportional')),
      [['dept-targets-scoring-changed', '部门绩效目标：指标行 按分档表完成率分档 → 按完成比例']],
    );
  });
  it('scheme-level policies in the documents’ words: 总分封顶, 不适用, 节点日期, 共用分档表', () => {
    expectChanges(
      ch((d) => (d.totalCap!.bands[0]!.cap = 85)),
      [['total-cap-changed', '总分封顶：执行率为70%至80%的，绩效自评不超过89分。自评得分超出最高得分部分，予以减分处理。 → 执行率为70%至80%的，绩效自评不超过85分。自评得分超出最高得分部分，予以减分处理。']],
    );
    expectChanges(
      ch((_d, ind) => (ind('rb-dept').notApplicable.text = '未设定部门绩效指标的')),
      [['not-applicable-changed', '部门绩效目标：不适用条款 不适用（条件：未有政府采购预算） → 未设定部门绩效指标的（条件：未有政府采购预算）']],
    );
    expectChanges(ch((d) => (d.calendar![0]!.dates['2021'] = '2021-06-15')), [['calendar-changed', '节点日期“6月底前”：2021年 2021-06-30 → 2021-06-15']]);
    expectChanges(
      ch((d) => (d.bandTables![0]!.bands[1]!.share = '60%')),
      [['band-table-definition-changed', '共用分档表“完成率分档”（引用它的指标一并改变）：x≥100% 得满分；x<100% 得分值的50% → x≥100% 得满分；x<100% 得分值的60%']],
    );
  });
});

describe('diffSchemes: declarations and scheme settings', () => {
  it('inputs and metrics: added, removed, changed', () => {
    const cs = changes((d) => {
      d.inputs.push({ id: '数字化项目数', label: '数字化项目数', type: 'count', unit: '个' });
      d.inputs = d.inputs.filter((i) => i.id !== '涉密部门');
      const u = d.inputs.find((i) => i.id === '三公经费预算数')!;
      u.unit = '元';
      d.metrics!.find((m) => m.id === '政府采购执行率')!.formula = '实际采购金额 / (采购计划金额 + 1)';
      d.metrics!.push({ id: '数字化率', label: '数字化率', type: 'percent', formula: '数字化项目数 / 计划完成项目总数' });
      d.metrics = d.metrics!.filter((m) => m.id !== '编外人员控制率');
    });
    const label = (id: string) => base.inputs.find((i) => i.id === id)?.label ?? base.metrics!.find((m) => m.id === id)!.label;
    expectChanges(cs, [
      ['input-removed', `删除输入事实 ${label('涉密部门')}（涉密部门）`],
      ['input-changed', '输入事实““三公”经费预算安排数”：单位 万元 → 元'],
      ['input-added', '新增输入事实 数字化项目数（数字化项目数，计数，个）'],
      ['metric-removed', `删除计算指标 ${label('编外人员控制率')}（编外人员控制率）`],
      ['metric-changed', '计算指标“政府采购执行率”：公式 实际采购金额 / 采购计划金额 → 实际采购金额 / (采购计划金额 + 1)'],
      ['metric-added', '新增计算指标 数字化率（数字化率，= 数字化项目数 / 计划完成项目总数）'],
    ]);
  });

  it('grades, rounding, total points, title', () => {
    const cs = changes((d) => {
      d.title = '深圳市市级部门整体支出绩效评价指标体系（2025年修订）';
      d.totalPoints = 110;
      d.rounding = { ...d.rounding, places: 1 };
      d.grades[0]!.min = 85;
      d.grades[1]!.max = 85;
    });
    expectChanges(cs, [
      ['meta-changed', '方案名称：深圳市市级部门整体支出绩效评价指标体系 → 深圳市市级部门整体支出绩效评价指标体系（2025年修订）'],
      ['total-points-changed', '总分 100分 → 110分'],
      ['rounding-changed', '舍入政策：保留2位小数（四舍五入），在末级指标、总分舍入 → 保留1位小数（四舍五入），在末级指标、总分舍入'],
      ['grades-changed', '等级“优”：总分≥90 → 总分≥85'],
      ['grades-changed', '等级“良”：80≤总分<90 → 80≤总分<85'],
    ]);
  });

  it('other-changed: a field no comparison names is still reported', () => {
    const cs = changes((_d, ind) => (ind('satisfaction').note = '试行'));
    expectChanges(cs, [['other-changed', '公众或服务对象满意度：字段 note 变更：— → 试行']]);
    expect(cs[0]!.pathAfter).toBe('/indicators/2/children/3/children/1/note');
    expect(cs[0]!.pathBefore).toBeUndefined();
  });

  it('covers every change kind', () => {
    expect([...seen].sort()).toEqual(Object.keys(CHANGE_KINDS).sort());
  });
});

describe('summarizeChanges', () => {
  it('gives one line: count and the first changes, cut to length', () => {
    expect(summarizeChanges([])).toBe('无变更');
    const cs = changes((_d, ind) => {
      ind('effectiveness').points = 20;
      ind('outcomes').points = 20;
    });
    expect(summarizeChanges(cs)).toBe('2处变更：效果性 25分 → 20分；社会效益、经济效益、生态效益等 25分 → 20分');
    expect(summarizeChanges(cs, 20)).toBe('2处变更：效果性 25分 → 20分；…');
  });
});

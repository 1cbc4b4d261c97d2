/**
 * compareTarget on real seed 001 rows (quoted: 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分).
 * Ratios are worked out by hand in the comments.
 */
import { Dec } from '../src/decimal/exact.ts';
import { describe, expect, it } from 'vitest';
import { compareTarget } from '../src/targets/index.ts';

const ratio = (r: Dec | undefined) => r?.toDecimalPlaces(10).toString();
const frac = (n: number, m: number) => new Dec(n).div(m).toDecimalPlaces(10).toString();

describe('met and not met', () => {
  it('≥ target reached', () => {
    // 数量指标 | 外贸优质增长扶持计划支持企业家次 | ≥1000家 | 1100家 | 3 | 3
    const c = compareTarget('≥1000家', '1100家');
    expect(c.outcome).toBe('met');
    expect(ratio(c.ratio)).toBe('1');
    expect(c.explanation).toBe('目标≥1000家，实际1100家，达成');
    expect(c.warnings).toEqual([]);
  });

  it('≥ target missed, ratio actual/target', () => {
    // 数量指标 | 会展业发展扶持计划扶持项目数量 | ≥3个 | 1个 | 2 | 0 — 1/3
    const c = compareTarget('≥3个', '1个');
    expect(c.outcome).toBe('notMet');
    expect(ratio(c.ratio)).toBe(frac(1, 3));
    expect(c.explanation).toBe('目标≥3个，实际1个，未达成（完成比例33.33%）');
    // 数量指标 | 拜访企业数量 | ≥60家 | 53家 | 5 | 4.4 — 53/60 (the seed scored 5 × 53/60 ≈ 4.4)
    const b = compareTarget('≥60家', '53家');
    expect(b.outcome).toBe('notMet');
    expect(ratio(b.ratio)).toBe(frac(53, 60));
  });

  it('equal to a ≥ target is met', () => {
    // 数量指标 | 开展促消费宣传和活动 | ≥50次 | 50次 | 6 | 6
    expect(compareTarget('≥50次', '50次').outcome).toBe('met');
  });

  it('negative growth against a growth target: ratio 0, not negative', () => {
    // 质量指标 | 社消零增速 | ≥7% | -5.2% | 3 | 0
    const c = compareTarget('≥7%', '-5.2%');
    expect(c.outcome).toBe('notMet');
    expect(ratio(c.ratio)).toBe('0');
    // 社会效益指标 | 我市展会总面积增长率 | ≥2% | 1.27% | 2 | 1 — 1.27/2 = 0.635
    const b = compareTarget('≥2%', '1.27%');
    expect(b.outcome).toBe('notMet');
    expect(ratio(b.ratio)).toBe('0.635');
  });

  it('strict > and <', () => {
    // 满意度指标 | 使用人员满意度 | > 95% | 96% | 20 | 20
    expect(compareTarget('> 95%', '96%').outcome).toBe('met');
    expect(compareTarget('> 95%', '95%').outcome).toBe('notMet');
    // 满意度指标 | 有责投诉发生次数 | < 3次 | 0 | 20 | 20
    const c = compareTarget('< 3次', '0');
    expect(c.outcome).toBe('met');
    expect(c.warnings).toContain('实际值未写单位，按“次”理解');
    expect(compareTarget('<3次', '3次').outcome).toBe('notMet');
  });

  it('a target without comparator reads as 达到 (≥), with a warning when they differ', () => {
    // 质量指标 | 展览与交易满意率 | 99.03% | 97.99% | 8 | 7 — 0.9799/0.9903
    const c = compareTarget('99.03%', '97.99%');
    expect(c.outcome).toBe('notMet');
    expect(ratio(c.ratio)).toBe(new Dec('0.9799').div('0.9903').toDecimalPlaces(10).toString());
    expect(c.warnings).toContain('目标未写比较符，按“达到（≥）”理解');
    // 数量指标 | 开展政策宣传 | 4次 | 5次 | 3 | 3
    expect(compareTarget('4次', '5次').outcome).toBe('met');
    // 满意度指标 | 论坛及活动满意率 | 98.81% | 98.81% | 8 | 8 — equal, nothing to warn about
    const e = compareTarget('98.81%', '98.81%');
    expect(e.outcome).toBe('met');
    expect(e.warnings).toEqual([]);
  });

  it('"=" target: equal met, below not met, above met with a warning, above 0 not met', () => {
    // 数量指标 | 项目通过数量 | =15个 | 15个 | 5 | 5
    expect(compareTarget('=15个', '15个').outcome).toBe('met');
    // 数量指标 | 动员会及政策宣讲会 | =2次 | 0次 | 5 | 0
    const z = compareTarget('=2次', '0次');
    expect(z.outcome).toBe('notMet');
    expect(ratio(z.ratio)).toBe('0');
    // 数量指标 | 法律顾问数量 | =1名 | 2名 | 10 | 10
    const over = compareTarget('=1名', '2名');
    expect(over.outcome).toBe('met');
    expect(over.warnings).toContain('目标写作“=”，实际超过目标值，按达成处理，请核实');
    // 质量指标 | 重大事故发生次数 | =0次 | 0次 — and if there had been 2, that is not met
    expect(compareTarget('=0次', '0次').outcome).toBe('met');
    expect(compareTarget('=0次', '2次').outcome).toBe('notMet');
    // 数量指标 | 应诉经验总结报告份数 | =14份 | 12 | 2 | 2 — 12/14
    const u = compareTarget('=14份', '12');
    expect(u.outcome).toBe('notMet');
    expect(ratio(u.ratio)).toBe(frac(12, 14));
  });

  it('ranks: 前10名 is a ceiling', () => {
    expect(compareTarget('前10名', '第3名').outcome).toBe('met');
    // 第12名 against 前10名: 10/12
    const c = compareTarget('前10名', '第12名');
    expect(c.outcome).toBe('notMet');
    expect(ratio(c.ratio)).toBe(frac(10, 12));
  });

  it('ranges: inside met, below not met (actual/low)', () => {
    expect(compareTarget('5-10家', '7家').outcome).toBe('met');
    const c = compareTarget('5-10家', '4家');
    expect(c.outcome).toBe('notMet');
    expect(ratio(c.ratio)).toBe('0.8');
  });

  it('approximate actual is compared with a warning', () => {
    // 数量指标 | 采购办公设备数量 | =40台 | 约100台 | 4 | 3
    const c = compareTarget('=40台', '约100台');
    expect(c.outcome).toBe('met');
    expect(c.warnings).toContain('实际值为约数');
  });
});

describe('≤ targets (成本, 时限) compare the other way', () => {
  it('≤ percent and money', () => {
    // 成本指标 | 成本控制率 | ≤100% | 98% | 10 | 10
    expect(compareTarget('≤100%', '98%').outcome).toBe('met');
    // 成本指标 | 家政扶贫项目预算控制 | ≤50万元 | 48.795万元 | 10 | 10
    expect(compareTarget('≤50万元', '48.795万元').outcome).toBe('met');
    // Over budget: ≤50万元 vs 60万元 — ratio target/actual = 50/60
    const c = compareTarget('≤50万元', '60万元');
    expect(c.outcome).toBe('notMet');
    expect(ratio(c.ratio)).toBe(frac(50, 60));
  });

  it('a bare amount on a cost row is a ceiling', () => {
    // 成本指标 | 省下达外资奖励项目金额 | 17133万元 | 17000万元 | 10 | 10
    const c = compareTarget('17133万元', '17000万元', { category: '成本指标', indicator: '省下达外资奖励项目金额' });
    expect(c.outcome).toBe('met');
    expect(c.warnings).toContain('目标未写比较符，按“不超过（≤）”理解');
    // 成本指标 | 项目预算控制数 | 30692万元 | 26252万元 | 5 | 5 (the name says 控制数)
    expect(compareTarget('30692万元', '26252万元', { indicator: '项目预算控制数' }).outcome).toBe('met');
    // Without the row's context the same texts read as 达到 and miss: 17000/17133
    const bare = compareTarget('17133万元', '17000万元');
    expect(bare.outcome).toBe('notMet');
    expect(ratio(bare.ratio)).toBe(frac(17000, 17133));
  });

  it('time limits', () => {
    // 时效指标 | 系统故障平均解决时间 | <2小时 | 0.92小时 | 5 | 5
    expect(compareTarget('<2小时', '0.92小时').outcome).toBe('met');
    // 时效指标 | 外商投资咨询 | ≤24小时 | 24小时 | 10 | 10
    expect(compareTarget('≤24小时', '24小时').outcome).toBe('met');
    // ≤24小时 vs 2天 (48 小时): not met, ratio 24/48
    const c = compareTarget('≤24小时', '2天');
    expect(c.outcome).toBe('notMet');
    expect(ratio(c.ratio)).toBe('0.5');
    // 时效指标 | 办公系统故障处理时限要求 | ≤24小时内 | ≤24小时内 | 3 | 3 — the actual is a bound
    const b = compareTarget('≤24小时内', '≤24小时内');
    expect(b.outcome).toBe('met');
    expect(b.warnings).toContain('实际值带比较符“≤”，按其界值判断');
    // 时效指标 | 客户服务 | 7*24小时 | 7*24小时 | 5 | 5
    expect(compareTarget('7*24小时', '7*24小时').outcome).toBe('met');
  });

  it('an actual that only gives a bound in the wrong place cannot decide', () => {
    // 质量指标 | 受资助企业中方投资额 | ≥100万美元 | ≥100万美元 | 3 | 2 — met (its bound reaches the target)
    expect(compareTarget('≥100万美元', '≥100万美元').outcome).toBe('met');
    // but "≥50家" says nothing about reaching ≥100家
    const c = compareTarget('≥100家', '≥50家');
    expect(c.outcome).toBe('incomparable');
    expect(c.warnings[0]).toContain('只给出下限');
  });
});

describe('units', () => {
  it('converts 元 / 万元 / 亿元', () => {
    // 成本指标 | 项目预算控制数（元） | ≤289万 | 270.7万元 | 10 | 10 — 2,890,000 vs 2,707,000 元
    const c = compareTarget('≤289万', '270.7万元');
    expect(c.outcome).toBe('met');
    expect(c.warnings).toContain('目标值未写单位，按“元”理解');
    // ≥1.5亿元 vs 16000万元: 150,000,000 ≤ 160,000,000 元
    const b = compareTarget('≥1.5亿元', '16000万元');
    expect(b.outcome).toBe('met');
    expect(b.explanation).toBe('目标≥1.5亿元，实际16000万元，达成（换算为元：目标150000000元，实际160000000元）');
    // ≤10万元 vs 120000元: 100,000 < 120,000 → not met, 100000/120000
    const n = compareTarget('≤10万元', '120000元');
    expect(n.outcome).toBe('notMet');
    expect(ratio(n.ratio)).toBe(frac(100000, 120000));
  });

  it('converts 亿美元 / 万美元 but never 美元 to 元', () => {
    // 经济效益指标 | 对外承包工程新签合同额 | ≥170亿美元 | 152.61亿美元 | 20 | 17 — 152.61/170
    const c = compareTarget('≥170亿美元', '152.61亿美元');
    expect(c.outcome).toBe('notMet');
    expect(ratio(c.ratio)).toBe(frac(15261, 17000));
    expect(compareTarget('≥1亿美元', '10000万美元').outcome).toBe('met');
    const x = compareTarget('≥100万美元', '800万元');
    expect(x.outcome).toBe('incomparable');
    expect(x.warnings).toContain('单位不一致（目标“万美元”，实际“万元”）');
  });

  it('家 vs 个 is a warning, not a silent compare', () => {
    const c = compareTarget('≥1000家', '1100个');
    expect(c.outcome).toBe('incomparable');
    expect(c.ratio).toBeUndefined();
    expect(c.warnings).toContain('单位不一致（目标“家”，实际“个”）');
    // 数量指标 | 诚信宣传动员、培训四叔 | ≥22次 | 37场次 | 5 | 5 — 次 and 场次 are different words
    expect(compareTarget('≥22次', '37场次').outcome).toBe('incomparable');
  });

  it('场 and 场次 are one unit', () => {
    // 数量指标 | 开展公平贸易相关培训场次 | ≥6场次 | 5场 | 7 | 6 — 5/6
    const c = compareTarget('≥6场次', '5场');
    expect(c.outcome).toBe('notMet');
    expect(ratio(c.ratio)).toBe(frac(5, 6));
  });

  it('an actual without unit takes the target unit when that is safe, and not for 万元', () => {
    // 数量指标 | 梳理招商目标企业数量 | ≥40家 | 46 | 5 | 5
    const c = compareTarget('≥40家', '46');
    expect(c.outcome).toBe('met');
    expect(c.warnings).toContain('实际值未写单位，按“家”理解');
    // 成本指标 | 实际资金投入金额 | ≥20万元 | 82694.30 | 6 | 5 — 元 or 万元? cannot tell
    const m = compareTarget('≥20万元', '82694.30');
    expect(m.outcome).toBe('incomparable');
    expect(m.warnings[0]).toBe('实际值未写单位，无法确定与“万元”是否一致');
    // 经济效益指标 | 带动重要装备和关键零部件进口额 | ≥9亿美元 | 24亿 | 5 | 5
    const u = compareTarget('≥9亿美元', '24亿');
    expect(u.outcome).toBe('met');
    expect(u.warnings).toContain('实际值未写单位，按“美元”理解');
  });

  it('takes the unit from the indicator name "观众数量（万人次）"', () => {
    // 社会效益指标 | 观众数量（万人次） | ≥57.6 | 45.1 | 8 | 7 — 45.1/57.6
    const c = compareTarget('≥57.6', '45.1', { indicator: '观众数量（万人次）' });
    expect(c.outcome).toBe('notMet');
    expect(ratio(c.ratio)).toBe(frac(451, 576));
    expect(c.warnings).toContain('实际值未写单位，按指标名称中的单位“万人次”理解');
  });

  it('reads a bare number against a percent target as percent', () => {
    // 满意度指标 | 外商投资企业满意度 | ≥90% | 100 | 10 | 9
    const c = compareTarget('≥90%', '100');
    expect(c.outcome).toBe('met');
    expect(c.warnings).toContain('实际值未写“%”，按百分数理解（100%）');
  });

  it('converts rates to one period', () => {
    // 数量指标 | 与上级部门开展联系频次 | 2次/季度 | 8次/全年 | 2 | 2 — 8 per 12 months = 2 per 3 months
    const c = compareTarget('2次/季度', '8次/全年');
    expect(c.outcome).toBe('met');
    // 6次/全年 = 1.5 per quarter < 2 → 1.5/2
    const n = compareTarget('2次/季度', '6次/全年');
    expect(n.outcome).toBe('notMet');
    expect(ratio(n.ratio)).toBe('0.75');
    // 社会效益指标 | 带动服务外包企业就业人数 | ≥1500人/年 | 4395人 | 5 | 5
    const y = compareTarget('≥1500人/年', '4395人');
    expect(y.outcome).toBe('met');
    expect(y.warnings).toContain('实际值未写“/年”，按全年数理解');
    // /月 against no period cannot be guessed
    expect(compareTarget('≥300宗/月', '600宗').outcome).toBe('incomparable');
  });
});

describe('dates', () => {
  it('earlier than the deadline is met, later is not', () => {
    // 时效指标 | 资金拨付完成时间 | 2020年6月30日 | 2020年3月26日 | 10 | 10
    const c = compareTarget('2020年6月30日', '2020年3月26日');
    expect(c.outcome).toBe('met');
    expect(c.explanation).toBe('目标2020年6月30日，实际2020年3月26日，达成（期限2020年6月30日）');
    // 时效指标 | 完成时间 | 2019年12月31日 | 2020年10月9日 | 15 | 0
    const late = compareTarget('2019年12月31日', '2020年10月9日');
    expect(late.outcome).toBe('notMet');
    expect(ratio(late.ratio)).toBe('0');
    // 时效指标 | 与20个重要国家和地区开展经贸交流活动 | 20年11月30日 | 20年12月15日 | 5 | 3
    expect(compareTarget('20年11月30日', '20年12月15日').outcome).toBe('notMet');
    // 时效指标 | 完成项目时限 | 2020/12/31 | 2020/12/31 | 2 | 2
    expect(compareTarget('2020/12/31', '2020/12/31').outcome).toBe('met');
  });

  it('month deadlines and missing years', () => {
    // 时效指标 | 2020年完成家政扶贫工作时间 | 12月底前 | 11月25日 | 10 | 10
    expect(compareTarget('12月底前', '11月25日').outcome).toBe('met');
    // 时效指标 | 课题项目完成时间 | 2020年12月前 | 2020年12月 | 4 | 4 (read: by the end of December)
    expect(compareTarget('2020年12月前', '2020年12月').outcome).toBe('met');
    // 时效指标 | 执行时间 | 12月31日完成支付 | 2020年12月24日 | 15 | 15
    const c = compareTarget('12月31日完成支付', '2020年12月24日');
    expect(c.outcome).toBe('met');
    expect(c.warnings).toContain('目标日期未写年份，按2020年理解');
    // A month is too coarse for a mid-month deadline: 2020年12月15日前 vs 2020年12月
    const coarse = compareTarget('2020年12月15日前', '2020年12月');
    expect(coarse.outcome).toBe('incomparable');
  });

  it('a date target with the work not done is not met; with "按时完成" a reviewer decides', () => {
    // 时效指标 | “WTO与深圳”高级论坛举办时间 | 2020年12月31日前 | 暂缓举办 | 4 | 0
    expect(compareTarget('2020年12月31日前', '暂缓举办').outcome).toBe('notMet');
    // 时效指标 | 对接联络工作时间点 | 市出访团到达前1个工作日 | 按时完成 | 10 | 10
    expect(compareTarget('市出访团到达前1个工作日', '按时完成').outcome).toBe('qualitative');
  });
});

describe('qualitative and not applicable', () => {
  it('a qualitative target leaves the judgement to the reviewer', () => {
    // 时效指标 | 资金拨付及时性 | 及时 | 及时 | 2 | 2
    const c = compareTarget('及时', '及时');
    expect(c.outcome).toBe('qualitative');
    expect(c.ratio).toBeUndefined();
    expect(c.explanation).toBe('目标及时，实际及时，需酌情判断（表述一致）');
    // 社会效益指标 | 文化服务出口持续增长能力情况 | 是 | 是 | 8 | 7
    expect(compareTarget('是', '是').outcome).toBe('qualitative');
    // 满意度指标 | 项目履约满意度评价 | 良好或以上 | 良好 | 20 | 18
    expect(compareTarget('良好或以上', '良好').explanation).toBe('目标良好或以上，实际良好，需酌情判断（等级达到目标）');
    // 社会效益指标 | 企业对外贸政策知晓度 | 有效提高 | 有待提高 | 15 | 10
    const h = compareTarget('有效提高', '有待提高');
    expect(h.outcome).toBe('qualitative');
    expect(h.warnings).toContain('实际表述与目标不一致，需核实');
  });

  it('an actual saying it was not done is not met', () => {
    // 质量指标 | 监理工作完成质量 | 良好 | 未支付 | 20 | 0
    const c = compareTarget('良好', '未支付');
    expect(c.outcome).toBe('notMet');
    expect(ratio(c.ratio)).toBe('0');
    // 数量指标 | 结转项目数量 | 1个 | 未支付 | 10 | 0
    expect(compareTarget('1个', '未支付').outcome).toBe('notMet');
  });

  it('an actual of 无 or -- is not met, with a warning', () => {
    // 数量指标 | 培养博士后高端人才 | =1人 | 无 | 10 | 0
    const c = compareTarget('=1人', '无');
    expect(c.outcome).toBe('notMet');
    expect(c.warnings).toContain('实际完成值为“无”，按未完成处理');
    // 社会效益指标 | 观众国家和地区数 | ≥108个 | -- | 8 | 0
    expect(compareTarget('≥108个', '--').outcome).toBe('notMet');
  });

  it('"no complaints received" counts as 0 against a complaints ceiling', () => {
    // 满意度指标 | 企业有效投诉次数 | < 3次 | 暂未收到企业正式投诉 | 20 | 20
    const c = compareTarget('< 3次', '暂未收到企业正式投诉');
    expect(c.outcome).toBe('met');
    expect(c.warnings).toContain('实际“暂未收到企业正式投诉”按0理解');
  });

  it('a numeric target with an actual in words is a judgement', () => {
    // 成本指标 | 驻外办工作成本 | 560万元 | 控制成本 | 10 | 10
    const c = compareTarget('560万元', '控制成本');
    expect(c.outcome).toBe('qualitative');
    expect(c.warnings[0]).toContain('为文字表述');
  });

  it('a 不适用 / 无 target is notApplicable whatever the actual', () => {
    // 经济效益指标 | 不适用 | 不适用 | 不适用 | 0 | 0
    expect(compareTarget('不适用', '不适用').outcome).toBe('notApplicable');
    // 社会效益指标 | 无 | 无 | 未支付 | 20 | 0
    expect(compareTarget('无', '未支付').outcome).toBe('notApplicable');
    // 经济效益指标 | 纳入家政服务业信用体系的家政企业营业额收入 | 于疫情影响，暂不考 | / | 0 | 0
    const c = compareTarget('于疫情影响，暂不考', '/');
    expect(c.outcome).toBe('notApplicable');
    expect(c.ratio).toBeUndefined();
  });

  it('different kinds cannot be compared', () => {
    expect(compareTarget('2020年12月31日', '5个').outcome).toBe('incomparable');
    expect(compareTarget('≥90%', '5个').outcome).toBe('incomparable');
  });
});

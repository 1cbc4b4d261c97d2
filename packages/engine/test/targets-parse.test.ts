/**
 * parseValue, one syntax at a time. Expected values are written by hand from the seed 001 strings
 * (the row is quoted in a comment: 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分) or from the task's
 * own examples; multipliers are worked out in the comment.
 */
import { describe, expect, it } from 'vitest';
import { lookupUnit, parseValue, type ParsedValue } from '../src/targets/index.ts';

/** Narrows a parse result to one kind, failing the test otherwise. */
function as<K extends ParsedValue['kind']>(v: ParsedValue, kind: K): Extract<ParsedValue, { kind: K }> {
  expect(v.kind).toBe(kind);
  return v as Extract<ParsedValue, { kind: K }>;
}

describe('quantitative', () => {
  it('reads ≥ with a counting unit', () => {
    // 外贸优质增长扶持计划支持企业家次 | ≥1000家 | 1100家 | 3 | 3
    const t = as(parseValue('≥1000家'), 'quantitative');
    expect(t.comparator).toBe('≥');
    expect(t.value.eq(1000)).toBe(true);
    expect(t.unit?.symbol).toBe('家');
    expect(t.approximate).toBe(false);
    const a = as(parseValue('1100家'), 'quantitative');
    expect(a.comparator).toBeNull();
    expect(a.value.eq(1100)).toBe(true);
  });

  it('reads = and a bare number', () => {
    // 应诉经验总结报告份数 | =14份 | 12 | 2 | 2
    const t = as(parseValue('=14份'), 'quantitative');
    expect(t.comparator).toBe('=');
    expect(t.value.eq(14)).toBe(true);
    expect(t.unit?.symbol).toBe('份');
    const a = as(parseValue('12'), 'quantitative');
    expect(a.unit).toBeNull();
    expect(a.value.eq(12)).toBe(true);
  });

  it('reads < and > with a space the PDF put in', () => {
    // 企业有效投诉次数 | < 3次 | 暂未收到企业正式投诉 | 20 | 20
    const t = as(parseValue('< 3次'), 'quantitative');
    expect(t.comparator).toBe('<');
    expect(t.value.eq(3)).toBe(true);
    // 设备维护数 | >22台 | 46 | 10 | 10
    expect(as(parseValue('>22台'), 'quantitative').comparator).toBe('>');
  });

  it('applies 万 / 亿 / 万亿 to the value, in the base unit', () => {
    // 电子商务交易额 | ≥2.7万亿元 | 3.1万亿元: 2.7 × 10^12 = 2,700,000,000,000 元
    const a = as(parseValue('≥2.7万亿元'), 'quantitative');
    expect(a.value.eq('2700000000000')).toBe(true);
    expect(a.unit?.dimension).toBe('money:CNY');
    // 社会消费品零售总额 | ≥7000亿元 | 8664.9亿元: 8664.9 × 10^8 = 866,490,000,000 元
    expect(as(parseValue('8664.9亿元'), 'quantitative').value.eq('866490000000')).toBe(true);
    // 全年为企业减负 | ≥1.5亿 | 2.2亿: no unit, 1.5 × 10^8 = 150,000,000
    const b = as(parseValue('≥1.5亿'), 'quantitative');
    expect(b.value.eq(150000000)).toBe(true);
    expect(b.unit).toBeNull();
    expect(b.multiplier).toBe('亿');
    // 提供报关单数据处理 | ≥6000万票 | 94936648票: 6000 × 10^4 = 60,000,000 票
    const c = as(parseValue('≥6000万票'), 'quantitative');
    expect(c.value.eq(60000000)).toBe(true);
    expect(c.unit?.symbol).toBe('票');
    // 官网（公众号）年度访问量 | ≥12万人: 120,000 人
    const e = as(parseValue('≥12万人'), 'quantitative');
    expect(e.value.eq(120000)).toBe(true);
    expect(e.unit?.base).toBe('人');
    // 商业基础设施增加面积 | ≥50万平方米 | 86万平方米: 500,000 平方米
    expect(as(parseValue('≥50万平方米'), 'quantitative').value.eq(500000)).toBe(true);
    // 带动技术出口额 | ≥3500万美元 | 10701万美元: 35,000,000 美元
    const f = as(parseValue('≥3500万美元'), 'quantitative');
    expect(f.value.eq(35000000)).toBe(true);
    expect(f.unit?.dimension).toBe('money:USD');
  });

  it('reads thousands separators and full-width digits and symbols', () => {
    // The seed writes money as "1,039,209,201.00"; a 年度指标值 may be typed in full width.
    expect(as(parseValue('1,000家'), 'quantitative').value.eq(1000)).toBe(true);
    expect(as(parseValue('1,039,209,201.00'), 'quantitative').value.eq('1039209201')).toBe(true);
    const t = as(parseValue('≥１０００家'), 'quantitative');
    expect(t.value.eq(1000)).toBe(true);
    expect(as(parseValue('＞２２台'), 'quantitative').comparator).toBe('>');
    expect(as(parseValue('≧5个'), 'quantitative').comparator).toBe('≥');
  });

  it('reads comparator words before and after the number', () => {
    expect(as(parseValue('不少于3个'), 'quantitative').comparator).toBe('≥');
    expect(as(parseValue('不低于90家'), 'quantitative').comparator).toBe('≥');
    expect(as(parseValue('达到10场'), 'quantitative').comparator).toBe('≥');
    expect(as(parseValue('不超过5次'), 'quantitative').comparator).toBe('≤');
    expect(as(parseValue('不高于2次'), 'quantitative').comparator).toBe('≤');
    expect(as(parseValue('100家以上'), 'quantitative').comparator).toBe('≥');
    expect(as(parseValue('3次以下'), 'quantitative').comparator).toBe('≤');
    // 成本指标 | 项目预算控制数(元) | 小于57万元 | 56.45万元
    const t = as(parseValue('小于57万元'), 'quantitative');
    expect(t.comparator).toBe('<');
    expect(t.value.eq(570000)).toBe(true);
    // 前10名: a rank, smaller is better
    const r = as(parseValue('前10名'), 'quantitative');
    expect(r.comparator).toBe('≤');
    expect(r.rank).toBe(true);
    expect(r.value.eq(10)).toBe(true);
    // 第3名: a rank reached, no comparator
    const n = as(parseValue('第3名'), 'quantitative');
    expect(n.rank).toBe(true);
    expect(n.comparator).toBeNull();
  });

  it('notes a comparator that contradicts its suffix word, keeping the symbol', () => {
    const v = as(parseValue('≥24小时内'), 'duration');
    expect(v.comparator).toBe('≥');
    expect(v.notes).toEqual(['比较符“≥”与词尾的“≤”不一致，按“≥”理解']);
  });

  it('marks 约 as approximate', () => {
    // 采购办公设备数量 | =40台 | 约100台 | 4 | 3
    const a = as(parseValue('约100台'), 'quantitative');
    expect(a.approximate).toBe(true);
    expect(a.value.eq(100)).toBe(true);
    expect(a.unit?.symbol).toBe('台');
  });

  it('reads a range "5-10家" as lower and upper bounds', () => {
    const r = as(parseValue('5-10家'), 'quantitative');
    expect(r.comparator).toBe('between');
    expect(r.value.eq(5)).toBe(true);
    expect(r.upper?.eq(10)).toBe(true);
    expect(r.unit?.symbol).toBe('家');
    // 5～10万元: 50,000 to 100,000 元; "5万-10万元" writes the multiplier on both bounds
    const m = as(parseValue('5～10万元'), 'quantitative');
    expect(m.value.eq(50000)).toBe(true);
    expect(m.upper?.eq(100000)).toBe(true);
    const w = as(parseValue('5万-10万元'), 'quantitative');
    expect(w.value.eq(50000)).toBe(true);
    expect(w.upper?.eq(100000)).toBe(true);
    // 5千-1万元: 5,000 to 10,000 元
    expect(as(parseValue('5千-1万元'), 'quantitative').value.eq(5000)).toBe(true);
  });

  it('reads rates: "/月", "/年", "/季度", "/10个工作日", "/人·天"', () => {
    // 外商投资咨询业务数量 | ≥300宗/月 | 600宗/月
    const m = as(parseValue('≥300宗/月'), 'quantitative');
    expect(m.unit?.symbol).toBe('宗');
    expect(m.per?.unit?.symbol).toBe('月');
    // 带动服务外包企业就业人数 | ≥1500人/年 | 4395人
    expect(as(parseValue('≥1500人/年'), 'quantitative').per?.unit?.scale.eq(12)).toBe(true);
    // 与上级部门开展联系频次 | 2次/季度 | 8次/全年
    expect(as(parseValue('2次/季度'), 'quantitative').per?.unit?.scale.eq(3)).toBe(true);
    expect(as(parseValue('8次/全年'), 'quantitative').per?.unit?.scale.eq(12)).toBe(true);
    // 新媒体更新频次 | ≥1次/10个工作日
    const w = as(parseValue('≥1次/10个工作日'), 'quantitative');
    expect(w.per?.count.eq(10)).toBe(true);
    expect(w.per?.unit?.symbol).toBe('个工作日');
    // 伙食补助和市内交通费用成本控制 | ≤180元/人·天
    const p = as(parseValue('≤180元/人·天'), 'quantitative');
    expect(p.value.eq(180)).toBe(true);
    expect(p.per?.text).toBe('人·天');
    expect(p.per?.unit).toBeNull();
  });

  it('keeps the value of "value，remark" and the remark', () => {
    // 参训企业满意度 | ≥85% | 100%，无企业投诉 | 10 | 8
    const a = as(parseValue('100%，无企业投诉'), 'percent');
    expect(a.value.eq(1)).toBe(true);
    expect(a.remark).toBe('无企业投诉');
  });
});

describe('percent', () => {
  it('stores percentages as fractions', () => {
    // 企业问题处理率 | ≥95% | 96.74%
    const t = as(parseValue('≥95%'), 'percent');
    expect(t.comparator).toBe('≥');
    expect(t.value.eq('0.95')).toBe(true);
    expect(as(parseValue('96.74%'), 'percent').value.eq('0.9674')).toBe(true);
    // 成本控制率 | ≤100% | 98%
    expect(as(parseValue('≤100%'), 'percent').comparator).toBe('≤');
    // 一般性项目支出总额占比 | 小于等于5% | 0.11%
    const s = as(parseValue('小于等于5%'), 'percent');
    expect(s.comparator).toBe('≤');
    expect(s.value.eq('0.05')).toBe(true);
    expect(as(parseValue('0.11%'), 'percent').value.eq('0.0011')).toBe(true);
  });

  it('reads negative percentages and 下降/增长', () => {
    // 社消零增速 | ≥7% | -5.2% | 3 | 0
    expect(as(parseValue('-5.2%'), 'percent').value.eq('-0.052')).toBe(true);
    // 承接国际服务外包执行额增长率 | ≥2.5% | -2.30% | 2 | 0
    expect(as(parseValue('-2.30%'), 'percent').value.eq('-0.023')).toBe(true);
    const down = as(parseValue('下降5%'), 'percent');
    expect(down.value.eq('-0.05')).toBe(true);
    expect(down.change).toBe('decrease');
    expect(as(parseValue('增长3%'), 'percent').value.eq('0.03')).toBe(true);
    expect(as(parseValue('-3%'), 'percent').value.eq('-0.03')).toBe(true);
  });

  it('reads full-width ％ and the spaced "> 95%"', () => {
    // 使用人员满意度 | > 95% | 96%
    const t = as(parseValue('> 95%'), 'percent');
    expect(t.comparator).toBe('>');
    expect(t.value.eq('0.95')).toBe(true);
    expect(as(parseValue('９５％'), 'percent').value.eq('0.95')).toBe(true);
  });
});

describe('date / deadline', () => {
  it('reads 2020/12/31', () => {
    // 完成项目时限 | 2020/12/31 | 2020/12/31
    const v = as(parseValue('2020/12/31'), 'date');
    expect(v.date).toEqual({ year: 2020, month: 12, day: 31 });
  });

  it('reads 年月日 with and without 前', () => {
    // 资金拨付完成时间 | 2020年6月30日 | 2020年3月26日
    expect(as(parseValue('2020年6月30日'), 'date').date).toEqual({ year: 2020, month: 6, day: 30 });
    // 培训完成时间 | 2020年12月31日前 | 2020年12月31日前
    const v = as(parseValue('2020年12月31日前'), 'date');
    expect(v.date).toEqual({ year: 2020, month: 12, day: 31 });
    expect(v.deadline).toBe(true);
  });

  it('reads month-only and year-less deadlines', () => {
    // 2020年完成家政扶贫工作时间 | 12月底前 | 11月25日
    const a = as(parseValue('12月底前'), 'date');
    expect(a.date).toEqual({ month: 12 });
    expect(a.deadline).toBe(true);
    // 统计工作购买服务完成时间 | 2020年12月前 | 2020年12月前
    expect(as(parseValue('2020年12月前'), 'date').date).toEqual({ year: 2020, month: 12 });
    // 综合法规处课题完成时间 | 12月31日前 | 12月31日前完成
    const c = as(parseValue('12月31日前完成'), 'date');
    expect(c.date).toEqual({ month: 12, day: 31 });
    expect(c.suffix).toBe('完成');
  });

  it('reads a two-digit year and a completion phrase after the date', () => {
    // 与20个重要国家和地区开展经贸交流活动 | 20年11月30日 | 20年12月15日
    expect(as(parseValue('20年11月30日'), 'date').date).toEqual({ year: 2020, month: 11, day: 30 });
    // 执行时间 | 2020年12月31日完成支付 | 2020年9月29日
    const v = as(parseValue('2020年12月31日完成支付'), 'date');
    expect(v.date).toEqual({ year: 2020, month: 12, day: 31 });
    expect(v.suffix).toBe('完成支付');
  });

  it('keeps an impossible date as words, with a note', () => {
    // 执行时间 | 2月31日完成支 (cut off by the PDF) | 12月31日完成支付
    const v = as(parseValue('2月31日完成支'), 'qualitative');
    expect(v.notes.join()).toContain('日期无效');
  });
});

describe('duration', () => {
  it('reads hours and 工作日 with comparators', () => {
    // 办公系统故障处理时限要求 | ≤24小时内 | ≤24小时内
    const a = as(parseValue('≤24小时内'), 'duration');
    expect(a.comparator).toBe('≤');
    expect(a.value.eq(24)).toBe(true);
    expect(a.unit.symbol).toBe('小时');
    // 系统故障平均解决时间 | <2小时 | 0.92小时
    expect(as(parseValue('0.92小时'), 'duration').value.eq('0.92')).toBe(true);
    // 政务公开时限要求 | ≤20个工作日
    const w = as(parseValue('≤20个工作日'), 'duration');
    expect(w.value.eq(20)).toBe(true);
    expect(w.unit.dimension).toBe('workdays');
    expect(as(parseValue('5个工作日'), 'duration').comparator).toBeNull();
    // 月度数据提供的滞后时间 | ≤2个月
    expect(as(parseValue('≤2个月'), 'duration').unit.base).toBe('个月');
    expect(as(parseValue('在3个工作日内'), 'duration').comparator).toBe('≤');
    // 天 converts to hours: 3天 = 72 小时
    expect(as(parseValue('3天'), 'duration').value.eq(72)).toBe(true);
  });

  it('reads 7*24小时 as a product', () => {
    // 客户服务 | 7*24小时 | 7*24小时: 7 × 24 = 168 小时
    const v = as(parseValue('7*24小时'), 'duration');
    expect(v.value.eq(168)).toBe(true);
    expect(v.factors?.map((f) => f.toNumber())).toEqual([7, 24]);
  });

  it('reads durations counted from an event', () => {
    // 新闻宣传发布时限要求 | 领导签发后1个工作日内
    const a = as(parseValue('领导签发后1个工作日内'), 'duration');
    expect(a.anchor).toBe('领导签发后');
    expect(a.comparator).toBe('≤');
    expect(a.value.eq(1)).toBe(true);
    // 执行时间 | 市财政同意后7个工作日完成项目调整工作
    const b = as(parseValue('市财政同意后7个工作日完成项目调整工作'), 'duration');
    expect(b.comparator).toBe('≤');
    expect(b.value.eq(7)).toBe(true);
    // 对接联络工作时间点 | 出访团到达前1个工作日: at least one working day ahead
    const c = as(parseValue('出访团到达前1个工作日'), 'duration');
    expect(c.anchor).toBe('出访团到达前');
    expect(c.comparator).toBe('≥');
  });
});

describe('qualitative', () => {
  it('reads the usual words as positive', () => {
    for (const w of ['及时', '有效', '良好', '合格', '完成', '达标', '符合要求', '有效提升', '是', '满意', '及时完成']) {
      expect(as(parseValue(w), 'qualitative').polarity, w).toBe('positive');
    }
  });

  it('reads failures as negative', () => {
    // 结转项目数量 | 1个 | 未支付; 验收合格率 | 合格 | 未验收; 举办…场次 | =1场 | 暂缓举办;
    // 专项资金业务管理系统维护 | 通过测评验收 | 尚未进行测评验收
    for (const w of ['未支付', '未验收', '暂缓举办', '尚未进行测评验收', '未完成', '否']) {
      expect(as(parseValue(w), 'qualitative').polarity, w).toBe('negative');
    }
  });

  it('reads "no complaints received" as none, and hedges as neutral', () => {
    // 企业有效投诉次数 | < 3次 | 暂未收到企业正式投诉
    const v = as(parseValue('暂未收到企业正式投诉'), 'qualitative');
    expect(v.none).toBe(true);
    // 企业对外贸政策知晓度 | 有效提高 | 有待提高 | 15 | 10
    expect(as(parseValue('有待提高'), 'qualitative').polarity).toBe('neutral');
  });

  it('reads grades, with 或以上', () => {
    // 项目履约满意度评价 | 良好或以上 | 良好
    const t = as(parseValue('良好或以上'), 'qualitative');
    expect(t.grade).toEqual({ level: 3, orAbove: true });
    expect(as(parseValue('良好'), 'qualitative').grade).toEqual({ level: 3, orAbove: false });
  });

  it('keeps anything unreadable as neutral words, never throwing', () => {
    // 带动汽车、家电和通讯 | 年内直接拉动汽车 | 直接带动家电和通 (cut off by the PDF)
    expect(as(parseValue('年内直接拉动汽车'), 'qualitative').polarity).toBe('neutral');
    // 完成外贸简报期数 | =3期 | 4期+5份
    expect(parseValue('4期+5份').kind).toBe('qualitative');
    expect(parseValue('').kind).toBe('qualitative');
    expect(parseValue('≥').kind).toBe('qualitative');
    expect(parseValue('1e400').kind).toBe('qualitative');
    // any: a caller outside TypeScript may pass anything
    expect(parseValue(undefined as unknown as string).kind).toBe('qualitative');
  });
});

describe('notApplicable', () => {
  it('reads 不适用, 无, /, -, -- and 暂不考核', () => {
    // 经济效益指标 | 不适用 | 不适用 | 不适用 | 0 | 0; 生态效益指标 | 无 | 无 | 无 | 0 | 0;
    // 纳入家政服务业信用体系的家政企业营业额收入 | 于疫情影响，暂不考 | / | 0 | 0;
    // 观众国家和地区数 | ≥108个 | -- | 8 | 0
    for (const w of ['不适用', '无', '/', '-', '--', '—', '于疫情影响，暂不考', ' 不适用 ']) {
      expect(parseValue(w).kind, w).toBe('notApplicable');
    }
  });
});

describe('unit table', () => {
  it('converts money and keeps counting words apart', () => {
    expect(lookupUnit('万元')?.scale.eq(10000)).toBe(true);
    expect(lookupUnit('亿元')?.scale.eq(100000000)).toBe(true);
    expect(lookupUnit('元')?.dimension).toBe(lookupUnit('亿元')?.dimension);
    expect(lookupUnit('美元')?.dimension).not.toBe(lookupUnit('元')?.dimension);
    expect(lookupUnit('家')?.dimension).not.toBe(lookupUnit('个')?.dimension);
    expect(lookupUnit('万人次')?.scale.eq(10000)).toBe(true);
    for (const u of ['家', '个', '份', '次', '场', '人', '台', '批', '万人次', '平方米', '万元', '亿元', '元', '美元', '万美元', '小时', '天', '工作日', '个月', '年', '篇', '项', '期', '件', '条', '本', '套']) {
      expect(lookupUnit(u), u).toBeDefined();
    }
  });
});

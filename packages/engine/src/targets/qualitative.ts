/**
 * 定性表述 and 不适用: how the words in 年度指标值 / 实际完成值 cells are read (seed 001):
 * 及时, 有效提升, 合格, 良好或以上 …; 未完成, 未支付, 暂缓举办 …; 不适用, 无, "/", "--".
 */
import type { QualitativeValue } from './types.ts';

/** Whole-cell texts meaning the row does not apply (normalised: no spaces). */
const NOT_APPLICABLE = new Set(['不适用', '无', '/', '-', '--', '---', '—', '——', '—-', '无此项', 'N/A', 'NA', 'n/a', '不涉及', '暂不涉及', '空']);

/** Phrases that make a whole cell 不适用 wherever they appear: "于疫情影响，暂不考" (暂不考核, truncated). */
const NOT_APPLICABLE_PHRASE = /暂不考|不予考核|不作考核|不纳入考核|不涉及该项/;

/** True when a (normalised) cell says the row does not apply: 不适用, 无, /, -, 暂不考核 … */
export function isNotApplicable(s: string): boolean {
  return NOT_APPLICABLE.has(s) || NOT_APPLICABLE_PHRASE.test(s);
}

/**
 * Texts saying that nothing of a counted kind happened: "暂未收到企业正式投诉", "无有效投诉",
 * "未发生重大安全事故", "零投诉" — read as 0 when the target counts such events ("<3次").
 */
const NONE = /^(?:暂未|未|没有|无|零)(?:收到|发生|出现|接到)?[\u4e00-\u9fa5]{0,8}?(?:投诉|事故|信访|差错|问题|违规|违纪)[\u4e00-\u9fa5]{0,2}$/;

/** Texts saying the work was not done: 未完成, 未支付, 未验收, 暂缓举办, 尚未进行测评验收, 否, 取消 … */
const NEGATIVE = /^(?:未(?!发生|出现|收到)|尚未|暂未(?!发生|出现|收到)|暂缓|没有|无法|不能|未能|否$|不合格|不达标|不符合|不满意|取消|停办|延期|推迟|缓办|放弃)|未完成|未达到|未达成|未实现|未开展|未支付|未验收|未通过|不合格/;

/** Texts saying it was done or is good: 是, 完成, 及时, 合格, 有效提升, 符合要求, 良好 … */
const POSITIVE = /^(?:是$|已|全部|完成|按时|准时|及时|按期|如期|达到|达标|合格|验收合格|通过|符合|合规|有效|良好|优秀|优|满意|实现|顺利|显著|好$|高于|准确|精准|稳步|持续|得到|卓有成效|积极|平稳|客观|严格|逐步|明显|大幅|较为显著|效果)|完成|达到|实现|合格|提升|提高|改善|优化|保障|满意|良好|有效|显著|充足|平稳|未发生/;

/** Texts that hedge ("有待提高", "待完善") are neither done nor not done. */
const HEDGED = /有待|待提高|待完善|待加强|尚可|基本/;

/** Ordinal grades (等级) a target may be written in: "良好或以上" vs "良好". */
const GRADES: ReadonlyArray<readonly [string, number]> = [
  ['优秀', 4], ['优', 4], ['良好', 3], ['良', 3], ['中等', 2], ['一般', 2], ['合格', 2], ['中', 2], ['及格', 2],
  ['较差', 1], ['差', 1], ['不合格', 1], ['不及格', 1],
];

function readGrade(s: string): QualitativeValue['grade'] | undefined {
  const m = /^(.+?)(或以上|及以上|以上)?$/.exec(s);
  if (!m) return undefined;
  const found = GRADES.find(([w]) => w === m[1]);
  return found ? { level: found[1], orAbove: m[2] !== undefined } : undefined;
}

function readPolarity(s: string, none: boolean, grade: QualitativeValue['grade']): QualitativeValue['polarity'] {
  if (none) return 'positive';
  if (grade !== undefined) return grade.level <= 1 ? 'negative' : 'positive';
  if (NEGATIVE.test(s)) return 'negative';
  if (HEDGED.test(s)) return 'neutral';
  return POSITIVE.test(s) ? 'positive' : 'neutral';
}

/**
 * Reads a (normalised) text that is not a value. Never throws.
 * @param original the text as written, kept in the result
 */
export function readQualitative(original: string, s: string, notes: string[] = []): QualitativeValue {
  const grade = readGrade(s);
  const none = NONE.test(s);
  const polarity = readPolarity(s, none, grade);
  return {
    kind: 'qualitative',
    text: original,
    notes,
    polarity,
    ...(none ? { none: true } : {}),
    ...(grade !== undefined ? { grade } : {}),
  };
}

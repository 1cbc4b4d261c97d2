/**
 * Messages of the codes raised by more than one module: by the rule kinds (rules/) as well as by the
 * scheme's semantic checks, the fact store and the evaluator. A code lives in the catalogue once, so
 * these are declared here, each with one variant per place that raises it (the `at` param says which),
 * and every raiser imports `shared.issue(...)` instead of declaring the code again.
 *
 * Numbers in params are decimal strings as `plain()` writes them (分 for points), never JS numbers.
 */
import { defineMessages } from './catalogue.ts';
import { TYPE_ZH } from '../format/type-names.ts';

/** A declared type's Chinese name (是/否, 枚举…) for finance staff; the word as written when it is not a type. */
const typeZh = (t: string) => TYPE_ZH[t] ?? t;

/** The kinds of things that carry an id (标识) in a scheme. */
export type IdOwner = 'input' | 'metric' | 'indicator' | 'part' | 'item';
const OWNER_ZH: Record<IdOwner, string> = { input: '输入事实', metric: '计算指标', indicator: '指标', part: '分项', item: '评分要点' };

/** What a reference needs to be: declared-type families (rules' checks) or value kinds (evaluation). */
export type Expected = 'numeric' | 'boolean' | 'enum' | 'rows' | 'num' | 'bool' | 'text';
const EXPECTED_ZH: Record<Expected, string> = {
  numeric: '数值型',
  boolean: '是/否型',
  enum: '枚举型',
  rows: '指标行',
  num: '数值',
  bool: '是/否',
  text: '文本',
};
const EXPECTED_EN: Record<Expected, string> = { numeric: 'numeric', boolean: 'boolean', enum: 'enum', rows: 'rows', num: 'num', bool: 'bool', text: 'text' };

/** `internal`: a defect of ours, reported as data all the same. */
type InternalP = { error: string };

/** `duplicate-id`: the same id twice; `firstAt` is the JSON path of its first use, when known. */
type DuplicateIdP = { id: string; owner: IdOwner; firstAt?: string };

/**
 * `fact-type`: a fact or metric of the wrong type.
 * - `rule`: a rule refers to `fact` of declared `type` where `expected` is needed (scheme check);
 * - `metric-formula`: metric `metric` (its label; id `metricId`) uses non-numeric `fact` of `type`;
 * - `metric-run`: metric `metric` needed a number for `fact` while computing;
 * - `read`: a rule read `fact` (its label `label`) as `expected` and found another kind.
 */
type FactTypeP =
  | { at: 'rule'; fact: string; type: string; expected: Expected }
  | { at: 'metric-formula'; metric: string; metricId: string; fact: string; type: string }
  | { at: 'metric-run'; metric: string; metricId: string; fact: string }
  | { at: 'read'; fact: string; label: string; expected: Expected };

/**
 * `undeclared-fact`: a reference to an id the scheme does not declare: from a rule (`rule`), from
 * metric `metric`'s formula (`metric-formula`), or asked for while scoring (`run`).
 */
type UndeclaredP = { at: 'rule'; fact: string } | { at: 'metric-formula'; metric: string; metricId: string; fact: string } | { at: 'run'; fact: string };

/**
 * `formula-syntax`: a formula that does not parse or uses what is not allowed; `reason`/`reasonEn` are
 * the parser's sentence (formula/formula.ts); `metric` (label) and `metricId` when it is a metric's.
 */
type FormulaSyntaxP = { reason: string; reasonEn: string; metric?: string; metricId?: string };

/**
 * `points-mismatch`: parts that should add up to a whole do not (all 分): an indicator's children
 * (`children`, with `name`/`indicator`), a sum rule's parts (`parts`), a checklist's items (`items`).
 */
type PointsMismatchP =
  | { at: 'children'; name: string; indicator: string; points: string; sum: string }
  | { at: 'parts' | 'items'; points: string; sum: string };

/**
 * `score-exceeds-points`: a rule could award more than the indicator's points (all 分): the whole rule
 * (`rule`: its maximum `max`), or one amount of it (`amount`: `what` names it in Chinese, `field` its
 * JSON path under the rule), or a tier's score (`tier`, 1-based).
 */
type ScoreExceedsP =
  | { at: 'rule'; name: string; indicator: string; max: string; points: string }
  | { at: 'amount'; what: string; field: string; amount: string; points: string }
  | { at: 'tier'; tier: number; score: string; points: string };

/**
 * `points-unreachable` (a warning): a rule's most attainable score (the registry's `maxScore`) is below the
 * points it is scored out of (all 分), so no case can reach full marks and the scheme's best total falls short
 * of its 总分: a leaf indicator's rule (`rule`: indicator `name`, id `indicator`) or one part of a 分项合计
 * (`part`: part `part` of indicator `name`).
 */
type PointsUnreachableP =
  | { at: 'rule'; name: string; indicator: string; max: string; points: string }
  | { at: 'part'; name: string; indicator: string; part: string; max: string; points: string };

/**
 * `zero-denominator`: a division by zero with no declared outcome: metric `metric` (label; id
 * `metricId`) with `formula`, or a formula rule's `expression`; `shown` is the formula with values.
 */
type ZeroDenominatorP = { at: 'metric'; metric: string; metricId: string; formula: string; shown: string } | { at: 'rule'; expression: string; shown: string };

/**
 * `not-a-scheme` / `not-a-case`: a document of the wrong kind: not a JSON object at all (no `file`), or
 * file `file` holding the other kind of document (a case given as a scheme, a scheme given as a case).
 */
type WrongDocP = { file?: string };

/**
 * `percent-scale`: a percent written as a number of percent points (95 for 95%). `value` as written,
 * `percent` = value × 100, `fraction` = value ÷ 100.
 * - `fact`: a case's fact (`label`, id `fact`; `max` the declared maximum in percent when there is one);
 * - `tier`: bound `bound` of tier `tier` (1-based) of a tiers rule on percent metric `metric` (its `label`).
 */
type PercentScaleP = { value: string; percent: string; fraction: string } & (
  | { at: 'fact'; label: string; fact: string; max?: string }
  | { at: 'tier'; tier: number; bound: 'min' | 'max'; metric: string; label: string }
  | { at: 'bound'; what: string; whatEn: string; fact: string; label: string; max?: string }
);

/**
 * `bound-outside-range`: a scheme's bound or target on `fact` (its `label`) lies outside the range the fact
 * declares, so it can never (or always) be met. `what`/`whatEn` name the field (e.g. 总分封顶第1段的下限),
 * `value` is shown as in the official text ("120%"), `min`/`max` the declared range shown the same way.
 */
type OutsideRangeP = { what: string; whatEn: string; fact: string; label: string; value: string; min?: string; max?: string };
/** The id in brackets after a label, when the label does not already say it. */
const idZh = (p: { fact: string; label: string }) => (p.fact !== p.label ? `（${p.fact}）` : '');
const rangeZh = (p: OutsideRangeP) => `${p.min ?? '−∞'}～${p.max ?? '+∞'}`;

export const shared = defineMessages({
  'percent-scale': {
    zh: (p: PercentScaleP) =>
      p.at === 'fact'
        ? `事实“${p.label}”（${p.fact}）为百分比，按小数填写（95% 填 0.95）：${p.value} 即 ${p.percent}%${p.max !== undefined ? `，超出上限 ${p.max}%` : ''}；若指 ${p.value}%，应写作 ${p.fraction} 或 "${p.value}%"`
        : p.at === 'bound'
          ? `${p.what} ${p.value} 即 ${p.percent}%${p.max !== undefined ? `，超出上限 ${p.max}%` : ''}：“${p.label}”${idZh(p)}是百分比，按小数填写（95% 填 0.95）；若指 ${p.value}%，应写作 ${p.fraction} 或 "${p.value}%"`
          : `第${p.tier}档的${p.bound === 'min' ? '下限' : '上限'} ${p.value} 即 ${p.percent}%：“${p.label}”是百分比，界限按小数填写（95% 填 0.95）；若指 ${p.value}%，应写作 ${p.fraction} 或 "${p.value}%"`,
    en: (p: PercentScaleP) =>
      p.at === 'fact'
        ? `fact "${p.fact}": percent given as ${p.value} (= ${p.percent}%); if ${p.value}% is meant, write ${p.fraction} or "${p.value}%"`
        : p.at === 'bound'
          ? `${p.whatEn} ${p.value} on percent ${p.fact} reads as ${p.percent}%; for ${p.value}% write ${p.fraction} or "${p.value}%"`
          : `tier ${p.tier}: ${p.bound} ${p.value} of percent metric ${p.metric} reads as ${p.percent}%; for ${p.value}% write ${p.fraction}`,
  },
  'bound-outside-range': {
    severity: 'warning',
    zh: (p: OutsideRangeP) => `${p.what} ${p.value} 超出“${p.label}”${idZh(p)}声明的取值范围 ${rangeZh(p)}，该界限永远达不到（或总能达到）；请核对`,
    en: (p: OutsideRangeP) => `${p.whatEn} ${p.value} lies outside the declared range ${rangeZh(p)} of ${p.fact}; it can never (or always) be reached`,
  },
  'not-a-scheme': {
    zh: (p: WrongDocP) => (p.file !== undefined ? `${p.file} 是案例文件（含 facts），不是方案文件；方案在 schemes/<方案族>/<年度>.json` : '不是方案文档（应为 JSON 对象）'),
    en: (p: WrongDocP) => (p.file !== undefined ? `${p.file} is a case file, not a scheme` : 'not a scheme document (expected a JSON object)'),
  },
  'not-a-case': {
    zh: (p: WrongDocP) => (p.file !== undefined ? `${p.file} 是方案文件（含 indicators），不是案例文件；案例在 schemes/<方案族>/cases/<年度>/` : '不是案例文档（应为 JSON 对象）'),
    en: (p: WrongDocP) => (p.file !== undefined ? `${p.file} is a scheme file, not a case` : 'not a case document (expected a JSON object)'),
  },
  internal: {
    zh: (p: InternalP) => `内部错误：${p.error}`,
    en: (p: InternalP) => `internal error: ${p.error}`,
  },
  'duplicate-id': {
    zh: (p: DuplicateIdP) => (p.firstAt ? `标识“${p.id}”重复（${OWNER_ZH[p.owner]}；此前见于 ${p.firstAt}）` : `${OWNER_ZH[p.owner]}标识“${p.id}”重复`),
    en: (p: DuplicateIdP) => (p.firstAt ? `duplicate id "${p.id}" (first at ${p.firstAt})` : `duplicate ${p.owner} id "${p.id}"`),
  },
  'fact-type': {
    zh: (p: FactTypeP) => {
      switch (p.at) {
        case 'rule':
          return `“${p.fact}”的类型为${typeZh(p.type)}，此处需要${EXPECTED_ZH[p.expected]}`;
        case 'metric-formula':
          return `计算指标“${p.metric}”的公式引用了非数值的“${p.fact}”（${typeZh(p.type)}）`;
        case 'metric-run':
          return `计算指标“${p.metric}”需要数值“${p.fact}”`;
        case 'read':
          return `“${p.label}”应为${EXPECTED_ZH[p.expected]}`;
      }
    },
    en: (p: FactTypeP) => {
      switch (p.at) {
        case 'rule':
          return `"${p.fact}" has type ${p.type}, ${EXPECTED_EN[p.expected]} expected here`;
        case 'metric-formula':
          return `metric ${p.metricId} uses non-numeric "${p.fact}" (${p.type})`;
        case 'metric-run':
          return `metric ${p.metricId} needs a number for ${p.fact}`;
        case 'read':
          return `${p.fact} must be ${EXPECTED_EN[p.expected]}`;
      }
    },
  },
  'undeclared-fact': {
    zh: (p: UndeclaredP) =>
      p.at === 'rule' ? `引用了未声明的事实或计算指标“${p.fact}”` : p.at === 'metric-formula' ? `计算指标“${p.metric}”的公式引用了未声明的“${p.fact}”` : `未声明的事实“${p.fact}”`,
    en: (p: UndeclaredP) =>
      p.at === 'rule' ? `references undeclared fact or metric "${p.fact}"` : p.at === 'metric-formula' ? `metric ${p.metricId} references undeclared "${p.fact}"` : `undeclared fact "${p.fact}"`,
  },
  'formula-syntax': {
    zh: (p: FormulaSyntaxP) => (p.metric !== undefined ? `计算指标“${p.metric}”：${p.reason}` : p.reason),
    en: (p: FormulaSyntaxP) => (p.metricId !== undefined ? `metric ${p.metricId}: ${p.reasonEn}` : p.reasonEn),
  },
  'points-mismatch': {
    zh: (p: PointsMismatchP) =>
      p.at === 'children'
        ? `指标“${p.name}”分值 ${p.points} 分，下级指标分值合计 ${p.sum} 分，两者不符`
        : `${p.at === 'parts' ? '分项分值' : '评分要点分数'}合计 ${p.sum} 分，与本项分值 ${p.points} 分不符`,
    en: (p: PointsMismatchP) =>
      p.at === 'children'
        ? `indicator ${p.indicator}: points ${p.points} but children add up to ${p.sum}`
        : `${p.at === 'parts' ? 'parts' : 'checklist items'} add up to ${p.sum}, the points are ${p.points}`,
  },
  'points-unreachable': {
    zh: (p: PointsUnreachableP) =>
      p.at === 'rule'
        ? `指标“${p.name}”按规则最高只能得${p.max}分，低于分值${p.points}分`
        : `指标“${p.name}”的分项“${p.part}”按规则最高只能得${p.max}分，低于分值${p.points}分`,
    en: (p: PointsUnreachableP) =>
      p.at === 'rule'
        ? `rule of ${p.indicator} can award at most ${p.max}, less than its ${p.points} points`
        : `part "${p.part}" of ${p.indicator} can award at most ${p.max}, less than its ${p.points} points`,
    severity: 'warning',
  },
  'score-exceeds-points': {
    zh: (p: ScoreExceedsP) =>
      p.at === 'rule'
        ? `指标“${p.name}”的规则最多可得 ${p.max} 分，超过分值 ${p.points} 分`
        : p.at === 'amount'
          ? `${p.what} ${p.amount} 分超出本项分值 0–${p.points} 分`
          : `第${p.tier}档得分 ${p.score} 分超出本项分值 0–${p.points} 分`,
    en: (p: ScoreExceedsP) =>
      p.at === 'rule'
        ? `rule of ${p.indicator} can award ${p.max}, more than its ${p.points} points`
        : p.at === 'amount'
          ? `${p.field} ${p.amount} is outside 0–${p.points} points`
          : `tier ${p.tier} awards ${p.score}, outside 0–${p.points}`,
  },
  'zero-denominator': {
    zh: (p: ZeroDenominatorP) =>
      p.at === 'metric' ? `计算指标“${p.metric}”时分母为 0（${p.formula} = ${p.shown}）` : `公式 ${p.expression} 无法计算：分母为 0（${p.shown}）`,
    en: (p: ZeroDenominatorP) => (p.at === 'metric' ? `metric ${p.metricId}: division by zero (${p.shown})` : `formula ${p.expression} divides by zero (${p.shown})`),
  },
});

/** The issue of an unexpected exception (a defect of ours), as data: code `internal`. */
export function internalIssue(e: unknown) {
  return shared.issue('internal', { error: String(e) });
}

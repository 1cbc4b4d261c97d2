/**
 * Formulas (公式) over facts and metrics. mathjs parses the text (Chinese identifiers allowed:
 * `已完成项目数/计划完成项目总数*6`) — its parser only, built with `create` from the parse dependencies,
 * not the whole library; the parsed tree is checked against a whitelist and compiled once into closures
 * over exact decimals (Dec), so evaluation is exact and fast and user text is never passed to
 * eval/new Function.
 * Allowed: numbers, percents written as such (`25%` is 0.25, and is shown as 25% in explanations),
 * identifiers, + - * / ^ (whole powers), comparisons (giving 1 or 0), and / or / not, `c ? a : b`,
 * parentheses, and min max abs round floor ceil sum; and an enum fact compared with one of its values in
 * quotes (`考核口径 == "结转结余率"`, `!=`; issue 10 item 8), giving 1 or 0.
 */
import { create, factory, parseDependencies, type FactoryFunctionMap, type MathNode } from 'mathjs';
import { Dec, plain } from '../decimal/dec.ts';
import { CannotCompute } from '../evaluate/context.ts';
import { formulaMessages } from './messages.ts';

const MAX_ROUND_PLACES = 20;

/** What allowChineseIdentifiers changes: a mathjs parse function (of any instance). */
interface ParseWithAlpha {
  isAlpha(c: string, cPrev: string, cNext: string): boolean;
}

/**
 * Makes a mathjs instance's parser also take Chinese characters in identifiers
 * (`已完成项目数/计划完成项目总数*6`). The bench's full mathjs (bench/jre.ts) uses it too.
 */
export function allowChineseIdentifiers(parse: ParseWithAlpha): void {
  const baseIsAlpha = parse.isAlpha.bind(parse);
  parse.isAlpha = (c: string, cPrev: string, cNext: string) => baseIsAlpha(c, cPrev, cNext) || /\p{Script=Han}/u.test(c);
}

/**
 * The factories of mathjs's parser (its parse dependencies, collected from the nested dependency map),
 * less two that only evaluation uses and that pull in most of the library: `Unit` (which a SymbolNode
 * looks up when it is *evaluated*; SymbolNode takes it as optional) brings rounding, powers, matrix
 * inversion…; `subset` (what an AccessorNode or AssignmentNode *evaluates*) brings matrix addition and
 * concatenation. jixiao only parses with mathjs — formulas run as Dec closures (`build` below) — so
 * `subset` is a stub that says so. Building the parser costs ~18 ms of CPU instead of ~140 ms.
 */
function parserFactories(): FactoryFunctionMap {
  const byName = new Map<string, FactoryFunctionMap[string]>();
  const collect = (deps: object): void => {
    for (const [k, v] of Object.entries(deps)) {
      if (k.startsWith('create')) byName.set((v as { fn: string }).fn, v as FactoryFunctionMap[string]);
      else if (v && typeof v === 'object') collect(v as object);
    }
  };
  // mathjs's typings declare every dependency map possibly undefined (some builds leave some out); this
  // build (the default "any" entry) has them all, so a missing one fails loudly at the first parse
  collect(parseDependencies!);
  byName.delete('Unit');
  byName.set(
    'subset',
    factory('subset', [], () => () => {
      throw new Error('mathjs subset is not used: jixiao only parses formulas with mathjs');
    }),
  );
  return Object.fromEntries([...byName].map(([name, f]) => [`create${name}`, f]));
}

/**
 * mathjs's parser and nothing else (`create` with the parser's factories above): constants read as
 * BigNumbers so that no digit of `0.1234567890123456789` is lost on the way to Dec. Made on the first
 * formula parsed, not when the engine is imported, so a server start or a command that parses no
 * formula does not pay for it.
 */
let mathParse: ReturnType<typeof create>['parse'] | undefined;
function parseMath(source: string): MathNode {
  if (!mathParse) {
    const math = create(parserFactories(), { number: 'BigNumber', precision: 64 });
    allowChineseIdentifiers(math.parse);
    mathParse = math.parse;
  }
  return mathParse(source);
}

/** Arity of each allowed function: [min, max] arguments. */
const FUNCTIONS: Readonly<Record<string, [number, number]>> = {
  min: [1, Infinity],
  max: [1, Infinity],
  sum: [1, Infinity],
  abs: [1, 1],
  floor: [1, 1],
  ceil: [1, 1],
  round: [1, 2],
};

/** The functions a formula may call (for editors' completion). */
export const FORMULA_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS);

/** Values of a formula's symbols: a Map, or any reader of values by id. */
export interface FormulaScope {
  get(id: string): Dec | undefined;
  has(id: string): boolean;
  /** The text value of an enum symbol compared with a quoted value (`Formula.textSymbols`); absent when the formula has none. */
  text?(id: string): string | undefined;
}

/** A parsed, checked formula ready to run. */
export interface Formula {
  source: string;
  /** Fact and metric ids the formula reads, in order of first use. */
  symbols: string[];
  /**
   * Pairs of fact or metric ids whose values the formula adds, subtracts or compares directly (`a + b`,
   * `(a) - b`, `min(a, 1) > b`), so the scheme check can refuse quantities of different kinds (金额 + 人数,
   * 元 + 万元) as conditions do. An operand whose kind is not one symbol's (a product, a quotient, a
   * constant) is left out: `a / b - 1` compares nothing.
   */
  addedPairs: [string, string][];
  /** Symbols compared with a quoted value (`考核口径 == "结转结余率"`): enum facts, read as text. */
  textSymbols: string[];
  /** Each quoted comparison: the symbol and the value it is compared with (checked against the enum's options). */
  textComparisons: [string, string][];
  /**
   * Runs the formula; `scope` maps each symbol to its value. Returns null on division by zero.
   * @throws CannotCompute for a power with no exact value or a bad round() (issues formula-power, formula-round).
   */
  run(scope: FormulaScope): Dec | null;
  /**
   * The formula with values substituted, for traces: "104.92万元 ÷ 143.40万元". Constants are written
   * as in the formula ("÷ 4", "25%"), except, when `isPercent` says which symbols are percents, a
   * constant from 0 to 1 that is the other operand of such a symbol (+ − × ÷ or a comparison): it is a
   * share of the same kind and is written as a percent — 序时进度 `一季度部门预算支出进度 / 0.25` reads
   * "32.79% ÷ 25%", while `(…) / 4` stays "÷ 4".
   */
  substitute(scope: FormulaScope, show: (id: string, d: Dec) => string, isPercent?: (id: string) => boolean): string;
}

export type FormulaResult = { ok: true; formula: Formula } | { ok: false; message: string; messageEn: string };

type Fn = (scope: FormulaScope) => Dec;

/** Thrown inside a running formula on division by zero; `run` turns it into null. */
class DivideByZero extends Error {}

const ONE = new Dec(1);
const ZERO = new Dec(0);
const bool = (b: boolean) => (b ? ONE : ZERO);

interface Nodeish {
  type: string;
  /** mathjs marks `25%` as the OperatorNode 25 / 100 with isPercentage. */
  isPercentage?: boolean;
  name?: string;
  op?: string;
  fn?: { name?: string };
  args?: MathNode[];
  value?: unknown;
  content?: MathNode;
  condition?: MathNode;
  trueExpr?: MathNode;
  falseExpr?: MathNode;
}

/** A constant's value (mathjs gives it as a BigNumber or a JS number), or an error text for what is not a finite number. */
function constant(n: Nodeish): Dec | string {
  const v = n.value;
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || v === undefined) return `常量 ${JSON.stringify(v)}（公式中只能使用数字）`;
  try {
    return new Dec(String(v));
  } catch {
    // NaN, Infinity, 1e9999999: not a number a rule can use (it would read as a zero denominator)
    return `常量“${String(v)}”（公式中只能使用有限的数字）`;
  }
}

/**
 * Whether an addition is mathjs's reading of `a + 5%` as a + a × 5% (a percent added to what comes
 * before it): its right side multiplies its left side by a percent.
 */
function isPercentOf(n: Nodeish): boolean {
  const right = n.args?.[1] as unknown as Nodeish | undefined;
  const pct = right?.args?.[1] as unknown as Nodeish | undefined;
  return right?.type === 'OperatorNode' && right.op === '*' && right.args?.[0] === n.args?.[0] && pct?.isPercentage === true;
}

/** `symbol == "value"` or `"value" != symbol`: the symbol and the quoted value, else null. */
function textComparison(n: Nodeish): [string, string] | null {
  if (n.type !== 'OperatorNode' || (n.op !== '==' && n.op !== '!=') || n.args?.length !== 2) return null;
  const [a, b] = n.args.map((m) => m as unknown as Nodeish);
  if (a!.type === 'SymbolNode' && b!.type === 'ConstantNode' && typeof b!.value === 'string') return [a!.name!, b!.value];
  if (b!.type === 'SymbolNode' && a!.type === 'ConstantNode' && typeof a!.value === 'string') return [b!.name!, a!.value];
  return null;
}

/** Compiles a checked mathjs node into a decimal closure; returns an error text for what is not allowed. */
function build(node: MathNode): Fn | string {
  const n = node as unknown as Nodeish;
  switch (n.type) {
    case 'ConstantNode': {
      const d = constant(n);
      return typeof d === 'string' ? d : () => d;
    }
    case 'SymbolNode': {
      const name = n.name!;
      return (scope) => {
        const v = scope.get(name);
        if (v === undefined) throw new Error(`no value for ${name}`);
        return v;
      };
    }
    case 'ParenthesisNode':
      return build(n.content!);
    case 'ConditionalNode': {
      const c = build(n.condition!);
      const a = build(n.trueExpr!);
      const b = build(n.falseExpr!);
      if (typeof c === 'string') return c;
      if (typeof a === 'string') return a;
      if (typeof b === 'string') return b;
      return (s) => (c(s).isZero() ? b(s) : a(s));
    }
    case 'OperatorNode': {
      if (n.isPercentage) {
        // `25%`: a number written as a percent, nothing else (`a%` would read as a ÷ 100)
        const c = n.args?.[0] as unknown as Nodeish | undefined;
        if (c?.type !== 'ConstantNode') return '百分号（%）跟在数字以外的内容之后（百分号只能写在数字后，如 25%）';
        const d = constant(c);
        if (typeof d === 'string') return d;
        const pct = d.div(100);
        return () => pct;
      }
      const tc = textComparison(n);
      if (tc) {
        const [name, value] = tc;
        const eq = n.op === '==';
        return (s) => bool((s.text?.(name) === value) === eq);
      }
      if ((n.op === '+' || n.op === '-') && isPercentOf(n)) {
        return `“${n.op} 百分数”（含义不明：加减百分点请写作小数，如 + 0.05；按比例增减请写作 × (1 + 5%)）`;
      }
      const args = (n.args ?? []).map(build);
      const bad = args.find((a) => typeof a === 'string');
      if (typeof bad === 'string') return bad;
      const [x, y] = args as Fn[];
      if (args.length === 1) {
        if (n.op === '-') return (s) => x!(s).neg();
        if (n.op === '+') return x!;
        if (n.op === 'not') return (s) => bool(x!(s).isZero());
        return `运算符 ${n.op}`;
      }
      if (args.length !== 2) return `运算符 ${n.op}`;
      switch (n.op) {
        case '+':
          return (s) => x!(s).plus(y!(s));
        case '-':
          return (s) => x!(s).minus(y!(s));
        case '*':
          return (s) => x!(s).times(y!(s));
        case '/':
          return (s) => {
            const d = y!(s);
            if (d.isZero()) throw new DivideByZero();
            return x!(s).div(d);
          };
        case '^':
          return (s) => {
            const b = x!(s);
            const e = y!(s);
            try {
              return b.pow(e);
            } catch {
              // a power that is not whole (or too large) has no exact value
              throw new CannotCompute(formulaMessages.issue('formula-power', { base: plain(b), exponent: plain(e) }));
            }
          };
        case '>':
          return (s) => bool(x!(s).gt(y!(s)));
        case '>=':
          return (s) => bool(x!(s).gte(y!(s)));
        case '<':
          return (s) => bool(x!(s).lt(y!(s)));
        case '<=':
          return (s) => bool(x!(s).lte(y!(s)));
        case '==':
          return (s) => bool(x!(s).eq(y!(s)));
        case '!=':
          return (s) => bool(!x!(s).eq(y!(s)));
        case 'and':
          return (s) => bool(!x!(s).isZero() && !y!(s).isZero());
        case 'or':
          return (s) => bool(!x!(s).isZero() || !y!(s).isZero());
        default:
          return `运算符 ${n.op}`;
      }
    }
    case 'FunctionNode': {
      const name = n.fn?.name ?? '';
      const arity = FUNCTIONS[name];
      if (!arity) return `函数 ${name}`;
      const args = (n.args ?? []).map(build);
      const bad = args.find((a) => typeof a === 'string');
      if (typeof bad === 'string') return bad;
      if (args.length < arity[0] || args.length > arity[1]) {
        return `函数 ${name} 的参数个数（${args.length}个；应为${arity[0] === arity[1] ? arity[0] : `${arity[0]}${arity[1] === Infinity ? '个或以上' : `–${arity[1]}`}`}）`;
      }
      const fs = args as Fn[];
      switch (name) {
        case 'min':
          return (s) => Dec.min(...fs.map((f) => f(s)));
        case 'max':
          return (s) => Dec.max(...fs.map((f) => f(s)));
        case 'sum':
          return (s) => fs.reduce((a, f) => a.plus(f(s)), ZERO);
        case 'abs':
          return (s) => fs[0]!(s).abs();
        case 'floor':
          return (s) => fs[0]!(s).floor();
        case 'ceil':
          return (s) => fs[0]!(s).ceil();
        default:
          // round(x) or round(x, places), half-up as finance staff round; places a whole number 0–20
          return (s) => {
            const places = fs[1] ? fs[1](s) : ZERO;
            if (!places.isInteger() || places.lt(ZERO) || places.gt(MAX_ROUND_PLACES)) {
              throw new CannotCompute(formulaMessages.issue('formula-round', { places: plain(places) }));
            }
            return fs[0]!(s).toDecimalPlaces(places.toNumber(), Dec.ROUND_HALF_UP);
          };
      }
    }
    default:
      return `语法 ${n.type}`;
  }
}

/** A constant written beside a percent: as a percent when it lies from 0 to 1 ("0.25" → "25%"), else as written. */
function percentConstant(text: string): string {
  const d = new Dec(text);
  return d.gt(0) && d.lte(1) ? `${plain(d.times(100))}%` : text;
}

/** mathjs's parse errors, the kinds a user meets, in Chinese: "Unexpected end of expression (char 10)" → "公式不完整（第10个字符处）". */
const PARSE_ERRORS_ZH: readonly [RegExp, string][] = [
  [/^Unexpected end of expression/, '公式不完整，末尾缺少数值或标识'],
  [/^Value expected/, '缺少数值或标识'],
  [/^Parenthesis \) expected/, '缺少右括号“)”'],
  [/^Unexpected operator/, '多余或错位的运算符'],
  [/^Unexpected character/, '无法识别的字符'],
  [/^Syntax error in part/, '语法错误'],
  [/^Unterminated string/, '引号未闭合'],
];

function parseErrorZh(msg: string): string {
  const at = /\(char (\d+)\)/.exec(msg);
  const what = PARSE_ERRORS_ZH.find(([re]) => re.test(msg))?.[1] ?? '语法错误';
  return at ? `第${at[1]}个字符处${what}` : what;
}

const ADDITIVE = new Set(['+', '-', '<', '>', '<=', '>=', '==', '!=']);
const SAME_KIND_FUNCTIONS = new Set(['min', 'max', 'abs', 'round', 'floor', 'ceil', 'sum']);

/** The one symbol whose kind an operand has (`a`, `(a)`, `-a`, `a + b`, `min(a, b)`), or null. */
function kindSymbol(node: MathNode, fnNames: Set<MathNode>): string | null {
  const x = node as unknown as Nodeish;
  if (x.type === 'SymbolNode') return fnNames.has(node) ? null : x.name!;
  if (x.type === 'ParenthesisNode') return x.content ? kindSymbol(x.content, fnNames) : null;
  if (x.type === 'OperatorNode' && !x.isPercentage && (x.op === '+' || x.op === '-')) {
    for (const a of x.args ?? []) {
      const k = kindSymbol(a, fnNames);
      if (k !== null) return k;
    }
    return null;
  }
  if (x.type === 'FunctionNode' && SAME_KIND_FUNCTIONS.has(x.fn?.name ?? '')) {
    for (const a of x.args ?? []) {
      const k = kindSymbol(a, fnNames);
      if (k !== null) return k;
    }
  }
  return null;
}

/** The pairs a formula adds, subtracts or compares (see `Formula.addedPairs`). */
function addedPairs(node: MathNode, fnNames: Set<MathNode>): [string, string][] {
  const out: [string, string][] = [];
  node.traverse((n: MathNode) => {
    const x = n as unknown as Nodeish;
    if (x.type !== 'OperatorNode' || x.isPercentage || x.args?.length !== 2 || !ADDITIVE.has(x.op ?? '')) return;
    const a = kindSymbol(x.args[0]!, fnNames);
    const b = kindSymbol(x.args[1]!, fnNames);
    if (a !== null && b !== null && a !== b) out.push([a, b]);
  });
  return out;
}

/**
 * What no case's facts can make right, found before any case is scored: a division by the constant 0 and a
 * power whose exponent is a constant that is not a whole number (no exact value: `(-1)^0.5`, `x^0.5`).
 */
function literalProblem(node: MathNode): { zh: string; en: string } | null {
  let found: { zh: string; en: string } | null = null;
  node.traverse((n: MathNode) => {
    const x = n as unknown as Nodeish;
    if (found || n.type !== 'OperatorNode' || x.args?.length !== 2) return;
    const right = x.args[1] as unknown as Nodeish;
    if (right.type !== 'ConstantNode') return;
    const d = constant(right);
    if (typeof d === 'string') return; // refused as it is compiled, with its own message
    if (x.op === '/' && d.isZero()) found = { zh: '除以常数 0，任何案例都无法计算', en: 'divides by the constant 0' };
    else if (x.op === '^' && !d.isInteger()) {
      found = { zh: `中的乘方 ^ ${plain(d)} 不是整数次幂，无法精确计算（只能用整数次幂）`, en: `power ^ ${plain(d)} is not a whole number and has no exact value` };
    }
  });
  return found;
}

/**
 * Parses, checks and compiles a formula. Errors (syntax, forbidden construct, wrong number of
 * arguments, text constants) come back as data in Chinese and English; nothing throws.
 */
export function parseFormula(source: string): FormulaResult {
  const sign = /[×÷]/.exec(source);
  if (sign) {
    const as = sign[0] === '×' ? '*' : '/';
    return {
      ok: false,
      message: `公式无法解析：${source}（第${sign.index + 1}个字符“${sign[0]}”：公式中${sign[0] === '×' ? '乘号' : '除号'}请写作 ${as}）`,
      messageEn: `formula does not parse: ${source} (write "${sign[0]}" as ${as}, char ${sign.index + 1})`,
    };
  }
  let node: MathNode;
  try {
    node = parseMath(source);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `公式无法解析：${source}（${parseErrorZh(msg)}）`, messageEn: `formula does not parse: ${source} (${msg})` };
  }
  const fnNames = new Set<MathNode>();
  const symbols: string[] = [];
  // constants whose other operand is a symbol (the symbol's name): written as percents beside percent symbols
  const beside = new Map<MathNode, string>();
  node.traverse((n: MathNode, path: string, parent: MathNode | null) => {
    const x = n as unknown as Nodeish;
    if (n.type === 'OperatorNode' && !x.isPercentage && x.args?.length === 2) {
      const [a, b] = x.args.map((m) => m as unknown as Nodeish);
      if (a!.type === 'ConstantNode' && typeof a!.value !== 'string' && b!.type === 'SymbolNode') beside.set(x.args[0]!, b!.name!);
      if (b!.type === 'ConstantNode' && typeof b!.value !== 'string' && a!.type === 'SymbolNode') beside.set(x.args[1]!, a!.name!);
    }
    if (n.type !== 'SymbolNode') return;
    if (parent && parent.type === 'FunctionNode' && path === 'fn') {
      fnNames.add(n);
      return;
    }
    const name = (n as unknown as Nodeish).name!;
    if (!symbols.includes(name)) symbols.push(name);
  });
  const textComparisons: [string, string][] = [];
  node.traverse((n: MathNode) => {
    const tc = textComparison(n as unknown as Nodeish);
    if (tc) textComparisons.push(tc);
  });
  const textSymbols = [...new Set(textComparisons.map(([id]) => id))];
  const literal = literalProblem(node);
  if (literal) return { ok: false, message: `公式“${source}”${literal.zh}`, messageEn: `formula "${source}": ${literal.en}` };
  const fn = build(node);
  if (typeof fn === 'string') {
    return {
      ok: false,
      message: `公式中不允许使用${fn}：“${source}”（可用数字、百分数如 25%、标识、+ - * / ^、比较、min max abs round floor ceil sum）`,
      messageEn: `formula uses a forbidden construct (${fn}): "${source}"`,
    };
  }
  // The trace template: the formula's text with a marker where each symbol's value goes, and where a
  // constant beside a symbol goes ("\u0001symbol\u0001constant": see substitute).
  const marked = node
    .toString({
      handler: (n: MathNode) => {
        const x = n as unknown as Nodeish;
        if (x.isPercentage) return `${String((x.args?.[0] as unknown as Nodeish).value)}%`;
        const by = beside.get(n);
        if (by !== undefined) return `\u0000\u0001${by}\u0001${String(x.value)}\u0000`;
        return n.type === 'SymbolNode' && !fnNames.has(n) ? `\u0000${x.name}\u0000` : undefined;
      },
    })
    .replace(/\*/g, '×')
    .replace(/\//g, '÷')
    // mathjs brackets a percent as the division it is ("a / (25%)"): the percent needs none
    .replace(/\(([0-9.]+%)\)/g, '$1');
  const pieces = marked.split('\u0000');
  return {
    ok: true,
    formula: {
      source,
      symbols,
      addedPairs: addedPairs(node, fnNames),
      textSymbols,
      textComparisons,
      run(scope) {
        try {
          return fn(scope);
        } catch (e) {
          if (e instanceof DivideByZero) return null;
          throw e;
        }
      },
      substitute(scope, show, isPercent) {
        // odd pieces are symbol names, or constants beside a symbol ("\u0001symbol\u0001constant")
        return pieces
          .map((p, i) => {
            if (i % 2 === 0) return p;
            if (p.startsWith('\u0001')) {
              const [, by, text] = p.split('\u0001');
              return isPercent?.(by!) ? percentConstant(text!) : text!;
            }
            const t = scope.text?.(p);
            if (t !== undefined) return `“${t}”`;
            return scope.has(p) ? show(p, scope.get(p)!) : p;
          })
          .join('');
      },
    },
  };
}

/**
 * Formulas (公式) over facts and metrics, parsed by mathjs with BigNumber arithmetic (decimal.js inside).
 * Chinese identifiers are allowed (`已完成项目数/计划完成项目总数*6`). User text is never passed to
 * eval/new Function: the parsed tree is checked against a whitelist of node types, operators and
 * functions before mathjs compiles it.
 */
import { create, all, type MathNode, type MathJsInstance, type EvalFunction } from 'mathjs';
import { Dec } from '../decimal/dec.ts';

const math: MathJsInstance = create(all as NonNullable<typeof all>, { number: 'BigNumber', precision: 64 });
const baseIsAlpha = math.parse.isAlpha;
math.parse.isAlpha = (c: string, cPrev: string, cNext: string) =>
  baseIsAlpha(c, cPrev, cNext) || /\p{Script=Han}/u.test(c);

const OPERATORS = new Set(['+', '-', '*', '/', '^', '>', '>=', '<', '<=', '==', '!=', 'and', 'or', 'not']);
const FUNCTIONS = new Set(['min', 'max', 'abs', 'round', 'floor', 'ceil', 'sum']);

/** A parsed, checked formula ready to run. */
export interface Formula {
  source: string;
  /** Fact and metric ids the formula reads, in order of first use. */
  symbols: string[];
  /** Runs the formula; `scope` maps each symbol to its value. Returns null for ±Infinity/NaN (division by zero). */
  run(scope: ReadonlyMap<string, Dec>): Dec | null;
  /** The formula with values substituted, for traces: "104.92 / 143.4". */
  substitute(scope: ReadonlyMap<string, Dec>, show: (id: string, d: Dec) => string): string;
}

export type FormulaResult = { ok: true; formula: Formula } | { ok: false; message: string; messageEn: string };

/**
 * Parses and checks a formula. Errors (syntax, forbidden construct) come back as data, in Chinese and
 * English; nothing throws.
 */
export function parseFormula(source: string): FormulaResult {
  let node: MathNode;
  try {
    node = math.parse(source);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `公式无法解析：${source}（${msg}）`, messageEn: `formula does not parse: ${source} (${msg})` };
  }
  const symbols: string[] = [];
  let bad: string | null = null;
  node.traverse((n: MathNode, path: string, parent: MathNode | null) => {
    if (bad) return;
    switch (n.type) {
      case 'ConstantNode':
      case 'ParenthesisNode':
      case 'ConditionalNode':
        return;
      case 'SymbolNode': {
        const name = (n as MathNode & { name: string }).name;
        if (parent && parent.type === 'FunctionNode' && path === 'fn') return;
        if (!symbols.includes(name)) symbols.push(name);
        return;
      }
      case 'OperatorNode': {
        const op = (n as MathNode & { op: string }).op;
        if (!OPERATORS.has(op)) bad = `运算符 ${op}`;
        return;
      }
      case 'FunctionNode': {
        const fn = (n as MathNode & { fn: { name?: string } }).fn.name ?? '';
        if (!FUNCTIONS.has(fn)) bad = `函数 ${fn}`;
        return;
      }
      default:
        bad = `语法 ${n.type}`;
    }
  });
  if (bad) {
    return {
      ok: false,
      message: `公式中不允许使用${bad}：${source}（可用 + - * / ^、比较、min max abs round floor ceil sum）`,
      messageEn: `formula uses a forbidden construct (${bad}): ${source}`,
    };
  }
  const compiled: EvalFunction = node.compile();
  return {
    ok: true,
    formula: {
      source,
      symbols,
      run(scope) {
        const s: Record<string, unknown> = {};
        for (const id of symbols) {
          const v = scope.get(id);
          if (v !== undefined) s[id] = math.bignumber(v.toString());
        }
        const r: unknown = compiled.evaluate(s);
        const text = typeof r === 'boolean' ? (r ? '1' : '0') : String(r);
        if (!/^-?[0-9.]+(e[+-]?[0-9]+)?$/i.test(text)) return null;
        return new Dec(text);
      },
      substitute(scope, show) {
        const replaced = node.transform((n: MathNode, path: string, parent: MathNode | null) => {
          if (n.type === 'SymbolNode' && !(parent && parent.type === 'FunctionNode' && path === 'fn')) {
            const id = (n as MathNode & { name: string }).name;
            const v = scope.get(id);
            if (v !== undefined) return new math.SymbolNode(show(id, v));
          }
          return n;
        });
        return replaced.toString().replace(/\*/g, '×').replace(/\//g, '÷');
      },
    },
  };
}

/**
 * The message catalogue (错误信息目录): every `Issue` code has one entry giving its Chinese and English
 * text as functions of the issue's typed `params`, the way ajv keeps one `error.message` per keyword.
 *
 * Each concept declares its own messages beside its code (`defineMessages` in `rules/<kind>/messages.ts`,
 * `facts/messages.ts`, …); they all land in this one catalogue, keyed by code, and a code may be defined
 * only once. Every face can re-render an issue from `code` + `params` (`renderIssue`), so a message can be
 * translated or reworded in one place.
 */
import type { Issue, IssueParams, IssueSeverity, IssueWhere } from './issue.ts';

/** One catalogue entry: the Chinese text for finance staff and the English text for logs and the CLI. */
export interface MessageDef<P extends IssueParams> {
  // Method syntax on purpose: the catalogue stores entries of different param shapes under MessageDef<IssueParams>,
  // which needs the parameter to be checked bivariantly (a function-typed property would be contravariant).
  zh(p: P): string;
  en(p: P): string;
  /** Default severity of this code (error unless said). */
  severity?: IssueSeverity;
}

// The catalogue holds entries of many param shapes; each is called only with params made for its own code
// (MessageDef's methods take their params bivariantly, so every entry fits MessageDef<IssueParams>).
const CATALOGUE = new Map<string, MessageDef<IssueParams>>();

/** Maker of issues for the codes one module defines: `m.issue('tier-gap', { tier: 2, region }, where)`. */
export interface Messages<D extends Record<string, MessageDef<IssueParams>>> {
  issue<C extends keyof D & string>(code: C, params: D[C] extends MessageDef<infer P> ? P : never, where?: IssueWhere): Issue;
  /** The definitions, for tests. */
  readonly defs: D;
}

/**
 * Declares the messages of one module into the catalogue. Throws at module load if a code is declared twice
 * (a programming error, caught by any test that imports the engine).
 */
export function defineMessages<D extends Record<string, MessageDef<IssueParams>>>(defs: D & { [C in keyof D]: D[C] }): Messages<D> {
  for (const [code, def] of Object.entries(defs)) {
    if (CATALOGUE.has(code) && CATALOGUE.get(code) !== def) throw new Error(`message code "${code}" is defined twice`);
    CATALOGUE.set(code, def);
  }
  return {
    defs,
    issue(code, params, where = {}) {
      const def = defs[code]!;
      const out: Issue = {
        code,
        severity: where.severity ?? def.severity ?? 'error',
        params: defined(params),
        message: def.zh(params as never),
        messageEn: def.en(params as never),
        path: where.path ?? '',
      };
      if (where.indicator !== undefined) out.indicator = where.indicator;
      if (where.fact !== undefined) out.fact = where.fact;
      return out;
    },
  };
}

/** Params without the keys whose value is undefined (so an issue is the same after a JSON round trip). */
function defined<P extends IssueParams>(p: P): P {
  return Object.values(p).includes(undefined) ? (Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as P) : p;
}

/** The catalogue entry of a code, or undefined for an unknown code. */
export function messageDef(code: string): MessageDef<IssueParams> | undefined {
  return CATALOGUE.get(code);
}

/** Every code in the catalogue (for tests and documentation). */
export function catalogueCodes(): string[] {
  return [...CATALOGUE.keys()].sort();
}

/**
 * The param that names the indicator an issue kept from being scored (set by `evaluate` via `unscoredAt`):
 * both texts then begin 指标“…”无法计分： / indicator "…" cannot be scored:.
 */
export const UNSCORED_PARAM = 'unscoredIndicator';

function withUnscored(p: IssueParams, t: { zh: string; en: string }): { zh: string; en: string } {
  const name = p[UNSCORED_PARAM];
  return typeof name === 'string' ? { zh: `指标“${name}”无法计分：${t.zh}`, en: `indicator "${name}" cannot be scored: ${t.en}` } : t;
}

/**
 * The param that names the indicators reading a fact whose value is wrong (set by `evaluate` via `usedByAt`,
 * from the rules and metrics that read it): both texts then end （用于指标：政府采购、…） / (read by: …).
 */
export const USED_BY_PARAM = 'usedByIndicators';

function withUsedBy(p: IssueParams, t: { zh: string; en: string }): { zh: string; en: string } {
  const names = p[USED_BY_PARAM];
  return Array.isArray(names) && names.length ? { zh: `${t.zh}（用于指标：${names.join('、')}）`, en: `${t.en} (read by indicator ${names.map((n) => `"${n}"`).join(', ')})` } : t;
}

/**
 * An issue's text rendered again from its code and params (e.g. an issue that crossed JSON from the server):
 * `{ zh, en }`; falls back to the texts the issue carries when its code is not in this catalogue.
 */
export function renderIssue(i: Pick<Issue, 'code' | 'params' | 'message' | 'messageEn'>): { zh: string; en: string } {
  const def = CATALOGUE.get(i.code);
  if (!def || !i.params) return { zh: i.message, en: i.messageEn };
  return withUnscored(i.params, withUsedBy(i.params, { zh: def.zh(i.params), en: def.en(i.params) }));
}

/**
 * The issue of a fact's value (`fact-range`, `fact-negative`, `percent-scale`…) with the names of the indicators
 * that read the fact (`names`, 指标名称, in the scheme's order): same code and params, plus `USED_BY_PARAM`, its
 * texts ending （用于指标：…）. Unchanged when `names` is empty or the code is not in the catalogue.
 */
export function usedByAt(i: Issue, names: readonly string[]): Issue {
  if (!names.length || !i.params || !CATALOGUE.has(i.code)) return i;
  const params = { ...i.params, [USED_BY_PARAM]: names };
  const t = renderIssue({ ...i, params });
  return { ...i, params, message: t.zh, messageEn: t.en };
}

/**
 * The issue that kept leaf indicator `name` (its Chinese name) from being scored: same code and params,
 * plus `UNSCORED_PARAM`, its texts prefixed accordingly. An issue without params (made by the deprecated
 * `issue()`) gets the prefix on its Chinese text only, as before.
 */
export function unscoredAt(i: Issue, name: string): Issue {
  if (!i.params || !CATALOGUE.has(i.code)) return { ...i, message: `指标“${name}”无法计分：${i.message}` };
  const params = { ...i.params, [UNSCORED_PARAM]: name };
  const t = renderIssue({ ...i, params });
  return { ...i, params, message: t.zh, messageEn: t.en };
}

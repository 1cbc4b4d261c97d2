/**
 * Errors are data (as in ajv): every problem with a user's scheme or facts is an `Issue`,
 * never a thrown stack trace. Each face (CLI, server, editor) shows `message` (Chinese) and,
 * where a developer reads it, `messageEn` beside it.
 */
export type IssueSeverity = 'error' | 'warning';

/** A value an issue's message is built from (JSON-serialisable, so issues cross the API intact). */
export type IssueParam = string | number | boolean | null | readonly string[];
/** Typed parameters of an issue; the catalogue entry of its code turns them into text. */
export type IssueParams = { readonly [k: string]: IssueParam | undefined };

/** Where an issue points, and its severity when not the code's default. */
export interface IssueWhere {
  path?: string;
  indicator?: string;
  fact?: string;
  severity?: IssueSeverity;
}

export interface Issue {
  /** Stable machine code, e.g. `points-mismatch`, `tier-gap`, `fact-missing`. */
  code: string;
  severity: IssueSeverity;
  /** The values the message is built from (its catalogue entry says which); see `errors/catalogue.ts`. */
  params?: IssueParams;
  /** 中文说明，给财政局用户看。 */
  message: string;
  /** English text beside it, for logs and the CLI. */
  messageEn: string;
  /** JSON Pointer into the document (scheme or case), e.g. `/indicators/0/children/1/rule/tiers/2`. */
  path: string;
  /** Indicator id, when the problem belongs to one. */
  indicator?: string;
  /** Fact or metric id, when the problem is about one. */
  fact?: string;
}

/** `"/a/b"` + `"c"` → `"/a/b/c"`, escaping per RFC 6901. */
export function pointer(base: string, ...segments: (string | number)[]): string {
  return base + segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The names of a scheme's indicators and facts by id (`schemeNames` in display/scheme-names.ts gives them). */
export interface IssueNames {
  indicators: ReadonlyMap<string, string>;
  facts: ReadonlyMap<string, string>;
}

/** `指标“满意度”（satisfaction）` when the scheme names the id (differently), else `指标 satisfaction`. */
function named(what: string, id: string, names: ReadonlyMap<string, string> | undefined): string {
  const name = names?.get(id);
  return name && name !== id ? `${what}“${name}”（${id}）` : `${what} ${id}`;
}

/** One line for a terminal: `错误 [code] message（指标 id，事实 id，位置 path）` then the English. */
export function formatIssue(i: Issue): string {
  return formatNamedIssue(i, undefined);
}

/**
 * `formatIssue` with the scheme's names (`schemeNames`): the indicator and fact are named by name with the
 * id beside — `（指标“满意度”（satisfaction），位置 /indicators/0/points）`; by id when `names` lacks them.
 */
export function formatNamedIssue(i: Issue, names: IssueNames | undefined): string {
  const where = [i.indicator && named('指标', i.indicator, names?.indicators), i.fact && named('事实', i.fact, names?.facts), i.path && `位置 ${i.path}`]
    .filter(Boolean)
    .join('，');
  return `${i.severity === 'error' ? '错误' : '警告'} [${i.code}] ${i.message}${where ? `（${where}）` : ''}\n    ${i.messageEn}`;
}

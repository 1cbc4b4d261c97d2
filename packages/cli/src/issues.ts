/** Printing the engine's Issues (Chinese message, English beside, indicator/fact/JSON path). */
import { formatNamedIssue, renderIssue, schemeNames, type Issue } from '@jixiao/engine';

/**
 * Every issue as terminal lines (formatNamedIssue: `错误 [code] 中文（位置）` then the English), the texts
 * rendered from the message catalogue by code and params (the texts it carries for a code it lacks).
 * `scheme`: the scheme document the issues are about, when known (valid or not): indicators and facts are
 * then named by their names with the id beside — （指标“满意度”（satisfaction），位置 …） — not by id alone.
 */
export function issueLines(issues: readonly Issue[], scheme?: unknown): string[] {
  const names = scheme === undefined ? undefined : schemeNames(scheme);
  return issues.map((i) => {
    const t = renderIssue(i);
    return formatNamedIssue({ ...i, message: t.zh, messageEn: t.en }, names);
  });
}

export function errorsOf(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => i.severity === 'error');
}

export function warningsOf(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => i.severity !== 'error');
}

/** "3 个错误、1 条警告" / "3 errors, 1 warning". */
export function countText(issues: readonly Issue[]): { zh: string; en: string } {
  const e = errorsOf(issues).length;
  const w = issues.length - e;
  const zh = [e && `${e} 个错误`, w && `${w} 条警告`].filter(Boolean).join('、') || '无问题';
  const en = [e && `${e} error${e === 1 ? '' : 's'}`, w && `${w} warning${w === 1 ? '' : 's'}`].filter(Boolean).join(', ') || 'no issues';
  return { zh, en };
}

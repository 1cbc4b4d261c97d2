/**
 * A Chinese message for JSON text that does not parse ("JSON 语法错误：第 3 行第 5 列：缺少逗号"),
 * in place of the browser's English JSON.parse text. The place comes from jsonc-parser (strict:
 * no comments, no trailing commas), lines and columns counted from 1. A member name written twice in one
 * object is refused too (JSON.parse would keep the last silently), with its JSON path — the engine's
 * finder, the one the server and the CLI refuse it with.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { findDuplicateKey } from '@jixiao/engine/duplicate-keys';

const WHAT: Record<string, string> = {
  InvalidSymbol: '无法识别的符号（属性名和文字须用英文双引号括起）',
  InvalidNumberFormat: '数字格式错误',
  PropertyNameExpected: '应为用双引号括起的属性名',
  ValueExpected: '缺少值',
  ColonExpected: '缺少冒号',
  CommaExpected: '缺少逗号',
  CloseBraceExpected: '缺少右花括号 }',
  CloseBracketExpected: '缺少右方括号 ]',
  EndOfFileExpected: '文档结束后还有多余内容',
  InvalidCommentToken: 'JSON 不允许注释',
  UnexpectedEndOfComment: '注释未结束',
  UnexpectedEndOfString: '字符串未结束（缺少右双引号）',
  UnexpectedEndOfNumber: '数字未结束',
  InvalidUnicode: '无效的 Unicode 转义',
  InvalidEscapeCharacter: '无效的转义字符',
  InvalidCharacter: '字符串中含有无效字符',
};

/** Line and column (from 1) of an offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/**
 * Chinese description of the first syntax error of `text` (or of a member name written twice), or null
 * when it reads as written. JSON.parse decides validity; jsonc-parser only locates and names the error.
 */
export function jsonSyntaxError(text: string): string | null {
  try {
    JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (!first) return text.trim() === '' ? 'JSON 语法错误：文档为空' : 'JSON 语法错误';
    const { line, column } = lineColumn(text, first.offset);
    const what = WHAT[printParseErrorCode(first.error)];
    return `JSON 语法错误：第 ${line} 行第 ${column} 列${what ? `：${what}` : ''}`;
  }
  const dup = findDuplicateKey(text);
  if (!dup) return null;
  const { line, column } = lineColumn(text, dup.offset);
  return `JSON 属性名重复：第 ${line} 行第 ${column} 列，属性名“${dup.key}”在同一对象中出现两次（JSON 路径 ${dup.field}）；读取时只会保留后一个，请删去或改名其中一个`;
}

/**
 * The CLI's messages have no catalogue of their own: each refusal is a Chinese line and an English one
 * beside it (`usageError(zh, en)`, or a line list whose English lines are indented four spaces). This test
 * reads the CLI's source (TypeScript's parser) and checks every English text: no Han character and no
 * Chinese punctuation (、，：（）) in its literal parts, and no Chinese text interpolated into it — a
 * `.message` (the Chinese half of an issue or a store refusal) where `.messageEn` is meant, or a list
 * joined with 、. Values from the user (a file name, an id) are interpolated and not checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Chinese in a text: Han characters, CJK punctuation (、。「」) and full-width forms (，：（）). */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60]/u;

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** An English text of the CLI: its literal parts and the source of each interpolated expression. */
interface EnglishText {
  at: string;
  literal: string;
  expressions: string[];
}

function textOf(node: ts.Node, sf: ts.SourceFile): { literal: string; expressions: string[] } | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { literal: node.text, expressions: [] };
  if (ts.isTemplateExpression(node)) {
    return { literal: node.head.text + node.templateSpans.map((s) => s.literal.text).join('\u0000'), expressions: node.templateSpans.map((s) => s.expression.getText(sf)) };
  }
  return null;
}

/** Every English text of the CLI's refusals: usageError's second argument, and the four-space-indented lines of a line list. */
function englishTexts(): EnglishText[] {
  const files = (readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.ts'));
  const out: EnglishText[] = [];
  for (const f of files) {
    const sf = ts.createSourceFile(f, readFileSync(join(SRC, f), 'utf8'), ts.ScriptTarget.Latest, true);
    const add = (node: ts.Node) => {
      const t = textOf(node, sf);
      if (t) out.push({ at: `${f}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`, ...t });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'usageError' && node.arguments[1]) add(node.arguments[1]);
      if (ts.isArrayLiteralExpression(node)) {
        for (const e of node.elements) {
          const t = textOf(e, sf);
          if (t?.literal.startsWith('    ')) add(e);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

describe('the CLI’s English messages', () => {
  const texts = englishTexts();

  it('finds the English halves (usage errors and indented English lines)', () => {
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.some((t) => t.at.startsWith('commands/new-year.ts'))).toBe(true);
  });

  it('have no Chinese in their own words', () => {
    expect(texts.filter((t) => CHINESE.test(t.literal)).map((t) => `${t.at}: ${t.literal}`)).toEqual([]);
  });

  it('interpolate no Chinese text: .messageEn, not .message, of an issue or a refusal; lists joined with ", "', () => {
    // `e.message` of a plain Error (Node's, in English) is read into a variable first (`msg`); a `.message` here is an issue's or a refusal's Chinese
    const chineseValue = (x: string) => /\.message\b(?!En)/.test(x) || /join\('、'\)/.test(x) || /\b(zh|\w+Zh)\b/.test(x) || /\bCHINESE|_ZH\b/.test(x);
    expect(texts.flatMap((t) => t.expressions.filter(chineseValue).map((x) => `${t.at}: \${${x}}`))).toEqual([]);
  });
});

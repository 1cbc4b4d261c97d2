/**
 * A case's own fields have one name each, defined once (`CASE_FIELD_LABELS`, packages/engine/src/display/labels.ts)
 * and imported by every face: no source of the editor, the office package, the CLI or the server writes its own
 * words for them. The words retired here (被评价部门, 单位名称) were the second and third names of 部门（单位）名称;
 * 项目名称 and 主管部门 stand only in the definition.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './bundled-schemes.ts';

/** The .ts/.tsx files under a folder. */
function sources(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f));
}

/** Lines of code (not comments) holding a string literal with one of `words`. */
function literalUses(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const pkg of ['editor', 'office', 'cli', 'server']) {
    for (const file of sources(join(REPO_ROOT, 'packages', pkg, 'src'))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.trim();
          if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
          const quoted = [...code.matchAll(/(['"`])((?:\\.|(?!\1).)*)\1|>([^<>{}]+)</g)].map((m) => m[2] ?? m[3] ?? '');
          if (quoted.some((q) => words.some((w) => q.includes(w)))) out.push(`${relative(REPO_ROOT, file)}:${i + 1}: ${code}`);
        });
    }
  }
  return out;
}

describe('a case’s name and department are labelled from one definition', () => {
  it('no face writes 被评价部门 or 单位名称 of its own', () => {
    expect(literalUses(['被评价部门', '单位名称'])).toEqual([]);
  });

  it('no face writes 项目名称 or 主管部门 as a label of its own', () => {
    expect(literalUses(['项目名称', '主管部门'])).toEqual([]);
  });
});

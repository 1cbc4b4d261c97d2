/**
 * The rendering of every mechanical rule back into Chinese is compared with the official 参考评分标准
 * text stored in the scheme (whitespace and punctuation normalised only); the match rate is printed.
 */
import { describe, expect, it } from 'vitest';
import { criterionMatches, type Indicator } from '@jixiao/engine';
import { allSchemes } from './load.ts';

function leaves(nodes: Indicator[]): Indicator[] {
  return nodes.flatMap((n) => (n.children ? leaves(n.children) : [n]));
}

describe('rendered 评分标准 match the official text', () => {
  for (const s of allSchemes().filter((x) => x.doc.family.endsWith('-department'))) {
    it(`${s.doc.family}/${s.doc.year}`, () => {
      const rows = leaves(s.doc.indicators)
        .filter((l) => l.criterion !== undefined && l.rule !== undefined)
        .map((l) => ({ id: l.id, r: criterionMatches(s.doc, l.id)! }));
      const matched = rows.filter((x) => x.r.match);
      const mismatched = rows.filter((x) => !x.r.match);
      console.log(`${s.doc.family}/${s.doc.year}: 评分标准渲染一致 ${matched.length}/${rows.length}` + mismatched.map((m) => `\n  ✗ ${m.id}\n    官方: ${m.r.official}\n    渲染: ${m.r.rendered}`).join(''));
      expect(rows.length).toBeGreaterThan(10);
      expect(mismatched.map((m) => m.id)).toEqual([]);
    });
  }
});

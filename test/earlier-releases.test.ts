/**
 * Compatibility: documents written by an earlier release still load and score the same.
 *
 * test/fixtures/earlier-releases/<date>/ holds schemes and cases exactly as a release of that date wrote
 * them (byte for byte, taken from the repository's history: see the README there). Each must still pass
 * validation, compile, and score every indicator, the total and the grade as its counterpart in today's
 * schemes/ does — the bundled documents have been edited since (render hints, publication hashes, a case's
 * 主管部门), but what they score has not changed. The figures compared are the engine's on today's documents,
 * which the golden tests hold to the seed reports; here the old case's own `reported` scores (transcribed from
 * the seeds) are audited too: every difference from them is one the old case itself documents.
 *
 * The old documents are read as every face reads a document: through `upgradeScheme` / `upgradeCase`
 * (format/version.ts), which applies the migrations from their format version (none written: 1) to today's.
 * When the format changes in a way older documents do not satisfy, this test fails: raise FORMAT_VERSION and
 * register the migration that reads them (and keep these files as they are).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditCase, compile, evaluate, formatIssue, upgradeCase, upgradeScheme, validateCase, validateScheme, type CaseDoc, type Scheme, type SheetNode, type UpgradeResult } from '@jixiao/engine';
import { SCHEMES_DIR } from './load.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/earlier-releases/', import.meta.url));
const read = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** A document read as every face reads one: through the format's upgrade (format/version.ts), which must accept it. */
function upgraded<T>(r: UpgradeResult): T {
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.doc as T;
}

/** Every node's id, score and status, depth first: what "scores the same" compares. */
function scores(nodes: readonly SheetNode[]): [string, string, string][] {
  return nodes.flatMap((n) => [[n.id, n.score, n.status] as [string, string, string], ...scores(n.children ?? [])]);
}

/** The case files of a release, relative to its folder: <family>/cases/<year>/<case>.json. */
function caseFiles(release: string): string[] {
  const out: string[] = [];
  for (const family of readdirSync(release, { withFileTypes: true })) {
    if (!family.isDirectory()) continue;
    const casesDir = join(release, family.name, 'cases');
    for (const year of readdirSync(casesDir)) for (const f of readdirSync(join(casesDir, year))) out.push(join(family.name, 'cases', year, f));
  }
  return out.sort();
}

function scoreOf(scheme: Scheme, doc: CaseDoc) {
  const compiled = compile(scheme);
  if (!compiled.ok) throw new Error(compiled.issues.map(formatIssue).join('\n'));
  const r = evaluate(compiled.compiled, doc);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.sheet;
}

const releases = readdirSync(FIXTURES).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));

describe('documents of earlier releases', () => {
  it('are kept for at least one release, with schemes of both kinds and their cases', () => {
    expect(releases.length).toBeGreaterThan(0);
    for (const r of releases) expect(caseFiles(join(FIXTURES, r)).length).toBeGreaterThanOrEqual(2);
  });

  for (const release of releases) {
    const dir = join(FIXTURES, release);
    describe(release, () => {
      for (const file of caseFiles(dir)) {
        it(`${file}: validates, and scores every indicator, the total and the grade as today's document does`, () => {
          const oldCase = upgraded<CaseDoc>(upgradeCase(read(join(dir, file))));
          const family = file.split('/')[0]!;
          const oldScheme = upgraded<Scheme>(upgradeScheme(read(join(dir, family, `${oldCase.scheme.year}.json`))));
          expect(validateScheme(oldScheme).filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
          expect(validateCase(oldCase).filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);

          const then = scoreOf(oldScheme, oldCase);
          const now = scoreOf(read<Scheme>(join(SCHEMES_DIR, family, `${oldCase.scheme.year}.json`)), read<CaseDoc>(join(SCHEMES_DIR, file)));
          expect({ total: then.total, grade: then.grade, nodes: scores(then.nodes) }).toEqual({ total: now.total, grade: now.grade, nodes: scores(now.nodes) });
          // and against the report the old case transcribes: nothing differs that the case does not document
          expect(auditCase(then, oldCase).differences.filter((d) => !d.documented)).toEqual([]);
        });
      }
    });
  }
});

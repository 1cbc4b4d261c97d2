/**
 * The versions worker's jobs (run directly, without a worker) and the comparison's grouping, on the
 * real Shenzhen 2021 and 2024 schemes (seeds 000 and 002): 2024 changed only wording — 财务合规性's
 * 评分标准 drops "得1分" after 会计核算制度 (also in its 会计核算规范性 part), and 公众或服务对象满意度
 * reads "一般采取社会调查的方式" where 2021 had "采用".
 */
import { describe, expect, it } from 'vitest';
import { diffSchemes, newYear, type Scheme } from '@jixiao/engine';
import { runDiff, runImpact } from '../src/worker/versions-jobs.ts';
import { groupChanges } from '../src/versions/CompareView.tsx';
import { textParts } from '../src/versions/TextSides.tsx';
import { loadScheme } from './harness.tsx';

const y2021 = loadScheme('shenzhen-department/2021.json');
const y2024 = loadScheme('shenzhen-department/2024.json');

describe('runDiff', () => {
  it('gives the engine changes and, per changed indicator, its points and rendered 评分标准 in both versions', () => {
    const r = runDiff({ kind: 'diff', a: y2021, b: y2024 });
    if (!r.ok) throw new Error(r.message);
    expect(r.changes).toEqual(diffSchemes(y2021, y2024));
    expect(r.indicators.map((i) => i.id)).toEqual(['financial-compliance', 'satisfaction']);
    const sat = r.indicators[1]!;
    expect([sat.a?.points, sat.b?.points]).toEqual([6, 6]);
    expect(sat.a?.criterion).toContain('一般采用社会调查的方式');
    expect(sat.b?.criterion).toContain('一般采取社会调查的方式');
  });

  it('groups the changes by indicator, in reading order', () => {
    const r = runDiff({ kind: 'diff', a: y2021, b: y2024 });
    if (!r.ok) throw new Error(r.message);
    const groups = groupChanges(r.changes, r.indicators);
    expect(groups.map((g) => [g.title, g.changes.map((c) => c.kind)])).toEqual([
      ['财务合规性', ['criterion-changed', 'judgement-guidance-changed']],
      ['公众或服务对象满意度', ['criterion-changed']],
    ]);
  });

  it('reports a document too broken to compare instead of throwing', () => {
    const r = runDiff({ kind: 'diff', a: y2021, b: { indicators: 'none' } });
    expect(r.ok).toBe(false);
  });
});

describe('textParts (side-by-side marking)', () => {
  it('marks the changed word only', () => {
    const parts = textParts('一般采用社会调查的方式', '一般采取社会调查的方式');
    expect(parts.filter((p) => p.removed).map((p) => p.value)).toEqual(['采用']);
    expect(parts.filter((p) => p.added).map((p) => p.value)).toEqual(['采取']);
  });
});

describe('runImpact', () => {
  it('says which side cannot be compiled', () => {
    const ny = newYear(y2024 as Scheme, 2025);
    if (!ny.ok) throw new Error('newYear failed');
    const broken = { ...ny.doc, totalPoints: '一百分' };
    const r = runImpact({ kind: 'impact', draft: broken, baseline: y2024, cases: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.side).toBe('draft');
      expect(r.issues.some((i) => i.path === '/totalPoints')).toBe(true);
    }
    const back = runImpact({ kind: 'impact', draft: ny.doc, baseline: broken, cases: [] });
    expect(!back.ok && back.side).toBe('baseline');
  });

  it('warns when the baseline is not the content the draft was made from', () => {
    const ny = newYear(y2024 as Scheme, 2025);
    if (!ny.ok) throw new Error('newYear failed');
    const same = runImpact({ kind: 'impact', draft: ny.doc, baseline: y2024, cases: [] });
    expect(same.ok && same.warnings).toEqual([]);
    // a draft baseline may change (a published one changed by hand is invalid and refused)
    const { publishedAt: _at, contentHash: _hash, ...unstamped } = y2024 as Record<string, unknown>;
    const edited = runImpact({ kind: 'impact', draft: ny.doc, baseline: { ...unstamped, status: 'draft', title: '改过的标题' }, cases: [] });
    expect(edited.ok && edited.warnings.map((w) => w.code)).toEqual(['baseline-changed']);
  });
});

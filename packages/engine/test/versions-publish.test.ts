import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPublication, contentHash, diffSchemes, newYear, publish, validateScheme, type Scheme } from '../src/index.ts';

const root = new URL('../../../', import.meta.url);
const load = (p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8')) as Scheme;

/** The 2025 draft based on the real 2024 scheme (a valid draft). */
function draft2025(): Scheme {
  const r = newYear(load('schemes/shenzhen-department/2024.json'), 2025);
  if (!r.ok) throw new Error('newYear failed');
  return r.doc;
}

const NOW = '2025-03-01T08:00:00.000Z';

describe('publish', () => {
  it('publishes a valid draft: status, time, content hash; the content is otherwise unchanged', () => {
    const d = draft2025();
    expect(validateScheme(d).filter((i) => i.severity === 'error')).toEqual([]);
    const r = publish(d, new Date(NOW));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.status).toBe('published');
    expect(r.doc.publishedAt).toBe(NOW);
    expect(r.doc.contentHash).toBe(contentHash(d));
    expect(r.doc.contentHash).toBe(contentHash(r.doc));
    expect(diffSchemes(d, r.doc)).toEqual([]);
    // the stamps sit together right after status
    const keys = Object.keys(r.doc);
    expect(keys.slice(keys.indexOf('status'), keys.indexOf('status') + 3)).toEqual(['status', 'publishedAt', 'contentHash']);
    // the draft itself is untouched
    expect(d.status).toBe('draft');
    expect(d.contentHash).toBeUndefined();
  });

  it('accepts an ISO string for the time and refuses a bad one', () => {
    const ok = publish(draft2025(), NOW);
    expect(ok.ok && ok.doc.publishedAt).toBe(NOW);
    const bad = publish(draft2025(), 'not a time');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.code).toBe('bad-time');
  });

  it('refuses an already published document', () => {
    const r = publish(load('schemes/shenzhen-department/2024.json'), NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.code)).toEqual(['already-published']);
      expect(r.issues[0]!.message).toContain('已发布');
    }
  });

  it('refuses an invalid draft, listing its errors', () => {
    const d = draft2025() as Scheme & { indicators: { points: number }[] };
    d.indicators[0]!.points = 25; // 部门决策 20 → 25: children (10 + 10) no longer add up, total 105
    const r = publish(d, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]!.code).toBe('publish-invalid');
      expect(r.issues.slice(1).every((i) => i.severity === 'error')).toBe(true);
      expect(r.issues.length).toBeGreaterThan(1);
    }
  });

  it('refuses what is not a scheme object', () => {
    const r = publish([1], NOW);
    expect(r.ok).toBe(false);
  });
});

describe('checkPublication (a published document is immutable)', () => {
  const published = () => {
    const r = publish(draft2025(), NOW);
    if (!r.ok) throw new Error('publish failed');
    return r.doc;
  };

  it('finds nothing wrong with a freshly published document', () => {
    expect(checkPublication(published())).toEqual([]);
  });

  it('detects a published file changed afterwards (a tier score, a text, a point)', () => {
    const edits: ((d: Scheme) => void)[] = [
      (d) => {
        const t = (d.indicators[2]!.children![3]!.children![1]!.rule as { tiers: { score: number | string }[] }).tiers;
        t[0]!.score = 5;
      },
      (d) => {
        d.indicators[0]!.children![0]!.children![0]!.criterion += '。';
      },
      (d) => {
        d.totalPoints = 99;
      },
    ];
    for (const edit of edits) {
      const d = published();
      edit(d);
      const issues = checkPublication(d);
      expect(issues.map((i) => i.code)).toEqual(['published-modified']);
      expect(issues[0]!.severity).toBe('error');
      expect(issues[0]!.message).toContain('发布后被修改');
      expect(issues[0]!.path).toBe('/contentHash');
    }
  });

  it('does not count re-indenting or reordering keys as a change', () => {
    const d = published();
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(d).reverse()), null, 4)) as Scheme;
    expect(checkPublication(reordered)).toEqual([]);
  });

  it('warns about a published document without stamps (as the seeds were first transcribed)', () => {
    const { publishedAt: _at, contentHash: _hash, ...unstamped } = load('schemes/shenzhen-department/2024.json');
    const codes = checkPublication(unstamped).map((i) => i.code);
    expect(codes).toEqual(['published-without-hash', 'published-without-time']);
  });

  it('warns about a draft carrying publication stamps', () => {
    const d = { ...draft2025(), contentHash: 'sha256:00' };
    expect(checkPublication(d).map((i) => [i.code, i.severity])).toEqual([['draft-has-publish-fields', 'warning']]);
  });
});

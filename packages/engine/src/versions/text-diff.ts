/**
 * Compact text changes (文字变更): where two versions of an official text differ, shown in one line
 * with a little context — "…一般“采用”→“采取”社会调查的方式…", "…会计核算制度〔删去“得1分”〕，未按规定…".
 * Chinese is compared word by word (Intl.Segmenter, where the runtime has it; else character by
 * character), with jsdiff.
 */
import { diffChars, diffWords, type ChangeObject } from 'diff';

/** One changed stretch: text removed, text added, and the unchanged text around it. */
export interface TextHunk {
  /** Unchanged text just before (at most `context` characters); `cutBefore` when more precedes it. */
  before: string;
  cutBefore: boolean;
  removed: string;
  added: string;
  after: string;
  cutAfter: boolean;
}

const segmenter: Intl.Segmenter | null = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

function pieces(a: string, b: string): ChangeObject<string>[] {
  return segmenter ? diffWords(a, b, { intlSegmenter: segmenter }) : diffChars(a, b);
}

/**
 * The changed stretches between `a` and `b`, each with up to `context` characters of unchanged text
 * either side. Changes separated by fewer than 4 unchanged characters are merged into one stretch.
 */
export function textHunks(a: string, b: string, context = 8): TextHunk[] {
  if (a === b) return [];
  const parts = pieces(a, b);
  const hunks: { start: number; end: number }[] = [];
  parts.forEach((p, i) => {
    if (!p.added && !p.removed) return;
    const last = hunks[hunks.length - 1];
    if (last) {
      const between = parts.slice(last.end + 1, i).filter((q) => !q.added && !q.removed);
      if (between.reduce((n, q) => n + q.value.length, 0) < 4) {
        last.end = i;
        return;
      }
    }
    hunks.push({ start: i, end: i });
  });
  return hunks.map(({ start, end }) => {
    let removed = '';
    let added = '';
    for (const p of parts.slice(start, end + 1)) {
      if (p.removed) removed += p.value;
      else if (p.added) added += p.value;
      else {
        removed += p.value;
        added += p.value;
      }
    }
    const prev = parts[start - 1];
    const next = parts[end + 1];
    const before = prev && !prev.added && !prev.removed ? prev.value : '';
    const after = next && !next.added && !next.removed ? next.value : '';
    return {
      before: before.slice(-context),
      cutBefore: start > 1 || before.length > context,
      removed,
      added,
      after: after.slice(0, context),
      cutAfter: end + 2 < parts.length || after.length > context,
    };
  });
}

const oneLine = (s: string) => s.replace(/\r?\n/g, '⏎');

/** Longest changed stretch shown in full; longer ones show their start and length (the change object keeps the whole text). */
export const MAX_SHOWN = 80;
const cap = (s: string) => (s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 20)}…（共${s.length}字）` : s);

/**
 * One line describing how `a` became `b`: each changed stretch as “旧”→“新”, 〔删去“…”〕 or
 * 〔增加“…”〕 with context, stretches joined by "；". Line breaks show as ⏎; a stretch longer than
 * MAX_SHOWN characters is cut ("…（共120字）"). "" when equal.
 */
export function compactTextDiff(a: string, b: string, context = 8): string {
  return textHunks(a, b, context)
    .map((h) => {
      const change = !h.added ? `〔删去“${cap(h.removed)}”〕` : !h.removed ? `〔增加“${cap(h.added)}”〕` : `“${cap(h.removed)}”→“${cap(h.added)}”`;
      return oneLine(`${h.cutBefore ? '…' : ''}${h.before}${change}${h.after}${h.cutAfter ? '…' : ''}`);
    })
    .join('；');
}

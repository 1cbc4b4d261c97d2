/**
 * Two versions of an official text side by side, the differences marked word by word (Chinese
 * segmented with Intl.Segmenter, as the engine's diff does): removed words struck through on the
 * left, added words highlighted on the right.
 */
import { diffChars, diffWords, type ChangeObject } from 'diff';

const segmenter: Intl.Segmenter | null = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

export function textParts(a: string, b: string): ChangeObject<string>[] {
  return segmenter ? diffWords(a, b, { intlSegmenter: segmenter }) : diffChars(a, b);
}

/** The left (`side="a"`) or right (`side="b"`) text with its changes marked. */
export function MarkedText({ a, b, side }: { a: string; b: string; side: 'a' | 'b' }) {
  if (a === b) return <span className="criterion-text">{side === 'a' ? a : b}</span>;
  const parts = textParts(a, b);
  return (
    <span className="criterion-text">
      {parts.map((p, i) => {
        if (p.added) return side === 'b' ? <ins key={i}>{p.value}</ins> : null;
        if (p.removed) return side === 'a' ? <del key={i}>{p.value}</del> : null;
        return <span key={i}>{p.value}</span>;
      })}
    </span>
  );
}

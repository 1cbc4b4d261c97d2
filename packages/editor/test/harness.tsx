/**
 * Test harness for the visual editors: holds a real scheme document (from schemes/), gives the
 * editor the part it edits, and recomputes the engine's validation issues on every change — as
 * the page does through its worker — so tests see the issues appear where the user would.
 */
import { useState, type ReactNode } from 'react';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateScheme } from '@jixiao/engine';
import type { Issue, Scheme } from '../src/model/types.ts';
import { EditorContext, namesOf } from '../src/components/editor-context.tsx';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

/** A scheme document from the repository's schemes/ folder (a fresh copy each call). */
export function loadScheme(rel = 'shenzhen-department/2024.json'): Scheme {
  // the editors are exercised on a draft of the real scheme: a published one is read-only, and
  // editing it in memory would (rightly) be reported as changed after publication
  const { publishedAt: _at, contentHash: _hash, ...doc } = JSON.parse(readFileSync(join(repoRoot, 'schemes', rel), 'utf8')) as Scheme;
  return { ...doc, status: 'draft' } as Scheme;
}

/** JSON pointer of the first indicator matching `pred`, and the indicator. */
export function findIndicator(doc: Scheme, pred: (n: Scheme['indicators'][number]) => boolean): { ptr: string; node: Scheme['indicators'][number] } {
  const visit = (list: Scheme['indicators'], base: string): { ptr: string; node: Scheme['indicators'][number] } | null => {
    for (let i = 0; i < list.length; i++) {
      const n = list[i]!;
      const ptr = `${base}/${i}`;
      if (pred(n)) return { ptr, node: n };
      const hit = n.children ? visit(n.children, `${ptr}/children`) : null;
      if (hit) return hit;
    }
    return null;
  };
  const hit = visit(doc.indicators, '/indicators');
  if (!hit) throw new Error('indicator not found');
  return hit;
}

export interface Probe {
  doc: Scheme;
  issues: Issue[];
}

/**
 * Renders `children(doc, setDoc, issues)` with the editor context of `initial`; `probe` is
 * updated with the latest document and issues after each change. With `withDoc`, the context also
 * holds the whole document, as the scheme page's does.
 */
export function DocHarness({
  initial,
  probe,
  withDoc = false,
  children,
}: {
  initial: Scheme;
  probe: Probe;
  withDoc?: boolean;
  children: (doc: Scheme, setDoc: (d: Scheme | ((prev: Scheme) => Scheme)) => void, issues: Issue[]) => ReactNode;
}) {
  const [doc, setDoc] = useState(initial);
  const issues = validateScheme(doc);
  probe.doc = doc;
  probe.issues = issues;
  return <EditorContext.Provider value={{ readOnly: false, names: namesOf(doc), ...(withDoc ? { doc } : {}) }}>{children(doc, setDoc, issues)}</EditorContext.Provider>;
}

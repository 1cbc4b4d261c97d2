/**
 * Maps a JSON Pointer of the engine's issues to the place in the JSON text (offset and length), so
 * an issue becomes a Monaco marker under the right value. A pointer to a missing member falls back
 * to its nearest existing ancestor; an object or array is marked at its property key, not across
 * its whole body.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { parsePointer } from '../model/pointer.ts';

export interface TextSpan {
  offset: number;
  length: number;
}

/** Parses once; call `spanOf(ptr)` per issue. Returns null spans when the text has no tree. */
export function pointerLocator(text: string): (ptr: string) => TextSpan | null {
  const root = parseTree(text);
  return (ptr: string) => {
    if (!root) return null;
    const segs: (string | number)[] = parsePointer(ptr).map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s));
    let node: Node | undefined;
    for (let n = segs.length; n >= 0; n--) {
      node = findNodeAtLocation(root, segs.slice(0, n));
      if (node) break;
    }
    if (!node) return { offset: 0, length: 1 };
    if ((node.type === 'object' || node.type === 'array') && node.parent?.type === 'property' && node.parent.children?.[0]) {
      const key = node.parent.children[0];
      return { offset: key.offset, length: key.length };
    }
    if ((node.type === 'object' || node.type === 'array') && node.parent?.type === 'array') return { offset: node.offset, length: 1 };
    if (node.type === 'object' || node.type === 'array') return { offset: node.offset, length: 1 };
    return { offset: node.offset, length: node.length };
  };
}

/**
 * Monaco with its set-up (setup.ts: local workers, the scheme schema, the formula language, Chinese UI)
 * and `@monaco-editor/react`'s Editor pointed at it: the chunk LazyEditor.tsx loads on first use.
 */
import './setup.ts';

export { default } from '@monaco-editor/react';

/**
 * `@monaco-editor/react`'s Editor, loaded on first use: Monaco (~4 MB of JavaScript, its workers and
 * fonts) is a chunk of its own, fetched when the JSON view or a formula editor first opens, so the first
 * view (the library, the official table) does not wait for it. Same props as Editor; until the chunk
 * has arrived a line says it is loading.
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import type MonacoEditor from '@monaco-editor/react';

export type { OnMount } from '@monaco-editor/react';

const Editor = lazy(async () => {
  // Monaco's Chinese strings first, in a step of their own: Monaco's modules read them as they load, and
  // inside one lazily loaded chunk the bundler does not promise to run the strings' module first
  await import('monaco-editor/nls/lang/zh-cn');
  return import('./monaco-editor.ts');
});

/** The Monaco editor, loaded on demand. */
export default function LazyEditor(props: ComponentProps<typeof MonacoEditor>) {
  return (
    <Suspense fallback={<div className="editor-loading">正在加载编辑器…</div>}>
      <Editor {...props} />
    </Suspense>
  );
}

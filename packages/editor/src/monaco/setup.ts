/**
 * Monaco, bundled locally (no CDN): the Chinese UI strings are loaded first, then the editor API,
 * its features and the JSON language; the editor and JSON workers are Vite `?worker` bundles served
 * by our own server; `@monaco-editor/react` is pointed at this instance with `loader.config`.
 *
 * Importing this module has side effects (registration); import it once, before any <Editor>.
 */
import 'monaco-editor/nls/lang/zh-cn';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { loader } from '@monaco-editor/react';
import { registerSchemeSchema } from './scheme-schema.ts';
import { registerFormulaLanguage } from './formula-language.ts';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'json') return new JsonWorker();
    return new EditorWorker();
  },
};

loader.config({ monaco });
registerSchemeSchema(jsonDefaults);
registerFormulaLanguage(monaco);

export { monaco };

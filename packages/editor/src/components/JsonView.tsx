/**
 * The whole scheme document in Monaco. The scheme JSON Schema (registered in monaco/setup.ts) gives
 * completion, hover and diagnostics; the engine's semantic issues are set as markers (owner
 * `jixiao`) at the place their JSON Pointer names. Edits flow back to the draft as text.
 */
import { useEffect, useRef, useState } from 'react';
import Editor, { type OnMount } from '../monaco/LazyEditor.tsx';
import { renderIssue } from '@jixiao/engine';
import type { Issue } from '../model/types.ts';
import { pointerLocator } from '../monaco/pointer-range.ts';

/** A marker's text: the issue rendered from the message catalogue by code and params, Chinese then English. */
export function markerText(i: Issue): string {
  const t = renderIssue(i);
  return `${t.zh}\n${t.en}`;
}

type MonacoNs = Parameters<OnMount>[1];
type CodeEditor = Parameters<OnMount>[0];

export interface JsonViewProps {
  /** Model path; must end with `.scheme.json` for the schema to apply. */
  path: string;
  text: string;
  onText: (t: string) => void;
  /** Engine issues computed for `issuesText`. */
  issues: readonly Issue[];
  /** The text the issues were computed from (markers are set only when it is current). */
  issuesText: string | null;
  readOnly: boolean;
  /** A pointer to reveal and select (e.g. clicked in an error list). */
  reveal: string | null;
}

export function JsonView({ path, text, onText, issues, issuesText, readOnly, reveal }: JsonViewProps) {
  const editorRef = useRef<CodeEditor | null>(null);
  const monacoRef = useRef<MonacoNs | null>(null);
  const [mounted, setMounted] = useState(0);
  /** Texts the editor itself reported; the `text` prop echoing one of them is not an outside change. */
  const emitted = useRef(new Set<string>());

  // Outside changes (visual edits, discard, reload) are applied as one edit, keeping undo; echoes
  // of the user's own typing are not pushed back (that would reset the cursor while typing).
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    if (emitted.current.has(text)) {
      if (model.getValue() === text) emitted.current.clear();
      return;
    }
    if (model.getValue() === text) return;
    emitted.current.clear();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
  }, [text, mounted]);

  useEffect(() => {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    const model = editor?.getModel();
    if (!editor || !monaco || !model) return;
    if (issuesText === null || model.getValue() !== text || text !== issuesText) return;
    const locate = pointerLocator(text);
    const markers = issues.map((i) => {
      const span = locate(i.path) ?? { offset: 0, length: 1 };
      const start = model.getPositionAt(span.offset);
      const end = model.getPositionAt(span.offset + Math.max(1, span.length));
      return {
        severity: i.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: markerText(i),
        code: i.code,
        source: '绩效引擎',
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
      };
    });
    monaco.editor.setModelMarkers(model, 'jixiao', markers);
  }, [issues, issuesText, text, mounted]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || reveal === null) return;
    const span = pointerLocator(model.getValue())(reveal);
    if (!span) return;
    const s = model.getPositionAt(span.offset);
    const e = model.getPositionAt(span.offset + span.length);
    editor.setSelection({ startLineNumber: s.lineNumber, startColumn: s.column, endLineNumber: e.lineNumber, endColumn: e.column });
    editor.revealLineInCenter(s.lineNumber);
    editor.focus();
  }, [reveal, mounted]);

  return (
    <div className="json-view" data-testid="json-view">
      <Editor
        height="100%"
        path={path}
        language="json"
        defaultValue={text}
        onChange={(v) => {
          emitted.current.add(v ?? '');
          onText(v ?? '');
        }}
        onMount={(editor, monaco) => {
          editorRef.current = editor;
          monacoRef.current = monaco;
          setMounted((n) => n + 1);
        }}
        options={{
          readOnly,
          minimap: { enabled: false },
          fontSize: 13,
          tabSize: 2,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          wordWrap: 'on',
          fixedOverflowWidgets: true,
          unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false },
        }}
      />
    </div>
  );
}

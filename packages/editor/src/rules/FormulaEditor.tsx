/**
 * 公式计分 editor: a one-line Monaco editor in the formula language (mathjs syntax), with completion
 * of the scheme's fact and metric ids (see monaco/formula-language.ts).
 */
import { useEffect, useRef, useState } from 'react';
import Editor, { type OnMount } from '../monaco/LazyEditor.tsx';
import type { FormulaRule, Issue } from '../model/types.ts';
import { IssueList, Row } from '../components/fields.tsx';
import { FORMULA_LANGUAGE } from '../monaco/formula-language.ts';
import { useEditorContext } from '../components/editor-context.tsx';

export function FormulaField({ value, onChange, label }: { value: string; onChange: (s: string) => void; label: string }) {
  const { readOnly } = useEditorContext();
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const [mounted, setMounted] = useState(0);
  const emitted = useRef(new Set<string>());
  // Only outside changes are pushed into the editor; echoes of the user's typing are not.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    if (emitted.current.has(value)) {
      if (model.getValue() === value) emitted.current.clear();
      return;
    }
    if (model.getValue() !== value) model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
  }, [value, mounted]);
  return (
    <div className="formula-field" aria-label={label} title={label}>
      <Editor
        height={28}
        language={FORMULA_LANGUAGE}
        defaultValue={value}
        onMount={(editor) => {
          editorRef.current = editor;
          setMounted((n) => n + 1);
        }}
        onChange={(v) => {
          const line = (v ?? '').replace(/\n/g, ' ');
          emitted.current.add(line);
          onChange(line);
        }}
        options={{
          readOnly,
          minimap: { enabled: false },
          lineNumbers: 'off',
          glyphMargin: false,
          folding: false,
          scrollBeyondLastLine: false,
          overviewRulerLanes: 0,
          renderLineHighlight: 'none',
          scrollbar: { vertical: 'hidden', horizontal: 'auto' },
          wordWrap: 'off',
          fontSize: 14,
          quickSuggestions: true,
          suggestOnTriggerCharacters: true,
          unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false },
        }}
      />
    </div>
  );
}

export function FormulaEditor({ rule, onChange, issues }: { rule: FormulaRule; onChange: (r: FormulaRule) => void; issues: readonly Issue[] }) {
  return (
    <div>
      <Row label="得分公式" hint="可用事实与计算指标的标识（输入时自动提示），如 已完成项目数/计划完成项目总数*6">
        <FormulaField label="得分公式" value={rule.expression} onChange={(s) => onChange({ ...rule, expression: s })} />
      </Row>
      <IssueList issues={issues} />
    </div>
  );
}

/**
 * The small formula language of `formula` rules and metrics (mathjs syntax over fact and metric
 * ids): a Monaco language with completion of the current scheme's fact and metric ids.
 * `setFormulaNames` is called by the page whenever the draft's inputs/metrics change.
 */
import type * as Monaco from 'monaco-editor/editor';
import { FORMULA_FUNCTIONS } from '@jixiao/engine';

export const FORMULA_LANGUAGE = 'jixiao-formula';

/** A name offered in completion: id, Chinese label, kind. */
export interface FormulaName {
  id: string;
  label: string;
  kind: 'fact' | 'metric';
}

let names: FormulaName[] = [];

/** Replaces the names offered by completion. */
export function setFormulaNames(next: FormulaName[]): void {
  names = next;
}

const FUNCTIONS = FORMULA_FUNCTIONS;

export function registerFormulaLanguage(monaco: typeof Monaco): void {
  monaco.languages.register({ id: FORMULA_LANGUAGE });
  monaco.languages.setLanguageConfiguration(FORMULA_LANGUAGE, {
    wordPattern: /[\p{L}_][\p{L}\p{N}_.]*/u,
    brackets: [['(', ')']],
    autoClosingPairs: [{ open: '(', close: ')' }],
  });
  monaco.languages.setMonarchTokensProvider(FORMULA_LANGUAGE, {
    tokenizer: {
      root: [
        [/[0-9]+(\.[0-9]+)?%?/, 'number'],
        [/[\p{L}_][\p{L}\p{N}_.]*/u, 'identifier'],
        [/[+\-*/^()]/, 'operator'],
      ],
    },
  });
  monaco.languages.registerCompletionItemProvider(FORMULA_LANGUAGE, {
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      return {
        suggestions: [
          ...names.map((n) => ({
            label: { label: n.id, description: n.label },
            kind: n.kind === 'fact' ? monaco.languages.CompletionItemKind.Variable : monaco.languages.CompletionItemKind.Field,
            detail: `${n.kind === 'fact' ? '输入事实' : '计算指标'}：${n.label}`,
            insertText: n.id,
            filterText: `${n.id} ${n.label}`,
            range,
          })),
          ...FUNCTIONS.map((f) => ({
            label: f,
            kind: monaco.languages.CompletionItemKind.Function,
            detail: '函数',
            insertText: `${f}(`,
            range,
          })),
        ],
      };
    },
  });
}

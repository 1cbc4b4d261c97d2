/**
 * The checklist editor on the real 预算编制合理性 rule of the Shenzhen 2024 scheme (seed 002: five
 * 评分要点 of 1分 each, 5分 in all).
 */
import './dom.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ChecklistEditor } from '../src/rules/ChecklistEditor.tsx';
import { getIn, parsePointer, setIn } from '../src/model/pointer.ts';
import { relativeIssues } from '../src/model/issues.ts';
import type { ChecklistRule, Scheme } from '../src/model/types.ts';
import { DocHarness, findIndicator, loadScheme, type Probe } from './harness.tsx';

afterEach(cleanup);

function setup() {
  const doc = loadScheme();
  const { ptr, node } = findIndicator(doc, (n) => n.name === '预算编制合理性');
  const rulePtr = `${ptr}/rule`;
  const probe: Probe = { doc, issues: [] };
  const declared = vi.fn();
  render(
    <DocHarness initial={doc} probe={probe}>
      {(d, setDoc, issues) => (
        <ChecklistEditor
          rule={getIn(d, parsePointer(rulePtr)) as ChecklistRule}
          onChange={(r) => setDoc((prev) => setIn(prev, parsePointer(rulePtr), r) as Scheme)}
          issues={relativeIssues(issues, rulePtr)}
          declareFact={(id, label) => {
            declared(id, label);
            setDoc((prev) => ({ ...prev, inputs: [...prev.inputs, { id, label, type: 'boolean' }] }));
          }}
        />
      )}
    </DocHarness>,
  );
  const rule = () => getIn(probe.doc, parsePointer(rulePtr)) as ChecklistRule;
  return { probe, rule, rulePtr, node, declared, table: screen.getByRole('table', { name: '评分要点' }) };
}

const box = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;

describe('ChecklistEditor', () => {
  it('shows the five 评分要点 of 1分 each with their wording', () => {
    const { node } = setup();
    const items = (node.rule as ChecklistRule).items;
    expect(items).toHaveLength(5);
    items.forEach((it, i) => {
      expect(box(`要点${i + 1}原文`).value).toBe(it.text);
      expect(box(`要点${i + 1}分值`).value).toBe('1');
    });
  });

  it('shows that the items no longer add up to 5分 when one is reweighted (and clears when restored)', () => {
    const { probe, rulePtr } = setup();
    fireEvent.change(box('要点1分值'), { target: { value: '2' } });
    const mismatch = relativeIssues(probe.issues, rulePtr).filter((i) => i.code === 'points-mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]!.message).toContain('6'); // 2 + 1 + 1 + 1 + 1 = 6
    expect(screen.getByText(mismatch[0]!.message)).toBeTruthy();
    fireEvent.change(box('要点1分值'), { target: { value: '1' } });
    expect(relativeIssues(probe.issues, rulePtr)).toEqual([]);
  });

  it('edits wording, reorders and removes items', () => {
    const { rule } = setup();
    const [first, second] = rule().items;
    fireEvent.change(box('要点1原文'), { target: { value: '部门预算编制符合本部门职责（修订）' } });
    expect(rule().items[0]!.text).toBe('部门预算编制符合本部门职责（修订）');
    fireEvent.click(screen.getByRole('button', { name: '要点1下移' }));
    expect(rule().items.map((i) => i.id).slice(0, 2)).toEqual([second!.id, first!.id]);
    fireEvent.click(screen.getByRole('button', { name: '删除要点5' }));
    expect(rule().items).toHaveLength(4);
  });

  it('adds an item with a new yes/no fact declared in the scheme, so it validates', () => {
    const { rule, declared, probe, rulePtr } = setup();
    fireEvent.click(screen.getByRole('button', { name: '添加要点' }));
    const added = rule().items[5]!;
    expect(rule().items).toHaveLength(6);
    expect(declared).toHaveBeenCalledWith(added.fact, expect.any(String));
    expect(probe.doc.inputs.some((i) => i.id === added.fact && i.type === 'boolean')).toBe(true);
    // Six items of 1分 against 5分: the only problems left are the sum (6 ≠ 5) and the rule's
    // maximum (6) above the indicator's points — nothing about the new item's fact.
    const left = relativeIssues(probe.issues, rulePtr);
    expect(left.map((i) => i.code).sort()).toEqual(['points-mismatch', 'score-exceeds-points']);
    expect(left.some((i) => i.fact === added.fact || i.message.includes(added.fact))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '删除要点1' }));
    expect(relativeIssues(probe.issues, rulePtr)).toEqual([]);
    expect(within(screen.getByRole('table', { name: '评分要点' })).getAllByRole('row')).toHaveLength(6);
  });
});

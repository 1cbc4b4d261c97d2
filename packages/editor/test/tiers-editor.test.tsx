/**
 * The tier table editor on the real 公众或服务对象满意度 rule of the Shenzhen 2024 scheme (seed 002:
 * 满意度≥95%得6分；90%≤满意度<95%得4分；80%≤满意度<90%得2分；满意度<80%得1分).
 */
import './dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { TiersEditor } from '../src/rules/TiersEditor.tsx';
import { getIn, parsePointer, setIn } from '../src/model/pointer.ts';
import { relativeIssues } from '../src/model/issues.ts';
import type { Scheme, TiersRule } from '../src/model/types.ts';
import { DocHarness, findIndicator, loadScheme, type Probe } from './harness.tsx';

afterEach(cleanup);

function setup({ withDoc = true } = {}) {
  const doc = loadScheme();
  const { ptr } = findIndicator(doc, (n) => n.name === '公众或服务对象满意度');
  const rulePtr = `${ptr}/rule`;
  const probe: Probe = { doc, issues: [] };
  render(
    <DocHarness initial={doc} probe={probe} withDoc={withDoc}>
      {(d, setDoc, issues) => (
        <TiersEditor
          rule={getIn(d, parsePointer(rulePtr)) as TiersRule}
          onChange={(r) => setDoc(setIn(d, parsePointer(rulePtr), r) as Scheme)}
          issues={relativeIssues(issues, rulePtr)}
        />
      )}
    </DocHarness>,
  );
  const rule = () => getIn(probe.doc, parsePointer(rulePtr)) as TiersRule;
  const table = screen.getByRole('table', { name: '档位表' });
  return { probe, rule, table, rulePtr };
}

const box = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const combo = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;

describe('TiersEditor', () => {
  it('shows the four tiers of the seed with their bounds, inclusions and points', () => {
    setup();
    // 满意度 is a percent metric: its bounds are shown in percent (the file stores 0.95)
    expect(box('第1档下限').value).toBe('95');
    expect(combo('第1档下限是否包含').value).toBe('incl');
    expect(box('第1档上限').value).toBe('');
    expect(box('第1档得分').value).toBe('6');
    expect([box('第2档下限').value, box('第2档上限').value, box('第2档得分').value]).toEqual(['90', '95', '4']);
    expect(combo('第2档上限是否包含').value).toBe('excl');
    expect([box('第3档下限').value, box('第3档上限').value, box('第3档得分').value]).toEqual(['80', '90', '2']);
    expect([box('第4档下限').value, box('第4档上限').value, box('第4档得分').value]).toEqual(['', '80', '1']);
  });

  it('changes the top tier from 6 to 5 in the document; the only issue is the warning that 6 分 can no longer be reached', () => {
    const { rule, probe, rulePtr } = setup();
    fireEvent.change(box('第1档得分'), { target: { value: '5' } });
    expect(rule().tiers[0]!.score).toBe(5);
    // the best tier scores 5 on a 6-point indicator (seed: ≥95% 得6分)
    expect(relativeIssues(probe.issues, rulePtr).map((i) => [i.code, i.severity, i.path, i.message])).toEqual([
      ['points-unreachable', 'warning', '', '指标“公众或服务对象满意度”按规则最高只能得5分，低于分值6分'],
    ]);
    fireEvent.change(box('第1档得分'), { target: { value: '6' } });
    expect(relativeIssues(probe.issues, rulePtr)).toEqual([]);
  });

  it('shows a gap at the table as soon as a bound leaves one, and it goes away when fixed', () => {
    const { table, probe, rulePtr } = setup();
    fireEvent.change(box('第2档上限'), { target: { value: '94' } });
    const gap = relativeIssues(probe.issues, rulePtr).filter((i) => i.code === 'tier-gap');
    expect(gap).toHaveLength(1);
    expect(within(table).getByText(gap[0]!.message)).toBeTruthy();
    fireEvent.change(box('第2档上限'), { target: { value: '95' } });
    expect(relativeIssues(probe.issues, rulePtr)).toEqual([]);
    expect(within(table).queryByText(gap[0]!.message)).toBeNull();
  });

  it('shows an overlap when a shared bound is included on both sides (含 at 95% in tiers 1 and 2)', () => {
    const { table, probe, rulePtr } = setup();
    fireEvent.change(combo('第2档上限是否包含'), { target: { value: 'incl' } });
    const overlap = relativeIssues(probe.issues, rulePtr).filter((i) => i.code === 'tier-overlap');
    expect(overlap).toHaveLength(1);
    expect(within(table).getByText(overlap[0]!.message)).toBeTruthy();
  });

  it('keeps bound and 含/不含 together: clearing a bound drops its flag, setting one adds 含', () => {
    const { rule } = setup();
    fireEvent.change(box('第1档下限'), { target: { value: '' } });
    expect(rule().tiers[0]).toEqual({ score: 6 });
    fireEvent.change(box('第1档下限'), { target: { value: '96%' } });
    expect(rule().tiers[0]).toEqual({ min: 0.96, minInclusive: true, score: 6 });
  });

  it('does not store text that is not a number, and marks the field', () => {
    const { rule } = setup();
    fireEvent.change(box('第3档得分'), { target: { value: '两分' } });
    expect(rule().tiers[2]!.score).toBe(2);
    expect(box('第3档得分').className).toContain('invalid');
  });

  it('a score typed as abc is said at the cell, and the rule keeps its last number (6分), also said there', () => {
    const { rule } = setup();
    fireEvent.change(box('第1档得分'), { target: { value: 'abc' } });
    expect(rule().tiers[0]!.score).toBe(6);
    expect(screen.getByRole('alert').textContent).toBe('第1档得分应为数字，如 6、0.95 或 95%；规则仍为 6');
    // a number again: the cell's message goes (5 is below the 6 分, which is warned about apart, not at the cell)
    fireEvent.change(box('第1档得分'), { target: { value: '5' } });
    expect(rule().tiers[0]!.score).toBe(5);
    expect(screen.queryAllByRole('alert').map((a) => a.textContent ?? '').filter((t) => t.includes('应为数字'))).toEqual([]);
  });

  it.each([['abc'], ['1e400']])('a bound typed as %s is kept in the rule as typed, says so at the cell, and is an error until fixed', (typed) => {
    const { rule, probe, rulePtr, table } = setup();
    fireEvent.change(box('第1档下限'), { target: { value: typed } });
    // the box shows what the rule holds: the text as typed, not the old 95% nor an empty box
    expect(rule().tiers[0]!.min).toBe(typed);
    expect(box('第1档下限').value).toBe(typed);
    expect(box('第1档下限').className).toContain('invalid');
    const row = table.querySelector('tr[data-tier="0"]') as HTMLElement;
    expect(within(row).getByRole('alert').textContent).toBe('第1档下限应为数字，如 90%；不设下限请清空');
    // the scheme check counts it (the header's error count is the engine's errors)
    expect(relativeIssues(probe.issues, rulePtr).filter((i) => i.severity === 'error').map((i) => i.path)).toEqual(['/tiers/0/min']);
    // fixed: 95 → 0.95 (the seed's bound again), no message, no error
    fireEvent.change(box('第1档下限'), { target: { value: '95' } });
    expect(rule().tiers[0]!.min).toBe(0.95);
    expect(within(row).queryByRole('alert')).toBeNull();
    expect(relativeIssues(probe.issues, rulePtr)).toEqual([]);
  });

  it('while 第2档下限 is abc, still shows a gap, an overlap and a score above the points found in the other cells', async () => {
    const { probe, rulePtr, table } = setup();
    // seed 002: ≥95% 6分；90%≤x<95% 4分；80%≤x<90% 2分；<80% 1分 (分值 6)
    fireEvent.change(box('第2档下限'), { target: { value: 'abc' } });
    // 第1档 from 96%: 95% ≤ x < 96% is in no tier, whatever number 第2档下限 becomes (第2档 ends below 95%)
    fireEvent.change(box('第1档下限'), { target: { value: '96' } });
    // 第4档 below 85%: 80% ≤ x < 85% is in 第3档 and 第4档
    fireEvent.change(box('第4档上限'), { target: { value: '85' } });
    // 7分 in a 6-分 indicator
    fireEvent.change(box('第3档得分'), { target: { value: '7' } });
    // the engine itself reports only the bound (it checks the rest once the document conforms)
    expect(relativeIssues(probe.issues, rulePtr).map((i) => i.path)).toEqual(['/tiers/1/min']);
    const row = table.querySelector('tr[data-tier="1"]') as HTMLElement;
    expect(within(row).getByRole('alert').textContent).toBe('第2档下限应为数字，如 90%；不设下限请清空');
    const note = () => within(table.parentElement!).getByRole('note', { name: '' }).textContent;
    await waitFor(() => expect(note()).toBe('第2档下限不是数字：第2档与其他档之间的空档、重叠，待改为数字后再检查；其余档位已按现有数字检查，问题列在下面。'));
    const listed = [...table.parentElement!.querySelectorAll('.issue-list li, .tier-issues li')].map((li) => li.textContent ?? '');
    expect(listed.some((t) => t.includes('档位未覆盖') && t.includes('第1档与第2档之间'))).toBe(true);
    expect(listed.some((t) => t.includes('档位重叠') && t.includes('第3档与第4档'))).toBe(true);
    expect(listed.some((t) => t.includes('第3档得分 7 分超出本项分值 0–6 分'))).toBe(true);
    expect(listed).toHaveLength(3);
    // the same three problems are the engine's own once the bound is a number again (90, as in the seed); the
    // engine files a gap under the tier above it (第1档) and an overlap under the one starting higher (第3档)
    fireEvent.change(box('第2档下限'), { target: { value: '90' } });
    const codes = relativeIssues(probe.issues, rulePtr).map((i) => [i.code, i.path]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['tier-gap', '/tiers/0'],
        ['tier-overlap', '/tiers/2'],
        ['score-exceeds-points', '/tiers/2/score'],
      ]),
    );
    expect(codes).toHaveLength(3);
    expect(within(table.parentElement!).queryByRole('note', { name: '' })).toBeNull();
  });

  it('reports no gap next to the tier whose bound cannot be read, and no overlap that depends on it', async () => {
    const { table } = setup();
    // 第2档上限 abc: 第2档 may end anywhere, so neither a gap up to 95% nor an overlap with 第1档 is certain
    fireEvent.change(box('第2档上限'), { target: { value: 'abc' } });
    await waitFor(() => expect(within(table.parentElement!).getByRole('note', { name: '' }).textContent).toBe('第2档上限不是数字：第2档与其他档之间的空档、重叠，待改为数字后再检查；其余档位已按现有数字检查，未见其他问题。'));
    const listed = [...table.parentElement!.querySelectorAll('.issue-list li, .tier-issues li')].map((li) => li.textContent ?? '');
    expect(listed.filter((t) => t.includes('档位未覆盖') || t.includes('档位重叠'))).toEqual([]);
  });

  it('without the document at hand, says plainly that the other checks wait for the bound', async () => {
    const { table } = setup({ withDoc: false });
    fireEvent.change(box('第1档下限'), { target: { value: 'abc' } });
    await waitFor(() => expect(within(table.parentElement!).getByRole('note', { name: '' }).textContent).toBe('第1档下限不是数字：档位的空档、重叠与得分检查待改为数字后进行。'));
  });

  it('adds, reorders and removes tiers', () => {
    const { rule } = setup();
    fireEvent.click(screen.getByRole('button', { name: '添加一档' }));
    expect(rule().tiers).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: '第1档下移' }));
    expect(rule().tiers.map((t) => t.score)).toEqual([4, 6, 2, 1, 0]);
    fireEvent.click(screen.getByRole('button', { name: '删除第5档' }));
    expect(rule().tiers.map((t) => t.score)).toEqual([4, 6, 2, 1]);
  });

  it('types percent bounds in percent and stores the fraction exactly (95 → 0.95, 95.5% → 0.955, 33.333 → 0.33333)', () => {
    const { rule } = setup();
    fireEvent.change(box('第1档下限'), { target: { value: '95.5' } });
    expect(rule().tiers[0]!.min).toBe(0.955);
    fireEvent.change(box('第1档下限'), { target: { value: '９６％' } });
    expect(rule().tiers[0]!.min).toBe(0.96);
    // 33.333 ÷ 100 = 0.33333 (as a float division it is 0.33332999999999996)
    fireEvent.change(box('第2档上限'), { target: { value: '33.333' } });
    expect(rule().tiers[1]!.max).toBe(0.33333);
    expect(box('第2档上限').value).toBe('33.333');
    expect(screen.getAllByText('%').length).toBeGreaterThanOrEqual(6);
  });

  it('marks a percent bound stored as a percentage number (95, read as 9500%) and not one stored as 0.95 or "95%"', () => {
    const { table, rule } = setup();
    const hint = /界限为 9500%？/;
    expect(within(table).queryByText(hint)).toBeNull();
    fireEvent.change(box('第1档下限'), { target: { value: '9500' } });
    expect(rule().tiers[0]!.min).toBe(95);
    const row = table.querySelector('tr[data-tier="0"]') as HTMLElement;
    expect(within(row).getByText(hint)).toBeTruthy();
    expect(box('第1档下限').className).toContain('invalid');
    fireEvent.change(box('第1档下限'), { target: { value: '95' } });
    expect(rule().tiers[0]!.min).toBe(0.95);
    expect(within(table).queryByText(hint)).toBeNull();
  });

  it('says 0.95 is 0.95% at the bound (the box takes percents), in case 95% was meant, as the case form does', () => {
    const { table, rule } = setup();
    fireEvent.change(box('第1档下限'), { target: { value: '0.95' } });
    // 0.95 ÷ 100 = 0.0095: stored as typed, and said
    expect(rule().tiers[0]!.min).toBe(0.0095);
    const row = table.querySelector('tr[data-tier="0"]') as HTMLElement;
    expect(within(row).getByText('0.95 即 0.95%；若指 95%，请填 95')).toBeTruthy();
    fireEvent.change(box('第1档下限'), { target: { value: '95' } });
    expect(within(table).queryByText(/若指/)).toBeNull();
  });
});

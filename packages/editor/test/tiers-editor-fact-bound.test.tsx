/**
 * The tier table editor on a tier bound that names another fact (issue 10 item 9: "有结余，但不超过上年结转，2分"):
 * the bound is shown by the fact's name, not as an empty number field that would invite overwriting it.
 */
import './dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { TiersEditor } from '../src/rules/TiersEditor.tsx';
import { EditorContext } from '../src/components/editor-context.tsx';
import type { TiersRule } from '../src/model/types.ts';

afterEach(cleanup);

const rule: TiersRule = {
  kind: 'tiers',
  metric: 'jieyu',
  tiers: [
    { min: 0, minInclusive: true, max: 0, maxInclusive: true, score: 3 },
    { min: 0, minInclusive: false, max: { fact: 'shangnian' }, maxInclusive: true, score: 2 },
    { min: { fact: 'shangnian' }, minInclusive: false, score: 0 },
  ],
};

describe('TiersEditor with a fact bound', () => {
  it('shows 上年结转 where the bound names it, and numbers elsewhere', () => {
    const names = [
      { id: 'jieyu', label: '本年结余', type: 'money', kind: 'fact' as const, unit: '万元' },
      { id: 'shangnian', label: '上年结转', type: 'money', kind: 'fact' as const, unit: '万元' },
    ];
    render(
      <EditorContext.Provider value={{ readOnly: false, names }}>
        <TiersEditor rule={rule} onChange={() => {}} issues={[]} />
      </EditorContext.Provider>,
    );
    expect(screen.getByLabelText('第2档上限').textContent).toBe('上年结转');
    expect(screen.getByLabelText('第3档下限').textContent).toBe('上年结转');
    expect((screen.getByRole('textbox', { name: '第2档下限' }) as HTMLInputElement).value).toBe('0');
    expect(screen.queryByRole('textbox', { name: '第2档上限' })).toBeNull();
  });
});

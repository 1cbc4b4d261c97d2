/**
 * Issue 13's rough edges at the unit level: issues named by place, dates of day-stamped documents,
 * and which cases a rule scores (the Shenzhen 2024 scheme, seed 002, with its two bundled cases:
 * 深圳市商务局 2024 withholds 满意度, so its 公众或服务对象满意度 is the reviewer's entry 照录报告得分
 * (未核实); 深圳市贸促委 2021 reports 满意度 100% and is scored by the tiers).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issuePlace } from '../src/model/issues.ts';
import { timeText } from '../src/versions/HistoryPanel.tsx';
import { runReach } from '../src/worker/versions-jobs.ts';
import { remainingRefusal } from '../src/components/SaveBar.tsx';
import type { Issue } from '../src/model/types.ts';
import { loadScheme } from './harness.tsx';

const y2024 = loadScheme('shenzhen-department/2024.json');
const caseDoc = (rel: string) => JSON.parse(readFileSync(join(__dirname, '../../../schemes/shenzhen-department/cases', rel), 'utf8')) as { facts: Record<string, unknown> };

describe('issuePlace', () => {
  it('names the indicators from the top and the field: 部门绩效 › 公平性 › 分值', () => {
    const perf = y2024.indicators.findIndex((n) => n.name === '部门绩效');
    const fair = y2024.indicators[perf]!.children!.findIndex((n) => n.name === '公平性');
    expect(issuePlace(y2024, `/indicators/${perf}/children/${fair}/points`)).toBe('部门绩效 › 公平性 › 分值');
    expect(issuePlace(y2024, `/indicators/${perf}/children/${fair}/children/1/rule/tiers/0/min`)).toBe('部门绩效 › 公平性 › 公众或服务对象满意度 › 计分规则 第1档');
    expect(issuePlace(y2024, '/grades/0')).toBe('等级');
    expect(issuePlace(y2024, '/nothing')).toBeNull();
  });
});

describe('remainingRefusal', () => {
  const e = (code: string, path: string): Issue => ({ code, severity: 'error', message: code, messageEn: code, path });
  it('keeps the refused errors the draft still has, all of them while unknown', () => {
    const refused = [e('points-mismatch', '/indicators/2/points'), e('tier-gap', '/indicators/0/rule/tiers')];
    expect(remainingRefusal(refused, null)).toHaveLength(2);
    expect(remainingRefusal(refused, [e('tier-gap', '/indicators/0/rule/tiers')]).map((i) => i.code)).toEqual(['tier-gap']);
    expect(remainingRefusal(refused, [])).toEqual([]);
  });
});

describe('timeText', () => {
  it('shows a document stamped at midnight UTC as its date only', () => {
    expect(timeText('2026-11-29T00:00:00.000Z')).toBe('2026/11/29');
    expect(timeText('2026-11-29')).toBe('2026/11/29');
  });
  it('shows a real time with its time', () => {
    expect(timeText('2026-12-07T06:30:15.120Z')).toMatch(/2026\/12\/\d{1,2} \d{1,2}:\d{2}:15/);
  });
});

describe('runReach', () => {
  it('satisfaction: 贸促委 2021 by the rule, 商务局 2024 by the reviewer’s entry (未核实)', () => {
    const r = runReach({
      kind: 'reach',
      draft: y2024,
      cases: [
        { id: '2021/shenzhen-ccpit', name: '贸促委', input: caseDoc('2021/shenzhen-ccpit.json') },
        { id: '2024/shenzhen-commerce', name: '商务局', input: caseDoc('2024/shenzhen-commerce.json') },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const status = Object.fromEntries(r.cases.map((c) => [c.name, c.ok ? c.status['satisfaction'] : c.message]));
    expect(status).toEqual({ 贸促委: 'computed', 商务局: 'unverified' });
  });

  it('a draft with errors is refused with a Chinese message', () => {
    const r = runReach({ kind: 'reach', draft: { ...y2024, indicators: 'x' }, cases: [] });
    expect(r.ok).toBe(false);
  });
});

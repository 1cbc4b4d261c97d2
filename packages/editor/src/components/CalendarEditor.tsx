/**
 * 节点日期 (the scheme's `calendar`): the dated 节点 that 时间节点 (milestones) rules count steps against — a
 * table of 节点 × 年度, each cell the 节点's 截止日期 (含当日) in that year. A new year's draft opens with the
 * dates it lacks marked 须填写 (春节 moves every year; the new-year step carries only a 节点 whose label names a
 * fixed day, such as 6月底前): the user types them here instead of in the JSON view. Reached from the
 * declarations tab, and from a `milestone-no-date` error's “补充2021年日期” (fields.tsx IssueList).
 */
import { useEffect, useRef } from 'react';
import type { Issue, Scheme } from '../model/types.ts';
import { issuesUnder } from '../model/issues.ts';
import { IconButton, IssueList, TextField } from './fields.tsx';
import { useEditorContext } from './editor-context.tsx';
import { NewId } from './NewId.tsx';

type CalendarEntry = NonNullable<Scheme['calendar']>[number];

export interface CalendarEditorProps {
  doc: Scheme;
  onChange: (update: (prev: Scheme) => Scheme) => void;
  issues: readonly Issue[];
  /** When set (each new request a new object), the table is scrolled into view and the first empty date of that year focused. */
  focus: CalendarFocus | null;
}

/** A request to show the calendar at a year (“补充2021年日期”); `n` makes a repeated request a new one. */
export interface CalendarFocus {
  year: number;
  n: number;
}

/** The years shown: every year any 节点 has a date for, and the scheme's own year, ascending. */
export function calendarYears(doc: Pick<Scheme, 'year' | 'calendar'>): number[] {
  const ys = new Set<number>([doc.year]);
  for (const c of doc.calendar ?? []) for (const y of Object.keys(c.dates)) if (/^[0-9]{4}$/.test(y)) ys.add(Number(y));
  return [...ys].sort((a, b) => a - b);
}

/** The 节点 a `milestone-no-date` error names (its `due`), for marking the cells rules need. */
function neededIds(issues: readonly Issue[]): Set<string> {
  return new Set(issues.filter((i) => i.code === 'milestone-no-date' && typeof i.params?.['due'] === 'string').map((i) => String(i.params!['due'])));
}

export function CalendarEditor({ doc, onChange, issues, focus }: CalendarEditorProps) {
  const { readOnly } = useEditorContext();
  const calendar = doc.calendar ?? [];
  const years = calendarYears(doc);
  const needed = neededIds(issues);
  const noDate = issues.filter((i) => i.code === 'milestone-no-date');
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focus === null || !box.current) return;
    box.current.scrollIntoView({ block: 'start' });
    const empty = box.current.querySelector<HTMLInputElement>(`input[data-year="${focus.year}"][data-empty="true"]`);
    empty?.focus();
  }, [focus]);

  const setEntry = (i: number, next: CalendarEntry) => onChange((d) => ({ ...d, calendar: (d.calendar ?? []).map((c, j) => (j === i ? next : c)) }));
  const setDate = (i: number, c: CalendarEntry, year: number, value: string) => {
    const dates = { ...c.dates };
    if (value) dates[String(year)] = value;
    else delete dates[String(year)];
    setEntry(i, { ...c, dates });
  };
  const taken = new Set(calendar.map((c) => c.id));

  return (
    <section className="calendar-editor" id="scheme-calendar" aria-label="节点日期" ref={box}>
      <h3>节点日期（时间节点的截止日期）</h3>
      <p className="muted small">
        评分标准中的“春节前”“6月底前”等节点在各年度的截止日期（含当日）。每个年度的方案都要有本年度的日期；春节等农历节日每年不同，请按当年日历填写。
      </p>
      <IssueList issues={[...noDate, ...issuesUnder(issues, '/calendar')]} />
      {calendar.length ? (
        <table className="checklist-table calendar-table" aria-label="节点日期表">
          <thead>
            <tr>
              <th>标识</th>
              <th>节点（评分标准中的写法）</th>
              {years.map((y) => (
                <th key={y} className={y === doc.year ? 'current-year' : undefined}>
                  {y}年{y === doc.year ? '（本方案）' : ''}
                </th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {calendar.map((c, i) => (
              <tr key={`${c.id}-${i}`} className={issuesUnder(issues, `/calendar/${i}`).length ? 'row-error' : undefined}>
                <td className="mono">{c.id}</td>
                <td>
                  <TextField label={`节点 ${c.id} 写法`} value={c.label} width="100%" onChange={(t) => setEntry(i, { ...c, label: t })} />
                </td>
                {years.map((y) => {
                  const value = c.dates[String(y)] ?? '';
                  const missing = !value && y === doc.year;
                  return (
                    <td key={y} className={missing ? (needed.has(c.id) ? 'date-missing needed' : 'date-missing') : undefined}>
                      <input
                        type="date"
                        aria-label={`节点“${c.label}”的${y}年日期`}
                        data-year={y}
                        data-empty={value ? 'false' : 'true'}
                        value={value}
                        disabled={readOnly}
                        onChange={(e) => setDate(i, c, y, e.target.value)}
                      />
                      {missing ? <span className="hint">须填写</span> : null}
                    </td>
                  );
                })}
                <td className="row-actions">
                  <IconButton label={`删除节点 ${c.id}`} onClick={() => onChange((d) => ({ ...d, calendar: (d.calendar ?? []).filter((_, j) => j !== i) }))}>
                    ✕
                  </IconButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">本方案还没有节点日期；时间节点类评分规则须先在此新增节点。</p>
      )}
      {readOnly ? null : (
        <NewId label="新增节点" taken={taken} onAdd={(id) => onChange((d) => ({ ...d, calendar: [...(d.calendar ?? []), { id, label: id, dates: {} }] }))} />
      )}
    </section>
  );
}

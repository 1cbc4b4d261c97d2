/**
 * “以2024年方案为基础新建2025年草稿”: the year of the new draft (default: the year after the base),
 * and one button whose label says exactly what it does. The server copies the base (engine
 * `newYear`: status 草稿, basedOn recorded) and refuses a year that exists; then the draft opens — except
 * when the base has 节点日期 (calendar) the new year lacks: the dialog first says which dates the new year
 * needs (春节前 moves every year) and which it carried (6月底前 → the new year's 06-30), then opens the draft,
 * whose errors link to the 节点日期 editor (“补充2021年日期”).
 */
import { useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { Issue } from '../model/types.ts';

/** The new-year warnings about the 节点日期 (engine `newYear`: calendar-date-needed, calendar-date-carried). */
export function calendarNotes(warnings: readonly Issue[]): { needed: Issue[]; carried: Issue[] } {
  return { needed: warnings.filter((i) => i.code === 'calendar-date-needed'), carried: warnings.filter((i) => i.code === 'calendar-date-carried') };
}

export interface NewYearActionProps {
  family: string;
  /** Years the family can start from (e.g. every readable version), newest first. */
  baseYears: number[];
  /** The base preselected (e.g. the scheme being viewed). */
  baseYear: number;
  /** Years that already have a scheme in the family. */
  existingYears: number[];
  /** Where the new draft goes (default: opens it). */
  onCreated?: (year: number) => void;
  /** Let the user choose the base (library) or not (a scheme's own page). */
  chooseBase?: boolean;
}

export function openScheme(family: string, year: number): void {
  window.location.hash = `#/scheme/${encodeURIComponent(family)}/${year}`;
}

export function NewYearAction(p: NewYearActionProps) {
  const [base, setBase] = useState(p.baseYear);
  const [target, setTarget] = useState(String(p.baseYear + 1));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ year: number; needed: Issue[]; carried: Issue[] } | null>(null);
  const open = (y: number) => (p.onCreated ?? ((yy: number) => openScheme(p.family, yy)))(y);
  const year = /^[0-9]{4}$/.test(target) ? Number(target) : null;
  const exists = year !== null && p.existingYears.includes(year);
  const create = async () => {
    if (year === null) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.newYear(p.family, base, year);
      const notes = calendarNotes(r.warnings as Issue[]);
      if (notes.needed.length || notes.carried.length) setCreated({ year, ...notes });
      else open(year);
    } catch (e) {
      setError(e instanceof ApiError ? e.body.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="new-year" data-family={p.family}>
      {p.chooseBase ? (
        <label className="inline">
          基础方案
          <select aria-label="基础方案年度" value={base} onChange={(e) => (setBase(Number(e.target.value)), setTarget(String(Number(e.target.value) + 1)))}>
            {p.baseYears.map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="inline">
        新草稿年度
        <input className="year-input" aria-label="新草稿年度" inputMode="numeric" maxLength={4} value={target} onChange={(e) => setTarget(e.target.value.trim())} />
      </label>
      <button type="button" className="new-year-btn" disabled={busy || year === null || exists || year === base} onClick={() => void create()}>
        {busy ? '正在新建…' : `以${base}年方案为基础新建${year ?? '____'}年草稿`}
      </button>
      {year === null ? <span className="hint">请输入四位年度，如 {p.baseYear + 1}</span> : null}
      {exists ? (
        <span className="hint">
          {year}年方案已存在，
          <a href={`#/scheme/${encodeURIComponent(p.family)}/${year}`}>打开{year}年方案</a>
        </span>
      ) : null}
      {error ? (
        <span className="error-text" role="alert">
          {error}
        </span>
      ) : null}
      {created ? (
        <div className="banner info new-year-calendar" role="status" aria-label="新年度的节点日期">
          <p>
            已新建{created.year}年草稿。
            {created.needed.length ? `${created.year}年还须补充 ${created.needed.length} 个节点日期（农历节日等每年不同的日期不能推算，未预先填写）：` : '节点日期：'}
          </p>
          <ul>
            {[...created.needed, ...created.carried].map((i) => (
              <li key={`${i.code}-${i.path}`}>{i.message}</li>
            ))}
          </ul>
          <button type="button" onClick={() => open(created.year)}>
            打开{created.year}年草稿{created.needed.length ? '，补充节点日期' : ''}
          </button>
        </div>
      ) : null}
    </div>
  );
}

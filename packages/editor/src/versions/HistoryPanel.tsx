/**
 * 修改历史: every recorded state of the scheme file — time, author, what was done and a one-line
 * summary of the change — newest first; an earlier state can be restored (after confirmation),
 * and the restoration is itself recorded, so nothing is ever lost.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { HistoryListEntry } from '../api/types.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

export interface HistoryPanelProps {
  family: string;
  year: number;
  /** Restoring is offered for a draft only. */
  published: boolean;
  /** The current server version (If-Match of a restore). */
  etag: string;
  /** Unsaved changes in the page: they must be saved or discarded before a restore. */
  dirty: boolean;
  /** Changes whenever the file was written from this page (save, publish…), to reload the list. */
  refreshKey: unknown;
  /** After a restore: the page reloads the document from the server. */
  onRestored: () => void;
}

/**
 * A time stamp as the user reads it: the local date and time (“2026/12/7 14:03:05”). A stamp that
 * carries only a date — a bare date, or exactly midnight UTC as documents stamped by day are
 * (“2026-11-29T00:00:00.000Z”) — shows only that date (“2026/11/29”), not a made-up 08:00:00.
 */
export const timeText = (iso: string) => {
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00(?::00(?:\.0+)?)?(?:Z|\+00:00))?$/.exec(iso.trim());
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))).toLocaleDateString('zh-CN', { timeZone: 'UTC' });
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
};

export function HistoryPanel(p: HistoryPanelProps) {
  const [entries, setEntries] = useState<HistoryListEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<HistoryListEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(() => {
    api.history(p.family, p.year).then(
      (list) => {
        setEntries([...list].reverse());
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [p.family, p.year]);
  useEffect(load, [load, p.refreshKey]);

  const restore = async () => {
    if (!asking) return;
    setBusy(true);
    setRefusal(null);
    try {
      const r = await api.restore(p.family, p.year, asking.seq, p.etag);
      setDone(!r.restored ? `第 ${asking.seq} 条记录与当前内容相同，无需恢复。` : `已恢复到第 ${asking.seq} 条记录的状态（本次恢复也已记入历史）。`);
      setAsking(null);
      load();
      p.onRestored();
    } catch (e) {
      setRefusal(e instanceof ApiError ? e.body.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (error) return <div className="error-text">无法读取修改历史：{error}</div>;
  if (!entries) return <p className="muted">正在读取修改历史…</p>;
  const latest = entries[0]?.seq;
  return (
    <section className="history-panel" aria-label="修改历史">
      <p className="muted">
        每次保存、恢复、发布都会记录在此（保存在服务器的数据库中），包括时间、作者和变更摘要。
        {p.published ? '方案已发布，历史只供查阅。' : '可将草稿恢复到任一早先的状态；恢复本身也会记录，随时可以再恢复回来。'}
      </p>
      {done ? (
        <div className="banner info inline" role="status">
          {done}
        </div>
      ) : null}
      {entries.length === 0 ? <p className="muted">还没有记录：第一次保存后开始记录。</p> : null}
      <table className="history-table" aria-label="修改历史记录">
        <thead>
          <tr>
            <th>序号</th>
            <th>时间</th>
            <th>作者</th>
            <th>操作</th>
            <th>变更摘要</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq} data-seq={e.seq} className={e.seq === latest ? 'current' : ''}>
              <td className="num">{e.seq}</td>
              <td className="nowrap">{timeText(e.time)}</td>
              <td className="author">{e.author}</td>
              <td>
                <span className={`action-tag ${e.action}`}>{e.actionZh}</span>
              </td>
              <td className="summary">
                {e.summary}
                {e.seq === latest ? <span className="muted small">（当前状态）</span> : null}
              </td>
              <td className="nowrap">
                {!p.published && e.seq !== latest && e.action !== 'publish' ? (
                  <button type="button" className="small-btn" onClick={() => (setAsking(e), setRefusal(null), setDone(null))} aria-label={`恢复到第 ${e.seq} 条记录`}>
                    恢复到此状态
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {asking ? (
        <ConfirmDialog
          title={`恢复到第 ${asking.seq} 条记录？`}
          confirmLabel="确认恢复"
          busy={busy}
          confirmDisabled={p.dirty}
          error={refusal}
          onCancel={() => setAsking(null)}
          onConfirm={() => void restore()}
        >
          {p.dirty ? (
            <p className="error-text">页面上有尚未保存的修改。请先保存或放弃这些修改，再恢复历史状态。</p>
          ) : (
            <>
              <p>
                方案将恢复为 <b>{timeText(asking.time)}</b> 由 <b>{asking.author}</b> {asking.actionZh}时的状态：
              </p>
              <p className="quote">{asking.summary}</p>
              <p className="muted">当前状态不会丢失：它仍保留在历史中，恢复本身也会记为一条新记录，可以随时再恢复回来。</p>
            </>
          )}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

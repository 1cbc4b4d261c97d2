/**
 * 修改历史 of a case: every save, status change and restore (who, when, what), and restoring an earlier
 * version over the current one (If-Match: the restore is refused, in Chinese, if the case changed
 * meanwhile; the restoration is itself recorded). Only 政策管理 may restore a case (the server refuses the
 * others): a reviewer's and a department's 恢复到此状态 is hidden by session.css (body[data-role]), as in the
 * scheme history.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { HistoryListEntry } from '../api/types.ts';
import { timeText } from '../versions/HistoryPanel.tsx';
import { saveProblemOf } from '../state/useCaseDoc.ts';

export interface CaseHistoryProps {
  family: string;
  year: number;
  caseId: string;
  etag: string | null;
  dirty: boolean;
  /** Changes whenever the case was written (reloads the list). */
  refreshKey: number;
  onRestored: (etag: string, doc: unknown) => void;
}

export function CaseHistory(p: CaseHistoryProps) {
  const [entries, setEntries] = useState<HistoryListEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    api.caseHistory(p.family, p.year, p.caseId).then(
      (e) => live && (setEntries([...e].sort((a, b) => b.seq - a.seq)), setError(null)),
      (e: unknown) => live && setError(`无法读取修改历史：${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [p.family, p.year, p.caseId, p.refreshKey]);

  const restore = async (seq: number) => {
    if (p.etag === null) return;
    if (p.dirty && !window.confirm('表单中有未保存的修改，恢复历史版本会放弃这些修改。继续？')) return;
    setBusy(true);
    try {
      const r = await api.restoreCase(p.family, p.year, p.caseId, seq, p.etag);
      if (r.restored) p.onRestored(r.etag, r.doc);
      else setError(r.message);
    } catch (e) {
      setError(saveProblemOf(e, '保存').message.replace('保存未完成', '恢复未完成'));
    } finally {
      setBusy(false);
    }
  };

  if (p.etag === null) return <p className="muted">案例尚未保存，还没有修改历史。</p>;
  return (
    <section className="case-history" aria-label="修改历史">
      {error ? <div className="error-text">{error}</div> : null}
      {entries === null && !error ? <p className="muted">正在读取…</p> : null}
      {entries && !entries.length ? <p className="muted">还没有修改记录。</p> : null}
      {entries?.length ? (
        <table className="library-table">
          <thead>
            <tr>
              <th>序号</th>
              <th>时间</th>
              <th>操作</th>
              <th>操作人</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((e, n) => (
              <tr key={e.seq} data-seq={e.seq}>
                <td>{e.seq}</td>
                <td>{timeText(e.time)}</td>
                <td>
                  {e.actionZh}
                  <div className="muted small">{e.summary}</div>
                </td>
                <td>{e.author}</td>
                <td>
                  {n > 0 ? (
                    <button type="button" className="small-btn restore-btn" disabled={busy} onClick={() => void restore(e.seq)}>
                      恢复到此状态
                    </button>
                  ) : (
                    <span className="muted small">当前状态</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

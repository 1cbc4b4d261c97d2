/**
 * 发布 confirmation: what will be published (the year, the changes from the version it is based
 * on, in the policy sentences) and what publishing means (the scheme becomes read-only for good;
 * later changes go into a new year's draft). The server publishes only a valid draft.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { Issue } from '../model/types.ts';
import { useVersionsJob } from '../worker/useVersionsJob.ts';
import type { DiffJob, DiffOutcome } from '../worker/versions-protocol.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { basedOnYear } from './scheme-info.ts';
import { issuePlace } from '../model/issues.ts';

export interface PublishDialogProps {
  family: string;
  year: number;
  doc: unknown;
  /** The saved version being published (If-Match). */
  etag: string;
  onPublished: () => void;
  onCancel: () => void;
  /**
   * The engine's warnings (提醒) on the draft being published: every one is listed; when one says that a
   * stored 评分标准 contradicts its rule (`criterion-stale`), publishing needs an explicit confirmation.
   */
  warnings?: readonly Issue[];
}

/** Sentences shown before "…等 N 处". */
const SHOWN = 8;

export function PublishDialog(p: PublishDialogProps) {
  const baseYear = basedOnYear(p.doc);
  const [base, setBase] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; issues: Issue[] } | null>(null);
  const warnings = (p.warnings ?? []).filter((i) => i.severity === 'warning');
  const contradicts = warnings.filter((i) => i.code === 'criterion-stale');
  const [acknowledged, setAcknowledged] = useState(false);
  useEffect(() => {
    if (baseYear === null) return;
    api.getScheme(p.family, baseYear).then(
      (r) => setBase(r.doc),
      () => setBase(null),
    );
  }, [p.family, baseYear]);
  const job = useMemo<DiffJob | null>(() => (base ? { kind: 'diff', a: base, b: p.doc } : null), [base, p.doc]);
  const diff = useVersionsJob<DiffOutcome>(job, 0);
  const changes = diff.outcome?.ok ? diff.outcome.changes : null;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.publish(p.family, p.year, p.etag);
      p.onPublished();
    } catch (e) {
      setError(e instanceof ApiError ? { message: e.body.message, issues: e.body.issues ?? [] } : { message: String(e), issues: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      title={`发布${p.year}年方案`}
      confirmLabel={`确认发布${p.year}年方案`}
      tone="danger"
      busy={busy}
      confirmDisabled={contradicts.length > 0 && !acknowledged}
      onCancel={p.onCancel}
      onConfirm={() => void confirm()}
      error={
        error ? (
          <>
            <b>未发布：{error.message}</b>
            {error.issues.length ? (
              <ul>
                {error.issues
                  .filter((i) => i.severity === 'error')
                  .slice(0, 8)
                  .map((i, n) => (
                    <li key={n}>{i.message}</li>
                  ))}
              </ul>
            ) : null}
          </>
        ) : null
      }
    >
      <p>
        发布后，{p.year}年方案将<b>不可再修改</b>（只读），数据库中会记录发布时间和内容摘要，此后对方案内容的任何改动都会被发现。如需再调整，只能以它为基础新建下一年度草稿。
      </p>
      {warnings.length ? (
        <div className="publish-warnings" data-testid="publish-warnings">
          <p>
            方案有 <b>{warnings.length}</b> 条提醒：
          </p>
          <ul>
            {warnings.map((i, n) => {
              const place = issuePlace(p.doc, i.path);
              return (
                <li key={n} title={i.messageEn}>
                  {place ? <span className="issue-place">{place}：</span> : null}
                  {i.message}
                </li>
              );
            })}
          </ul>
          {contradicts.length ? (
            <label className="publish-ack">
              <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
              我已知悉：有 {contradicts.length} 个指标保存的评分标准原文与其规则不一致，发布后计分以规则为准，原文将按现状一并发布
            </label>
          ) : null}
        </div>
      ) : null}
      {baseYear !== null ? (
        changes === null ? (
          <p className="muted">正在与{baseYear}年方案比较…</p>
        ) : changes.length === 0 ? (
          <p>与{baseYear}年方案相比：没有变更。</p>
        ) : (
          <div className="publish-changes">
            <p>
              与{baseYear}年方案相比共 <b>{changes.length}</b> 处变更：
            </p>
            <ul>
              {changes.slice(0, SHOWN).map((c, n) => (
                <li key={n}>{c.message}</li>
              ))}
              {changes.length > SHOWN ? <li className="muted">……另有 {changes.length - SHOWN} 处，见“版本对比”</li> : null}
            </ul>
          </div>
        )
      ) : null}
    </ConfirmDialog>
  );
}

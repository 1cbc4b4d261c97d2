/**
 * The scheme page's header: where the user is, the document's state (草稿/已发布, unsaved changes),
 * Save, Publish (only a saved, valid draft), and what became of the last save — refused with the engine's issues, or a conflict with
 * another tab's save, which the user resolves explicitly (nothing is overwritten silently).
 */
import type { SaveOutcome } from '../state/useDraft.ts';
import type { Issue } from '../model/types.ts';
import { issuePlace } from '../model/issues.ts';
import { useAuthor } from '../state/author.ts';

/**
 * The refusal's errors that the current draft still has (same code at the same place), or all of them
 * while the draft's own check is not known (`live` null). Once the user has fixed every one, the
 * refusal is over and the banner goes.
 */
export function remainingRefusal(refused: readonly Issue[], live: readonly Issue[] | null): Issue[] {
  const errors = refused.filter((i) => i.severity === 'error');
  if (live === null) return errors;
  const now = new Set(live.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.path}`));
  return errors.filter((i) => now.has(`${i.code} ${i.path}`));
}

export interface SaveBarProps {
  family: string;
  year: string;
  title: string;
  published: boolean;
  dirty: boolean;
  saveState: SaveOutcome | { kind: 'saving' } | null;
  errorsCount: number;
  pending: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onOverwrite: () => void;
  onReloadServer: () => void;
  onIssueClick: (ptr: string) => void;
  /** The draft, to name the indicators the issues point at. */
  doc: unknown;
  /** The engine's issues of the draft as it is now, or null while they are being computed. */
  liveIssues: readonly Issue[] | null;
  /** Why the draft cannot be published now (unsaved, errors…), or null when it can. */
  publishBlocker: string | null;
  onPublish: () => void;
  /** Opens the 署名 dialog (the name the history records for this browser's saves). */
  onChangeAuthor?: () => void;
}

export function SaveBar(p: SaveBarProps) {
  const { name: author, asks: asksAuthor } = useAuthor();
  const refusedLeft = p.saveState?.kind === 'invalid' ? remainingRefusal(p.saveState.issues, p.liveIssues) : [];
  // a refusal whose every problem has been fixed since is no longer shown
  const s = p.saveState?.kind === 'invalid' && refusedLeft.length === 0 ? null : p.saveState;
  return (
    <header className="save-bar">
      <div className="crumbs">
        <a href="#/">方案库</a>
        <span>›</span>
        <span className="title">
          {p.title || p.family}
          {/* the year only when the title does not already name it ("……（2020年度）") */}
          {(p.title || p.family).includes(String(p.year)) ? null : <span className="muted"> （{p.year}年度）</span>}
        </span>
        <span className={`status ${p.published ? 'published' : 'draft'}`}>{p.published ? '已发布' : '草稿'}</span>
        {p.dirty ? <span className="dirty" title="修改已暂存在本机浏览器中，保存后存入服务器的数据库">● 有未保存的修改（已在本机暂存）</span> : null}
      </div>
      <div className="actions">
        {/* with accounts the signed-in account is recorded: no 署名 to set */}
        {!p.published && p.onChangeAuthor && asksAuthor ? (
          <button type="button" className="link small author-link" onClick={p.onChangeAuthor} title="修改历史记录的署名（保存在本机浏览器中）">
            {author ? `署名：${author}` : '设置署名'}
          </button>
        ) : null}
        {p.dirty && !p.published ? (
          <button type="button" className="secondary" onClick={p.onDiscard}>
            放弃修改
          </button>
        ) : null}
        <button type="button" className="primary" disabled={p.published || !p.dirty || s?.kind === 'saving'} onClick={p.onSave}>
          {s?.kind === 'saving' ? '正在保存…' : '保存'}
        </button>
        {!p.published ? (
          <button type="button" className="publish-btn" disabled={p.publishBlocker !== null} title={p.publishBlocker ?? '发布后方案只读，不可再修改'} onClick={p.onPublish}>
            发布…
          </button>
        ) : null}
      </div>

      {s && s.kind !== 'saving' ? (
        <div className={`save-result ${s.kind}`} role={s.kind === 'saved' ? 'status' : 'alert'} data-testid="save-result">
          {s.kind === 'saved' ? <span>已保存到服务器的数据库。{s.warnings ? `（另有 ${s.warnings} 条提醒）` : ''}</span> : null}
          {s.kind === 'invalid' ? (
            <>
              <div className="save-title">保存被拒绝：{s.message}</div>
              <ul>
                {refusedLeft.slice(0, 12).map((i, n) => {
                  const place = issuePlace(p.doc, i.path);
                  return (
                    <li key={n}>
                      {place ? <span className="issue-place">{place}：</span> : null}
                      <button type="button" className="link" onClick={() => p.onIssueClick(i.path)} title={`${i.messageEn}（${i.path}）`}>
                        {i.message}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
          {s.kind === 'conflict' ? (
            <>
              <div className="save-title">未保存：{s.message}</div>
              <div className="conflict-actions">
                您的修改仍在本页（并已暂存在本机）。请选择：
                <button type="button" className="secondary" onClick={p.onReloadServer}>
                  放弃我的修改，载入最新版本
                </button>
                <button type="button" className="danger" onClick={p.onOverwrite}>
                  用我的修改覆盖最新版本
                </button>
              </div>
            </>
          ) : null}
          {s.kind === 'refused' || s.kind === 'error' ? <div className="save-title">未保存：{s.message}</div> : null}
        </div>
      ) : null}
    </header>
  );
}

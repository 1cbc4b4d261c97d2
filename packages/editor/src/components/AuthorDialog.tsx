/**
 * Asks, once, for the name the history records for this browser's writes (署名, state/author.ts): shown
 * before the first write when no name is stored — a save, a publication, 新建草稿, a restore, a case's
 * status change or deletion, all through `ensureAuthor` — and from the save bar to change it.
 */
import { useEffect, useRef, useState } from 'react';
import { MAX_AUTHOR, loadAuthor, setAuthorAsker, storeAuthor } from '../state/author.ts';

/**
 * The one place the 署名 dialog is shown from: registers itself as the page's asker (`setAuthorAsker`), and
 * shows the dialog while a write (or the 署名 link) waits for the answer. Mounted once by SessionGate when
 * the server has no accounts.
 */
export function AuthorGate() {
  const [waiting, setWaiting] = useState<((name: string | null) => void) | null>(null);
  useEffect(
    () =>
      setAuthorAsker(
        () =>
          new Promise<string | null>((resolve) => {
            setWaiting(() => resolve);
          }),
      ),
    [],
  );
  if (!waiting) return null;
  const answer = (name: string | null) => {
    setWaiting(null);
    waiting(name);
  };
  return <AuthorDialog onDone={(name) => answer(name)} onCancel={() => answer(null)} />;
}

export interface AuthorDialogProps {
  /** Called with the stored name after 确定. */
  onDone: (name: string) => void;
  onCancel: () => void;
}

export function AuthorDialog({ onDone, onCancel }: AuthorDialogProps) {
  const [name, setName] = useState(() => loadAuthor() ?? '');
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    input.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  const ok = name.trim().length > 0;
  const done = () => {
    if (!ok) return;
    storeAuthor(name);
    onDone(name.trim());
  };
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-label="您的署名">
        <h2>您的署名</h2>
        <div className="modal-body">
          <p>修改历史会记录每次修改（保存、发布、新建草稿、恢复、提交或删除案例）是谁做的。请填写您的姓名或科室（只需填写一次，保存在本机浏览器中，可随时在页面顶部修改）。</p>
          <input
            ref={input}
            aria-label="署名"
            value={name}
            maxLength={MAX_AUTHOR}
            placeholder="如：预算绩效科 李四"
            style={{ width: '100%' }}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && done()}
          />
        </div>
        <div className="modal-actions">
          <button type="button" className="secondary-dark" onClick={onCancel}>
            取消
          </button>
          <button type="button" className="primary-dark" disabled={!ok} onClick={done}>
            确定
          </button>
        </div>
      </div>
    </div>
  );
}

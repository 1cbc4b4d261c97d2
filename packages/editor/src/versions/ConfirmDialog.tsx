/**
 * A confirmation the user must answer (发布、恢复): a modal dialog with the consequence spelled out
 * and two buttons; Escape or 取消 closes it.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Style of the confirming button: `danger` for what cannot be undone. */
  tone?: 'primary' | 'danger';
  busy?: boolean;
  /** The action is not possible now (the text says why). */
  confirmDisabled?: boolean;
  /** Shown under the text when the action was refused. */
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(p: ConfirmDialogProps) {
  const confirmRef = useRef<HTMLButtonElement | null>(null);
  const { onCancel } = p;
  useEffect(() => {
    confirmRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-label={p.title}>
        <h2>{p.title}</h2>
        <div className="modal-body">{p.children}</div>
        {p.error ? <div className="modal-error" role="alert">{p.error}</div> : null}
        <div className="modal-actions">
          <button type="button" className="secondary-dark" onClick={p.onCancel} disabled={p.busy}>
            取消
          </button>
          <button ref={confirmRef} type="button" className={p.tone === 'danger' ? 'danger' : 'primary-dark'} onClick={p.onConfirm} disabled={p.busy || p.confirmDisabled}>
            {p.busy ? '请稍候…' : p.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

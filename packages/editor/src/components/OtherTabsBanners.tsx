/**
 * What other tabs hold of the document on this page (useOtherTabs): a live tab's unsaved changes are reported,
 * each closed tab's are offered with their time — 打开这些修改 (after a confirmation when this tab has unsaved
 * changes of its own, which they replace) or 丢弃这些修改 (after a confirmation: it cannot be undone; not 删除,
 * which on the case page is the red button that deletes the case itself). Shown by the scheme page (`what` 方案)
 * and the case page (`what` 案例).
 */
import type { OtherDraft } from '../state/local-draft.ts';

export interface OtherTabsBannersProps {
  /** What the document is, in the sentences: 方案 or 案例. */
  what: '方案' | '案例';
  otherTab: boolean;
  orphans: readonly OtherDraft[];
  /** This tab has unsaved changes (opening a closed tab's replaces them, so it asks first). */
  dirty: boolean;
  onAdopt(tab: string): void;
  onDiscard(tab: string): void;
}

export function OtherTabsBanners({ what, otherTab, orphans, dirty, onAdopt, onDiscard }: OtherTabsBannersProps) {
  return (
    <>
      {otherTab ? (
        <div className="banner warn" role="status" data-testid="other-tab">
          另一个窗口有这个{what}未保存的修改，各窗口的修改分别暂存，互不覆盖；保存时如有冲突，会提示您。
        </div>
      ) : null}
      {orphans.map((o) => (
        <div className="banner info" role="status" data-testid="orphan-draft" key={o.tab || 'legacy'}>
          一个已关闭的窗口{o.draft.savedAt ? `在 ${new Date(o.draft.savedAt).toLocaleString('zh-CN')} ` : ''}留下了这个{what}未保存的修改。{' '}
          <button
            type="button"
            onClick={() => {
              if (!dirty || window.confirm('用那个窗口的修改替换本窗口当前未保存的修改？')) onAdopt(o.tab);
            }}
          >
            打开这些修改
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              if (window.confirm('丢弃那个窗口留下的未保存修改？此操作不能撤销。')) onDiscard(o.tab);
            }}
          >
            丢弃这些修改
          </button>
        </div>
      ))}
    </>
  );
}

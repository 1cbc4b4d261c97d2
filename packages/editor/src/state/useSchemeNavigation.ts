/**
 * Where the user is on the scheme page: the main view (自评表 of a project family, 评分表, 指标结构与分值, 事实与计算指标, JSON,
 * 版本对比, 修改历史), the indicator selected in the table, the JSON pointer to reveal in the JSON view,
 * and the side panel (案例得分 or 影响预览).
 */
import { useCallback, useState } from 'react';

export type SchemeView = 'selfeval' | 'table' | 'structure' | 'declarations' | 'json' | 'compare' | 'history';
export type SidePanel = 'case' | 'impact';

export interface SchemeNavigation {
  view: SchemeView;
  setView(v: SchemeView): void;
  /** JSON pointer of the indicator selected in the table, or null. */
  selected: string | null;
  setSelected(ptr: string | null): void;
  /** JSON pointer the JSON view scrolls to, or null. */
  reveal: string | null;
  side: SidePanel;
  setSide(s: SidePanel): void;
  /** Opens the JSON view at `ptr` (an issue clicked in the save bar). */
  revealInJson(ptr: string): void;
  /** Opens the table with the indicator at `ptr` selected (from the structure tree). */
  openInTable(ptr: string): void;
}

export function useSchemeNavigation(): SchemeNavigation {
  const [view, setView] = useState<SchemeView>('table');
  const [selected, setSelected] = useState<string | null>(null);
  const [reveal, setReveal] = useState<string | null>(null);
  const [side, setSide] = useState<SidePanel>('case');
  const revealInJson = useCallback((ptr: string) => {
    setView('json');
    setReveal(ptr);
  }, []);
  const openInTable = useCallback((ptr: string) => {
    setSelected(ptr);
    setView('table');
  }, []);
  return { view, setView, selected, setSelected, reveal, side, setSide, revealInJson, openInTable };
}

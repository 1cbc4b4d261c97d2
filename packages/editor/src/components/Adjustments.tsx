/**
 * The steps from the sum of the indicators to the total (`sheet.adjustments`: 不适用折算, 总分封顶), shown
 * under every total so the table adds up with its reason: "总分封顶：95.50 → 89.00（-6.50）；预算执行率 75%，
 * 落在第1档：总分不超过89分；…". The text is the engine's (`adjustmentLines`: numbers by `showChange` at the
 * sheet's places, the explanation as the engine writes it); nothing is shown when the sheet has no steps.
 */
import { adjustmentLines } from '@jixiao/engine';
import type { ScoreSheet } from '../model/types.ts';

/** A list of the sheet's steps, or nothing. */
export function Adjustments({ sheet, className }: { sheet: Pick<ScoreSheet, 'adjustments' | 'places'>; className?: string }) {
  const lines = adjustmentLines(sheet);
  if (lines.length === 0) return null;
  return (
    <ul className={`adjustments${className ? ` ${className}` : ''}`} aria-label="总分调整" data-testid="adjustments">
      {lines.map((l, k) => (
        <li key={k}>{l}</li>
      ))}
    </ul>
  );
}

/**
 * 项目支出绩效自评表 as the official form (打印视图): the engine's `selfEvalGrid` of the case — 项目名称/项目金额,
 * 主管部门/实施单位, 项目资金（元） with 年度资金总额 and 其中：当年财政拨款 / 上年结转资金 / 其他资金, 年度总体目标,
 * 年度绩效指标 rows and 总分, as seed 001 lays them out — the very cells the Word and Excel reports draw. The engine's
 * explanations (how each row was read, 规则得分 and 自评得分, 总分调整, 等级) follow under 说明, never in the table.
 */
import { selfEvalForm, selfEvalGrid } from '@jixiao/engine';
import type { CaseDoc, Scheme, ScoreSheet, TargetRowT } from '../model/types.ts';
import { factEntry } from '../model/case-form.ts';

export interface SelfEvalFormProps {
  scheme: Scheme;
  doc: CaseDoc;
  sheet: ScoreSheet;
  /** The fact of the 年度绩效指标 rows (the scheme's `rows` input). */
  rowsFact: string;
}

/** Widths of the form's 9 columns, % (the Word report's proportions): labels narrow, texts and 偏差原因 wide. */
const COLUMN_WIDTHS = [8, 11, 11, 17, 12, 12, 7, 8, 14];

export function SelfEvalForm({ scheme, doc, sheet, rowsFact }: SelfEvalFormProps) {
  const given = factEntry(doc, rowsFact).value;
  const rows = Array.isArray(given) ? (given as TargetRowT[]) : [];
  const form = selfEvalForm(scheme, sheet, { name: doc.name, department: doc.department, facts: doc.facts as Record<string, unknown>, reported: doc.reported }, rows);
  const grid = selfEvalGrid(form);
  return (
    <>
      <table className="official-table self-eval-form print-sheet" aria-label="项目支出绩效自评表">
        <colgroup>
          {COLUMN_WIDTHS.map((w, k) => (
            <col key={k} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        <tbody>
          {grid.map((line, r) => (
            <tr key={r}>
              {line.map((c) => {
                const cls = [c.center ? 'center' : '', c.right || c.money !== undefined ? 'num' : '', c.number !== undefined ? 'num score' : ''].filter(Boolean).join(' ') || undefined;
                const props = { colSpan: c.colSpan > 1 ? c.colSpan : undefined, rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined, className: cls, 'data-col': c.col };
                return c.head ? (
                  <th key={c.col} {...props}>
                    {c.text}
                  </th>
                ) : (
                  <td key={c.col} {...props}>
                    {c.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {form.notes.length ? (
        <section className="self-eval-notes" aria-label="说明" data-testid="self-eval-notes">
          <h2>说明</h2>
          <ol>
            {form.notes.map((n, k) => (
              <li key={k}>{n}</li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}

/** Shared cell styles of the workbooks (template and reports): thin borders, header fill, input fill. */
import type ExcelJS from 'exceljs';

const thin = { style: 'thin' } as const;
/** Thin border on all four sides. */
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
/** Header cells: light grey. */
export const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
/** Cells a user fills in: light yellow. */
export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9DB' } };

/** Bold, centred, wrapped, grey, bordered: a header row. */
export function styleHead(row: ExcelJS.Row): void {
  row.eachCell({ includeEmpty: true }, (c) => {
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = HEAD_FILL;
    c.border = BORDER;
  });
}

/** Excel's number format for scores at `places` decimals: 2 → "0.00". */
export function scoreFormat(places: number): string {
  return places > 0 ? `0.${'0'.repeat(places)}` : '0';
}

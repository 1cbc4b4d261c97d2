/**
 * @jixiao/office — Excel and Word for jixiao: the fill-in workbook of a scheme (`templateWorkbook`), its
 * import into case documents (`importWorkbook`), and the official tables as .docx and .xlsx (`reportDocx`,
 * `reportXlsx`, and a project family's batch as one workbook). Every score is the engine's, shown by the
 * engine's display module at the scheme's places.
 */
export { templateWorkbook, templateXlsx, type TemplateOptions } from './template.ts';
export { SHEETS, reviewerItems, type ReviewerItem } from './model.ts';
export { officeMessages } from './messages.ts';
export { importWorkbook, type CellProblem, type ImportedCase, type ImportResult } from './import.ts';
export { reportWorkbook, batchWorkbook, xlsxBytes, type ScoredCase } from './report-xlsx.ts';
export { reportDocx, batchDocx, FONTS } from './report-docx.ts';
export { reportTable, departmentTable, projectTable, type ReportTable, type DeptTable, type ProjectTable } from './report-model.ts';

/**
 * The Chinese names of the engine's codes that every face shows (CLI `score`/`explain`, the editor's
 * 评分表 and 得分说明): one table, so the CLI and the editor say the same words for the same thing.
 */
import type { ScoreStatus, TraceInput } from '../sheet/types.ts';

/** How a score was established, as a short note beside it in a table ('' for a plain computed score). */
export const STATUS_NOTE: Readonly<Record<ScoreStatus, string>> = {
  computed: '',
  judgement: '酌情',
  mixed: '部分酌情',
  unverified: '未核实',
  exempt: '免评',
  vetoed: '一票否决',
};

/** How a score was established, in full (得分说明, `explain`). */
export const STATUS_TEXT: Readonly<Record<ScoreStatus, string>> = {
  computed: '按规则计算（可复核）',
  judgement: '评审酌情评分',
  mixed: '部分按规则计算、部分酌情',
  unverified: '未核实：报告未披露计算所需事实，照录报告得分',
  exempt: '免评：直接得满分',
  vetoed: '一票否决：得0分',
};

/** Where a value a rule used came from (a trace input's `origin`): a case's 事实, a scheme's 计算指标, or the scheme's default. */
export const ORIGIN_NAME: Readonly<Record<TraceInput['origin'], string>> = {
  fact: '事实',
  metric: '计算指标',
  default: '缺省值',
};

/**
 * The kind of evaluation a scheme is made for: 部门整体 (`department`, 部门整体支出绩效评价: one sheet per
 * department) or 项目 (`project`, 项目支出绩效自评: one 自评表 per budget project, a scheme with 年度绩效指标 rows).
 */
export type EvaluationKind = 'department' | 'project';

/** The labels of a case's own fields under one kind of evaluation. */
export interface CaseFieldLabels {
  /** The case's `name`. */
  name: string;
  /** The case's `department` (what a 部门填报 account is matched against). */
  department: string;
  /** The heading line of the official table (打印视图, Word and Excel reports): the department's or the project's name. */
  subject: string;
}

/**
 * What a case's own fields are called, in every face (案例填报 and 新建案例 forms, the fill-in workbook, the
 * 打印视图, the Word and Excel reports): one definition, so one thing has one name. The field's terms: a
 * 部门整体 evaluation is of a 部门（单位）, named by its 部门（单位）名称 (its case's `name` is the 案例名称, such as
 * 深圳市商务局2024年度部门整体支出绩效自评); a project's 自评表 heads with 项目名称 and 主管部门 (seed 001).
 */
export const CASE_FIELD_LABELS: Readonly<Record<EvaluationKind, Readonly<CaseFieldLabels>>> = {
  department: { name: '案例名称', department: '部门（单位）名称', subject: '部门（单位）名称' },
  project: { name: '项目名称', department: '主管部门', subject: '项目名称' },
};

/**
 * The heading line of a case's official table: its label (`CASE_FIELD_LABELS[kind].subject`) and what it names —
 * for 部门整体 the case's department (its name when it has none), for a project the project's name.
 */
export function caseSubject(kind: EvaluationKind, doc: { name: string; department?: string | undefined }): { label: string; value: string } {
  const value = kind === 'department' ? doc.department?.trim() || doc.name : doc.name;
  return { label: CASE_FIELD_LABELS[kind].subject, value };
}

/**
 * The line under an official table's heading that says which year and which scheme it was scored under —
 * the same in the 打印视图, the Word and the Excel reports, so a sheet scored under the 2024 scheme is told
 * from one scored under 2025: `[{ label: '评价年度', value: '2024年' }, { label: '评价方案', value: '…（2024年版）' }]`.
 * The scheme's year is shown after its title unless the title already says it.
 */
export function reportMeta(doc: { year: number }, scheme: { title: string; year: number }): { label: string; value: string }[] {
  const schemeName = scheme.title.includes(String(scheme.year)) ? scheme.title : `${scheme.title}（${scheme.year}年版）`;
  return [
    { label: '评价年度', value: `${doc.year}年` },
    { label: '评价方案', value: schemeName },
  ];
}

/** The official table of each kind of evaluation (打印视图 heading, Word and Excel report titles, seed 001 and seed 部门整体评分表). */
export const REPORT_TITLE: Readonly<Record<EvaluationKind, string>> = {
  department: '部门整体支出绩效评分表',
  project: '项目支出绩效自评表',
};

/**
 * The file name of a case's downloaded report: `<case name>-<year>年度-<official table>.<ext>`, such as
 * `党建人力资源培训项目-2020年度-项目支出绩效自评表.docx`, so that the same project's reports of two years are
 * told apart; the year is left out when the case's name already says it (深圳市商务局2024年度部门整体支出绩效自评).
 * Used by the server's Content-Disposition and by the editor's download link, so both name the file alike.
 */
export function reportFileName(kind: EvaluationKind, doc: { name: string; year: number }, ext: 'docx' | 'xlsx'): string {
  const year = doc.name.includes(String(doc.year)) ? '' : `-${doc.year}年度`;
  return `${doc.name}${year}-${REPORT_TITLE[kind]}.${ext}`;
}

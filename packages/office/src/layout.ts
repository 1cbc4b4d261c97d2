/**
 * The fill-in workbook's layout, shared by the template (writing) and the import (reading): which column
 * holds what, and the labels in column A that the import looks for. Rows are found by these labels, not by
 * fixed numbers, so a user may insert rows or sort the 事实表 without breaking the import.
 */
import { CASE_FIELD_LABELS } from '@jixiao/engine';

/** 事实表 columns (1-based): 标识, 事实, 填报值, 单位, 类型, 取值范围/可选值, 说明, 来源/佐证. */
export const FACT_COL = { id: 1, label: 2, value: 3, unit: 4, type: 5, range: 6, note: 7, source: 8 } as const;
export const FACT_HEAD = ['标识', '事实', '填报值', '单位', '类型', '取值范围/可选值', '说明', '来源/佐证'];

/**
 * The case's own fields at the top of the 事实表 (部门整体), keyed in column A (their value in column C); their
 * labels are the engine's (`CASE_FIELD_LABELS`), as the case form and the reports say them.
 */
export const CASE_KEYS = {
  id: { key: '#id', label: '案例标识（文件名，可留空）' },
  name: { key: '#name', label: CASE_FIELD_LABELS.department.name },
  department: { key: '#department', label: CASE_FIELD_LABELS.department.department },
  year: { key: '#year', label: '评价年度' },
} as const;

/** 评审表 columns: 标识, 一级/二级/三级指标, 分项, 分值, 计分方式, 须录入, 给分, 理由, 依据. */
export const REVIEW_COL = { key: 1, l1: 2, l2: 3, l3: 4, part: 5, points: 6, kind: 7, required: 8, score: 9, reason: 10, basis: 11 } as const;
export const REVIEW_HEAD = ['标识', '一级指标', '二级指标', '三级指标', '分项', '分值', '计分方式', '须录入', '给分', '理由（给分必填）', '依据'];

/** 依据 (basis) of a reviewer entry, as the 评审表 writes it. */
export const BASIS = { 酌情评分: 'judgement', 报告未披露: 'undisclosed' } as const;

/** 自评表: the labels in column A that open the parts of a project block (项目名称 is the engine's `CASE_FIELD_LABELS`). */
export const BLOCK = {
  name: CASE_FIELD_LABELS.project.name,
  id: '案例标识',
  funds: '项目资金',
  fundsRow: '年度资金总额',
  source: '来源/佐证',
  rowsHead: '一级指标',
} as const;

/** 自评表 row columns: 一级, 二级, 三级指标, 年度指标值, 实际完成值, 分值, 自评得分, 偏差原因分析及改进措施. */
export const ROW_COL = { level1: 1, level2: 2, level3: 3, target: 4, actual: 5, points: 6, selfScore: 7, deviation: 8 } as const;
export const ROW_HEAD = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '自评得分', '偏差原因分析及改进措施'];

/** In a project block: 主管部门 and 评价年度 sit in column F, their values in G. */
export const BLOCK_SIDE = { labelCol: 6, valueCol: 7, department: CASE_FIELD_LABELS.project.department, year: '评价年度' } as const;

/** 模板信息: the scheme the template was made for (column B beside each label). */
export const META = { scheme: '方案标识', year: '方案年度', version: '方案版本', title: '方案名称' } as const;

/** Column letters: 1 → A, 27 → AA. */
export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** `事实表!C12`. */
export function cellRef(sheet: string, col: number, row: number): string {
  return `${sheet}!${colLetter(col)}${row}`;
}

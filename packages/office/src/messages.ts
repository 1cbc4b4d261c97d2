/**
 * Messages of the Excel import (导入): every problem names its sheet and cell ("事实表!C12：…") in Chinese,
 * with the English beside. Declared in the engine's message catalogue (`defineMessages`), so a face can
 * render them again from code and params.
 */
import { defineMessages } from '@jixiao/engine';

/** Where a problem is: `事实表!C12` (`at`), and the Chinese name of what the cell holds (`what`). */
type At = { at: string };
type Cell = At & { what: string; value: string };

export const officeMessages = defineMessages({
  /** The bytes are not an .xlsx workbook (`error`: the reader's own words). */
  'office-not-workbook': {
    // the reader's words are in English; the Chinese says what to do instead
    zh: () => '文件无法作为 Excel 工作簿（.xlsx）读取：不是 .xlsx 文件或文件已损坏（.xls 文件请先在 Excel/WPS 中另存为 .xlsx）',
    en: (p: { error: string }) => `the file cannot be read as an Excel workbook (.xlsx): ${p.error}`,
  },
  /** The workbook lacks the sheet the scheme needs (事实表 or 自评表). */
  'office-no-sheet': {
    zh: (p: { sheet: string }) => `工作簿中没有“${p.sheet}”工作表（请使用本方案的填报模板）`,
    en: (p: { sheet: string }) => `the workbook has no sheet "${p.sheet}" (use this scheme's template)`,
  },
  /** The template was made for another scheme (id and year written in the workbook). */
  'office-other-scheme': {
    zh: (p: At & { given: string; expected: string }) => `${p.at}：此模板属于方案 ${p.given}，而导入所用方案是 ${p.expected}`,
    en: (p: At & { given: string; expected: string }) => `${p.at}: this template belongs to scheme ${p.given}, but the import uses ${p.expected}`,
  },
  'office-cell-number': {
    zh: (p: Cell) => `${p.at}：${p.what}应为数字，实际为“${p.value}”`,
    en: (p: Cell) => `${p.at}: ${p.what} must be a number, got "${p.value}"`,
  },
  /**
   * A percent in a plain (not percent-formatted) cell is read as percent points, as the editor's percent field
   * reads it (engine `percentPointsValue`): 0.95 there is 0.95%. A warning, as the editor's, when the number is
   * at most 1 in size and a fraction (95%) may have been meant (`meant`: "95"). `value`: as typed.
   */
  'office-percent-points': {
    severity: 'warning',
    zh: (p: Cell & { meant: string }) => `${p.at}：${p.what}填的是 ${p.value}，按 ${p.value}% 导入；若指 ${p.meant}%，请填 ${p.meant} 或 ${p.meant}%`,
    en: (p: Cell & { meant: string }) => `${p.at}: ${p.what} is ${p.value}, read as ${p.value}%; for ${p.meant}% write ${p.meant} or ${p.meant}%`,
  },
  'office-cell-year': {
    zh: (p: Cell) => `${p.at}：${p.what}应为四位年份，如 2024，实际为“${p.value}”`,
    en: (p: Cell) => `${p.at}: ${p.what} must be a four-digit year such as 2024, got "${p.value}"`,
  },
  /** A money fact's unit cell is neither 元 nor 万元. */
  'office-cell-unit': {
    zh: (p: Cell) => `${p.at}：${p.what}的单位应为“元”或“万元”，实际为“${p.value}”`,
    en: (p: Cell) => `${p.at}: the unit of ${p.what} must be 元 or 万元, got "${p.value}"`,
  },
  'office-cell-boolean': {
    zh: (p: Cell) => `${p.at}：${p.what}应填“是”或“否”，实际为“${p.value}”`,
    en: (p: Cell) => `${p.at}: ${p.what} must be 是 (yes) or 否 (no), got "${p.value}"`,
  },
  'office-cell-enum': {
    zh: (p: Cell & { allowed: readonly string[] }) => `${p.at}：${p.what}应为以下之一：${p.allowed.join('、')}；实际为“${p.value}”`,
    en: (p: Cell & { allowed: readonly string[] }) => `${p.at}: ${p.what} must be one of ${p.allowed.join(', ')}, got "${p.value}"`,
  },
  /** A reviewer's score outside 0 … the item's points (分). */
  'office-score-range': {
    zh: (p: Cell & { points: string }) => `${p.at}：${p.what}的给分 ${p.value} 分不在 0 至 ${p.points} 分之间`,
    en: (p: Cell & { points: string }) => `${p.at}: the score ${p.value} of ${p.what} is not between 0 and ${p.points}`,
  },
  'office-reason-missing': {
    zh: (p: At & { what: string }) => `${p.at}：${p.what}已给分，须写明理由`,
    en: (p: At & { what: string }) => `${p.at}: ${p.what} is scored, so a reason is required`,
  },
  'office-score-missing': {
    zh: (p: At & { what: string }) => `${p.at}：${p.what}写了理由但未给分`,
    en: (p: At & { what: string }) => `${p.at}: ${p.what} has a reason but no score`,
  },
  'office-basis': {
    zh: (p: Cell) => `${p.at}：${p.what}的依据应为“酌情评分”或“报告未披露”，实际为“${p.value}”`,
    en: (p: Cell) => `${p.at}: the basis of ${p.what} must be 酌情评分 (judgement) or 报告未披露 (undisclosed), got "${p.value}"`,
  },
  /** A row of the 评审表 or 事实表 whose 标识 the scheme does not have. */
  'office-unknown-id': {
    zh: (p: At & { id: string }) => `${p.at}：标识“${p.id}”不在本方案中，此行已忽略`,
    en: (p: At & { id: string }) => `${p.at}: id "${p.id}" is not in this scheme; the row is ignored`,
    severity: 'warning',
  },
  /** A 自评表 row with text but no 分值, or 分值 but no 三级指标. */
  'office-row-incomplete': {
    zh: (p: At & { missing: string }) => `${p.at}：指标行缺少${p.missing}`,
    en: (p: At & { missing: string }) => `${p.at}: the indicator row has no ${p.missing === '分值' ? 'points (分值)' : 'indicator name (三级指标)'}`,
  },
  /** An engine issue (validateCase, evaluate) placed at the cell it concerns. */
  'office-at-cell': {
    zh: (p: At & { zh: string; en: string }) => `${p.at}：${p.zh}`,
    en: (p: At & { zh: string; en: string }) => `${p.at}: ${p.en}`,
  },
  /**
   * A reviewer entry not made yet (engine `awaitsReviewer`), at its 给分 cell: the reviewer scores it after
   * the department submits, so it is no error of the workbook (待评审).
   */
  /**
   * The department's entry left empty (a fact, a row's self-score or reason): the case is read all the same,
   * as the case form keeps a case being filled in (填报中); 提交 needs it (evaluate/submission.ts).
   */
  'office-not-entered': {
    zh: (p: At & { zh: string; en: string }) => `${p.at}：未填写（可稍后补填，提交前须填齐）：${p.zh}`,
    en: (p: At & { zh: string; en: string }) => `${p.at}: not filled in (may be filled in later; needed before submitting): ${p.en}`,
    severity: 'warning',
  },
  'office-awaits-reviewer': {
    zh: (p: At & { zh: string; en: string }) => `${p.at}：待评审（由评审填写，不是填报错误）：${p.zh}`,
    en: (p: At & { zh: string; en: string }) => `${p.at}: awaits the reviewer (not an error of the workbook): ${p.en}`,
    severity: 'warning',
  },
});

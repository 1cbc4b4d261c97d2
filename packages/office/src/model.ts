/**
 * What a scheme asks of a workbook: its declared input facts (事实), its reviewer items (评审录入: every
 * leaf indicator and every part of a 分项合计, the judgement ones required), and whether it is a project
 * scheme (a `rows` input: the 自评表 of 年度绩效指标 rows, one block per project).
 */
import { Dec, RULES, type Indicator, type Input, type Rule, type Scheme } from '@jixiao/engine';

/** Sheet names of the fill-in workbook and of the reports. */
export const SHEETS = {
  facts: '事实表',
  reviewer: '评审表',
  projects: '自评表',
  options: '选项',
  meta: '模板信息',
} as const;

/** A reviewer item: an indicator (or a part of one) a reviewer may score. */
export interface ReviewerItem {
  /** The reviewer key: indicator id, or `indicator/part`. */
  key: string;
  /** Names from 一级 down to the leaf indicator. */
  path: string[];
  /** The part's name, for a part of 分项合计. */
  part?: string;
  /** 分值 (points, 分) as the scheme writes them. */
  points: string;
  /** The rule kind's Chinese name (酌情评分, 评分要点…). */
  kindName: string;
  /** True for a 酌情评分 (judgement) rule: the reviewer must score it. */
  required: boolean;
}

/** The reviewer items of a scheme, in the order of its indicator tree. */
export function reviewerItems(scheme: Scheme): ReviewerItem[] {
  const out: ReviewerItem[] = [];
  const rule = (r: Rule, key: string, path: string[], points: string, part?: string) => {
    const item: ReviewerItem = { key, path, points, kindName: RULES.name(r.kind) ?? r.kind, required: r.kind === 'judgement' };
    if (part !== undefined) item.part = part;
    // a targets rule is scored row by row from the 自评表; a reviewer entry for it is never asked for here
    if (r.kind !== 'targets') out.push(item);
    for (const p of RULES.parts(r)) rule(p.rule as Rule, `${key}/${p.id}`, path, String(p.points), part ? `${part} / ${p.name}` : p.name);
  };
  const walk = (ind: Indicator, path: string[]) => {
    const here = [...path, ind.name];
    if (ind.rule) rule(ind.rule, ind.id, here, String(ind.points));
    for (const c of ind.children ?? []) walk(c, here);
  };
  for (const i of scheme.indicators) walk(i, []);
  return out;
}

/** The `rows` input of a project scheme (年度绩效指标行), or undefined for a department scheme. */
export function rowsInput(scheme: Scheme): Input | undefined {
  return scheme.inputs.find((i) => i.type === 'rows');
}

/** The inputs a project block holds besides its rows (the funds: 年初预算数, 全年预算数, 全年执行数 …). */
export function blockInputs(scheme: Scheme): { money: Input[]; other: Input[] } {
  const rest = scheme.inputs.filter((i) => i.type !== 'rows');
  return { money: rest.filter((i) => i.type === 'money'), other: rest.filter((i) => i.type !== 'money') };
}

/** 元 and 万元: the money units a cell may be written in, with their size in 元. */
export const MONEY_UNITS: Readonly<Record<string, number>> = { 元: 1, 万元: 10000 };

/** The Chinese name of a fact type, as the template shows it. */
export const TYPE_NAME: Readonly<Record<Input['type'], string>> = {
  number: '数值',
  percent: '百分比',
  money: '金额',
  count: '计数（整数）',
  boolean: '是/否',
  enum: '选项',
  text: '文本',
  rows: '指标行',
};

/** Whether an input must be given (the scheme's `required`, true unless said, and no default). */
export function isRequired(i: Input): boolean {
  return i.required !== false && i.default === undefined;
}

/** A scheme number (`Num`: 6, "0.95", "95%") as an exact Dec. */
export function numOf(v: string | number): Dec {
  return typeof v === 'string' && v.trim().endsWith('%') ? new Dec(v.trim().slice(0, -1)).div(100) : new Dec(v);
}

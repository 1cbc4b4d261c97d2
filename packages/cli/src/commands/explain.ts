/**
 * `jixiao explain --scheme <file> --facts <file> --indicator <id|名称>` (an id, a name or a unique part of one): how one score came about, in
 * readable Chinese — the official 评分标准, the rule, the branch taken, the inputs with their values,
 * the arithmetic line by line, each part of a composite rule, each indicator row of a project, the
 * reviewer's reason and the warnings. Everything printed is the engine's trace; nothing is recomputed.
 */
import { normalizeCriterion, renderCriterion, showCounted, showPoints, showScore, type ScoreSheet, type SheetNode, type Trace } from '@jixiao/engine';
import { inputError, type Io } from '../io.ts';
import { issueLines } from '../issues.ts';
import { loadFactsCase, loadScheme, refuseOtherScheme } from '../load.ts';
import { KIND_NAME, ORIGIN_NAME, OUTCOME_NAME, STATUS_TEXT } from '../present/names.ts';
import { scoreSheet } from '../score-case.ts';

export interface ExplainOptions {
  scheme: string;
  facts: string;
  indicator: string;
}

/** The node with `id`, and its ancestors' names (一级 › 二级). */
export function findNode(nodes: SheetNode[], id: string, trail: string[] = []): { node: SheetNode; trail: string[] } | null {
  for (const n of nodes) {
    if (n.id === id) return { node: n, trail };
    if (n.children) {
      const hit = findNode(n.children, id, [...trail, n.name]);
      if (hit) return hit;
    }
  }
  return null;
}

function allNodes(nodes: SheetNode[]): SheetNode[] {
  return nodes.flatMap((n) => [n, ...(n.children ? allNodes(n.children) : [])]);
}

/** An indicator as listed to the user: `id（名称）`. */
export function indicatorLabel(n: { id: string; name: string }): string {
  return n.name && n.name !== n.id ? `${n.id}（${n.name}）` : n.id;
}

/** What `--indicator` named: one indicator, or none or several (the candidates to list). */
export type IndicatorMatch = { ok: true; id: string } | { ok: false; candidates: SheetNode[]; ambiguous: boolean };

/**
 * The indicator `query` names, as a user types it: its id, its Chinese name (指标名称) exactly, or a part of
 * a name that only one indicator's name contains (`满意度` for 公众或服务对象满意度). Tried in that order,
 * so an exact id or name always wins over a part. Several names containing the part: `ambiguous`, with them.
 */
export function matchIndicator(nodes: SheetNode[], query: string): IndicatorMatch {
  const all = allNodes(nodes);
  const q = query.trim();
  const byId = all.find((n) => n.id === q);
  if (byId) return { ok: true, id: byId.id };
  const byName = all.filter((n) => n.name === q);
  if (byName.length === 1) return { ok: true, id: byName[0]!.id };
  if (byName.length > 1) return { ok: false, candidates: byName, ambiguous: true };
  const byPart = q ? all.filter((n) => n.name.includes(q)) : [];
  if (byPart.length === 1) return { ok: true, id: byPart[0]!.id };
  return byPart.length > 1 ? { ok: false, candidates: byPart, ambiguous: true } : { ok: false, candidates: all, ambiguous: false };
}

/**
 * The lines of a trace (and of its parts, indented), scores shown to `places` decimals; a row's 计入 is the
 * score it counts, unrounded when it has more decimals ("7.9999（未取整）", showCounted).
 */
export function traceLines(t: Trace, places: number, indent = ''): string[] {
  const out: string[] = [];
  out.push(`${indent}规则：${KIND_NAME[t.kind] ?? t.kind}（${t.kind}）`);
  out.push(`${indent}计分分支：${t.branch}`);
  if (t.inputs.length) {
    out.push(`${indent}输入：`);
    for (const i of t.inputs) out.push(`${indent}  ${i.label}${i.label.includes(i.id) ? "" : `（${i.id}）`} = ${i.display}〔${ORIGIN_NAME[i.origin] ?? i.origin}〕`);
  }
  if (t.arithmetic.length) {
    out.push(`${indent}计算过程：`);
    for (const a of t.arithmetic) out.push(`${indent}  ${a}`);
  }
  for (const p of t.parts ?? []) {
    out.push(`${indent}分项 ${p.id}「${p.name}」（分值 ${showPoints(p.points)}分）：得 ${showScore(p.score, places)}分`);
    out.push(...traceLines(p, places, indent + '    '));
  }
  if (t.rows?.length) {
    out.push(`${indent}指标行：`);
    for (const r of t.rows) {
      out.push(`${indent}  ${r.id} ${[r.level1, r.level2, r.level3].join(' › ')}（分值 ${showPoints(r.points)}分）：${OUTCOME_NAME[r.outcome]}，计入 ${showCounted(r.score, places)}分`);
      out.push(`${indent}      ${r.explanation}`);
      for (const w of r.warnings) out.push(`${indent}      警告：${w}`);
    }
  }
  return out;
}

/** The explanation of one node of a sheet, as lines. */
export function explainLines(sheet: ScoreSheet, id: string, places: number, official?: { criterion?: string; rendered?: string | null }): string[] {
  const hit = findNode(sheet.nodes, id);
  if (!hit) return [];
  const { node, trail } = hit;
  const out = [
    `指标 ${node.id}「${node.name}」${trail.length ? `（${[...trail, node.name].join(' › ')}）` : ''}`,
    `分值 ${showPoints(node.points)}分，得分 ${showScore(node.score, places)}分；${STATUS_TEXT[node.status]}`,
  ];
  const { criterion, rendered } = official ?? {};
  if (criterion) out.push(`参考评分标准（原文）：${criterion}`);
  if (rendered && criterion) {
    out.push(normalizeCriterion(rendered) === normalizeCriterion(criterion) ? '（按规则生成的评分标准与原文一致）' : `按规则生成的评分标准（与原文不一致，请核对）：${rendered}`);
  } else if (rendered) out.push(`评分标准（按规则生成）：${rendered}`);
  if (node.children) {
    out.push('下级指标：');
    for (const c of node.children) out.push(`  ${c.id}「${c.name}」 ${showScore(c.score, places)} / ${showPoints(c.points)}分`);
    out.push(`小计：${node.children.map((c) => showScore(c.score, places)).join(' + ')} = ${showScore(node.score, places)}分`);
  }
  if (node.trace) out.push(...traceLines(node.trace, places));
  if (node.reason) out.push(`评审理由：${node.reason}`);
  for (const w of node.warnings) out.push(`警告：${w}`);
  out.push(`得分：${showScore(node.score, places)}分`);
  return out;
}

/** Runs `explain`. @throws CliError (1: invalid input or unknown indicator; 2: missing file, an Excel workbook, a case of another scheme). */
export function explainCommand(opts: ExplainOptions, io: Io): void {
  const scheme = loadScheme(opts.scheme, io.cwd);
  const kase = loadFactsCase(opts.facts, io.cwd, scheme.compiled.scheme);
  refuseOtherScheme(kase, scheme, { zh: '解释', en: 'explained' });
  const warnings = [...scheme.warnings, ...kase.warnings];
  if (warnings.length) io.err(issueLines(warnings, scheme.compiled.scheme).join('\n') + '\n');
  const sheet = scoreSheet(scheme, kase);
  const s = scheme.compiled.scheme;
  const match = matchIndicator(sheet.nodes, opts.indicator);
  if (!match.ok) {
    const list = match.candidates.map(indicatorLabel).join('、');
    throw inputError(
      match.ambiguous
        ? [
            `错误 [ambiguous-indicator] 方案 ${s.id} 中有 ${match.candidates.length} 个指标的名称含“${opts.indicator}”，请写得更完整，或写指标标识：${list}`,
            `    "${opts.indicator}" matches ${match.candidates.length} indicators of scheme ${s.id}; give more of the name, or the id`,
          ]
        : [
            `错误 [unknown-indicator] 方案 ${s.id} 中没有指标 ${opts.indicator}（可写指标标识、名称或名称中唯一的一段）；可用的指标：${list}`,
            `    no indicator "${opts.indicator}" in scheme ${s.id} (give an id, a name, or a unique part of a name)`,
          ],
    );
  }
  const hit = findNode(sheet.nodes, match.id)!;
  const official = { criterion: hit.node.criterion, rendered: hit.node.children ? null : renderCriterion(s, match.id) };
  io.out(explainLines(sheet, match.id, s.rounding.places, official).join('\n') + '\n');
}

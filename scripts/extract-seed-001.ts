/**
 * One-off transcription aid for seed 001 (深圳市商务局 2020 项目支出绩效自评表, 57 tables).
 * Reads the PDF-extracted text, splits it into the 57 tables, parses each table's header,
 * funds block (年度资金总额 row), 年度绩效指标 rows and 总分, applies the hand reconstructions
 * listed in FIXUPS (mangled extraction), and writes
 * schemes/shenzhen-project/cases/2020/<nn>-<slug>.json.
 *
 * Run: npx tsx scripts/extract-seed-001.ts [--dump]   (--dump prints the parsed rows instead)
 * The committed case files are the product; this script only records how they were made.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
// decimal.js is a dependency of the engine package, not of the workspace root.
import Decimal from '../packages/engine/node_modules/decimal.js/decimal.js';
import { fileURLToPath } from 'node:url';
import { FIXUPS, SLUGS, type Row } from './extract-seed-001-fixups.ts';

const SEED = '/work/shared/seeds/001_d496ccbf7d5c702a.txt';
const OUT = fileURLToPath(new URL('../schemes/shenzhen-project/cases/2020/', import.meta.url));

const LEVEL1 = new Set(['产出指标', '效益指标']);
const LEVEL2 = new Set([
  '数量指标', '质量指标', '时效指标', '成本指标',
  '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '满意度指标',
]);
/** The table's own row-group labels (the merged 年度绩效指标 cell, split by the PDF extraction). */
const GROUP_LABELS = new Set(['年度绩效指标', '年度绩效指 标', '年度绩效 指标', '年度绩效', '指标', '年度绩效指']);
/** Canonical 一级指标 of each 二级指标, as the seed's tables lay them out (满意度指标 sits under 效益指标). */
const PARENT: Record<string, string> = {
  数量指标: '产出指标', 质量指标: '产出指标', 时效指标: '产出指标', 成本指标: '产出指标',
  经济效益指标: '效益指标', 社会效益指标: '效益指标', 生态效益指标: '效益指标', 可持续影响指标: '效益指标',
  满意度指标: '效益指标',
};

const NUM = /^-?[0-9]+(\.[0-9]+)?$/;

/** "1,039,209,201.00" → "1039209201.00"; "-" (the tables' blank amount) → "0". */
function money(cell: string): string {
  const s = cell.trim();
  if (s === '-' || s === '' || s === '—') return '0';
  const plain = s.replace(/,/g, '');
  if (!NUM.test(plain)) throw new Error(`not an amount: ${cell}`);
  return plain;
}

interface Table {
  n: number;
  name: string;
  competent: string;
  implementer: string;
  fundsLine: string;
  funds: { initial: string; budget: string; spent: string; points: string; rate: string; score: string | null };
  rows: Row[];
  rawRows: string[];
  totalPoints: string;
  total: string;
  lineStart: number;
}

function cells(line: string): string[] {
  return line.split('\t').map((c) => c.trim()).filter((c) => c !== '');
}

function parseRow(line: string, state: { l1: string; l2: string }): Row {
  let toks = cells(line);
  while (toks.length && GROUP_LABELS.has(toks[0]!)) toks = toks.slice(1);
  // level labels at the front
  let l1: string | null = null;
  let l2: string | null = null;
  while (toks.length > 3) {
    const t = toks[0]!;
    if (LEVEL1.has(t) && l1 === null && l2 === null) { l1 = t; toks = toks.slice(1); continue; }
    if (LEVEL2.has(t) && l2 === null) { l2 = t; toks = toks.slice(1); continue; }
    if (GROUP_LABELS.has(t)) { toks = toks.slice(1); continue; }
    break;
  }
  // points / selfScore: the last adjacent numeric pair followed by at most one non-numeric cell
  let at = -1;
  for (let i = toks.length - 2; i >= 0; i--) {
    const rest = toks.slice(i + 2);
    if (NUM.test(toks[i]!) && NUM.test(toks[i + 1]!) && rest.length <= 1 && rest.every((r) => !NUM.test(r))) { at = i; break; }
  }
  if (at < 0) throw new Error(`no points/score in row: ${JSON.stringify(toks)}`);
  const head = toks.slice(0, at);
  if (head.length !== 3) throw new Error(`row has ${head.length} text cells before 分值: ${JSON.stringify(toks)}`);
  // 一级指标 always follows from the 二级指标 (the printed 一级 labels float across page breaks).
  void l1;
  if (l2 !== null) { state.l2 = l2; state.l1 = PARENT[l2] ?? state.l1; }
  const row: Row = {
    level1: state.l1,
    level2: state.l2,
    level3: head[0]!,
    target: head[1]!,
    actual: head[2]!,
    points: toks[at]!,
    selfScore: toks[at + 1]!,
  };
  const dev = toks[at + 2];
  if (dev !== undefined && dev !== '—') row.deviation = dev;
  return row;
}

function splitTables(text: string): Table[] {
  const lines = text.split('\n');
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.includes('年度资金总额')) continue;
    const n = tables.length + 1;
    let h = i;
    while (!lines[h]!.startsWith('项目名称')) h--;
    const nameCells = cells(lines[h]!);
    const deptCells = cells(lines[h + 1]!);
    const f = cells(lines[i]!).slice(1);
    const funds = {
      initial: money(f[0]!), budget: money(f[1]!), spent: money(f[2]!),
      points: f[3]!, rate: f[4]!, score: f[5] ?? null,
    };
    let hdr = i;
    while (!/一级指标\t二级指标\t三级指标/.test(lines[hdr]!)) hdr++;
    let end = hdr;
    while (!cells(lines[end]!).includes('总分')) end++;
    const rawRows: string[] = [];
    for (let k = hdr + 1; k < end; k++) {
      const l = lines[k]!;
      if (l.trim() === '' || l.startsWith('项目支出绩效自评表') || l.startsWith('项目名称')) continue;
      rawRows.push(l);
    }
    const totalCells = cells(lines[end]!).filter((c) => c !== '总分' && c !== '—');
    tables.push({
      n,
      name: nameCells[1]!,
      competent: deptCells[1] ?? '',
      implementer: deptCells[3] ?? '',
      fundsLine: cells(lines[i]!).join('\t'),
      funds,
      rows: [],
      rawRows,
      totalPoints: totalCells[0]!,
      total: totalCells[1]!,
      lineStart: h + 1,
    });
    i = end;
  }
  return tables;
}

function main(): void {
  const tables = splitTables(readFileSync(SEED, 'utf8'));
  const dump = process.argv.includes('--dump');
  for (const t of tables) {
    const fix = FIXUPS[t.n];
    const state = { l1: '产出指标', l2: '数量指标' };
    t.rows = t.rawRows.map((raw) => {
      let l = raw;
      for (const [from, to] of fix?.lineFix ?? []) if (l.includes(from)) l = l.replace(from, to);
      try {
        return parseRow(l, state);
      } catch (e) {
        if (!dump) throw new Error(`表 ${t.n}: ${(e as Error).message}`, { cause: e });
        console.log(`!! 表 ${t.n}: ${(e as Error).message}`);
        return { level1: '?', level2: '?', level3: '?', target: '?', actual: '?', points: '0', selfScore: '0' };
      }
    });
    for (const [i, p] of Object.entries(fix?.patch ?? {})) {
      const row = t.rows[Number(i)];
      if (!row) throw new Error(`表 ${t.n}: no row ${i} to patch`);
      const { deviation, ...rest } = p;
      Object.assign(row, rest);
      if (deviation === null) delete row.deviation;
      else if (deviation !== undefined) row.deviation = deviation;
    }
    if (dump) {
      console.log(`\n## 表 ${t.n} (line ${t.lineStart}) ${t.name} | ${t.competent} | ${t.implementer} | total ${t.totalPoints} ${t.total}`);
      console.log(`   funds ${JSON.stringify(t.funds)}`);
      for (const r of t.rows) console.log(`   ${r.level1}|${r.level2}|${r.level3}|${r.target}|${r.actual}|${r.points}|${r.selfScore}|${r.deviation ?? ''}`);
    }
    const pts = t.rows.reduce((a, r) => a.plus(r.points), new Decimal(0));
    const self = t.rows.reduce((a, r) => a.plus(r.selfScore), new Decimal(0));
    const b = new Decimal(t.funds.budget);
    const rate = b.isZero() ? new Decimal(0) : new Decimal(t.funds.spent).div(b).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const fs = Decimal.min(rate.times(10), 10);
    const flags: string[] = [];
    if (!pts.eq(90)) flags.push(`Σ分值=${pts}`);
    if (!rate.eq(t.funds.rate)) flags.push(`rate ${rate} vs printed ${t.funds.rate}`);
    if (t.funds.score !== null && !fs.eq(t.funds.score)) flags.push(`funds ${fs} vs printed ${t.funds.score}`);
    const fundsUsed = t.funds.score ?? fs.toString();
    if (!self.plus(fundsUsed).eq(t.total)) flags.push(`total: ${fundsUsed}+${self}=${self.plus(fundsUsed)} vs printed ${t.total}`);
    for (const r of t.rows) if (new Decimal(r.selfScore).gt(r.points)) flags.push(`row ${r.level3} ${r.selfScore}>${r.points}`);
    const raw = new Decimal(t.funds.spent).div(b.isZero() ? 1 : b);
    console.log(`CHECK 表 ${t.n}: raw ${raw.toFixed(6)} ${flags.join('; ') || 'ok'}`);
  }
  console.log(`tables: ${tables.length}`);
  if (dump) return;
  if (tables.length !== 57 || SLUGS.length !== 57) throw new Error(`expected 57 tables and slugs, got ${tables.length}/${SLUGS.length}`);
  mkdirSync(OUT, { recursive: true });
  for (const t of tables) writeCase(t);
}

/** A printed amount cell, for the fact's source text: "-" stays "-". */
function printedFunds(t: Table): string {
  return t.fundsLine.split('\t').join(' | ');
}

function num(s: string): number {
  const n = Number(s);
  if (!Number.isFinite(n) || String(n) !== s.replace(/\.0+$/, '')) throw new Error(`not a plain number: ${s}`);
  return n;
}

function writeCase(t: Table): void {
  const fix = FIXUPS[t.n] ?? {};
  const nn = String(t.n).padStart(2, '0');
  const slug = SLUGS[t.n - 1]!;
  const src = `seed 001 表 ${t.n}`;
  const fundsSource = `${src} 项目资金（元）年度资金总额行：${printedFunds(t)}`;
  const notes = [
    '金额单位：元；表中“-”记为 0。一级、二级指标是合并单元格，按提取文本中标签出现的位置向下延续，一级指标由二级指标推定（满意度指标列于效益指标之下，依本表册版式）；三级指标、指标值、完成值、偏差说明按原文照录（含原表的截断与错字）。',
    ...(fix.notes ?? []),
  ];
  const department = fix.department ?? (t.implementer || undefined);
  const doc = {
    $schema: '../../../../packages/engine/schema/case.schema.json',
    id: `shenzhen-project-2020-${nn}-${slug}`,
    name: fix.name ?? t.name,
    ...(department ? { department } : {}),
    year: 2020,
    scheme: { id: 'shenzhen-project', year: 2020 },
    source: src,
    facts: {
      年初预算数: { value: t.funds.initial, source: fundsSource },
      全年预算数: { value: t.funds.budget, source: fundsSource },
      全年执行数: { value: t.funds.spent, source: fundsSource },
      rows: t.rows.map((r, i) => ({
        id: `r${String(i + 1).padStart(2, '0')}`,
        level1: r.level1,
        level2: r.level2,
        level3: r.level3,
        target: r.target,
        actual: r.actual,
        points: num(r.points),
        selfScore: num(r.selfScore),
        ...(r.deviation !== undefined ? { deviation: r.deviation } : {}),
      })),
    },
    reported: {
      total: t.total,
      ...(t.funds.score !== null ? { scores: { funds: t.funds.score } } : {}),
    },
    notes: notes.join('\n'),
  };
  writeFileSync(`${OUT}${nn}-${slug}.json`, JSON.stringify(doc, null, 2) + '\n');
}

main();

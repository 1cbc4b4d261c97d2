/**
 * Transcription aid for the parts of seed 001's 项目支出绩效自评表 that are not scored but belong to the official
 * form: the heading's 项目金额 and 实施单位, the funds rows 其中：当年财政拨款 / 上年结转资金 / 其他资金 (年初预算数,
 * 全年预算数, 全年执行数) and the 年度总体目标 block (预期目标, 实际完成情况). Adds them, as the facts the scheme
 * declares for them (schemes/shenzhen-project/2020.json), to the case files extract-seed-001.ts wrote — in the
 * scheme's order, after 全年执行数 — each with the printed line as its source. A cell the table leaves blank (表31,
 * 表39 实施单位; 表49 项目金额) is left out: the form shows it blank. "-" is recorded as 0, as for 年度资金总额.
 * Texts are transcribed as printed, clipped cells included (表49 实施单位 深圳市, 实际完成情况 完成2020年办公).
 *
 * Run: npx tsx scripts/extract-seed-001-form.ts   (rewrites the 57 case files; re-running changes nothing)
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SEED = '/work/shared/seeds/001_d496ccbf7d5c702a.txt';
const DIR = fileURLToPath(new URL('../schemes/shenzhen-project/cases/2020/', import.meta.url));
const NUM = /^[0-9]+(\.[0-9]+)?$/;

function cells(line: string): string[] {
  return line.split('\t').map((c) => c.trim()).filter((c) => c !== '');
}

/** "1,039,209,201.00" → "1039209201.00"; "-" → "0". */
function money(cell: string): string {
  if (cell === '-') return '0';
  const plain = cell.replace(/,/g, '');
  if (!NUM.test(plain)) throw new Error(`not an amount: ${cell}`);
  return plain;
}

/** The cell after `label` in a line, undefined when the line has none there. */
function after(cs: string[], label: string): string | undefined {
  const k = cs.indexOf(label);
  return k < 0 ? undefined : cs[k + 1];
}

const SOURCES = [
  { label: '其中：当年财政拨款', id: '当年财政拨款' },
  { label: '上年结转资金', id: '上年结转资金' },
  { label: '其他资金', id: '其他资金' },
] as const;

function main(): void {
  const lines = readFileSync(SEED, 'utf8').split('\n');
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.includes('年度资金总额')) continue;
    n++;
    const src = `seed 001 表 ${n}`;
    let h = i;
    while (!lines[h]!.startsWith('项目名称')) h--;
    const head = cells(lines[h]!);
    const dept = cells(lines[h + 1]!);
    const form: Record<string, { value: string; source: string }> = {};
    const amount = after(head, '项目金额');
    if (amount !== undefined) form['项目金额'] = { value: money(amount), source: `${src} 表头：${head.join(' | ')}` };
    const implementer = after(dept, '实施单位');
    if (implementer !== undefined) form['实施单位'] = { value: implementer, source: `${src} 表头：${dept.join(' | ')}` };
    SOURCES.forEach((s, k) => {
      const cs = cells(lines[i + 1 + k]!);
      if (cs[0] !== s.label) throw new Error(`${src}: expected ${s.label}, got ${cs[0]}`);
      const source = `${src} 项目资金（元）${s.label}行：${cs.join(' | ')}`;
      form[`${s.id}年初预算数`] = { value: money(cs[1]!), source };
      form[`${s.id}全年预算数`] = { value: money(cs[2]!), source };
      form[`${s.id}全年执行数`] = { value: money(cs[3]!), source };
    });
    const goalHead = cells(lines[i + 4]!);
    const goal = cells(lines[i + 5]!);
    // 表49 prints its heading clipped (实际完成) and its texts clipped (完成2020年办公): transcribed as printed
    if (!goalHead.includes('预期目标') || !goalHead.some((c) => c.startsWith('实际完成')) || goal.length !== 2) throw new Error(`${src}: unexpected 年度总体目标 block`);
    form['预期目标'] = { value: goal[0]!, source: `${src} 年度总体目标：预期目标` };
    form['实际完成情况'] = { value: goal[1]!, source: `${src} 年度总体目标：实际完成情况` };
    const file = files.find((f) => f.startsWith(`${String(n).padStart(2, '0')}-`));
    if (!file) throw new Error(`${src}: no case file`);
    const doc = JSON.parse(readFileSync(DIR + file, 'utf8')) as { facts: Record<string, unknown> };
    const facts: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(doc.facts)) {
      if (k in form || k === 'rows') continue;
      facts[k] = v;
      if (k === '全年执行数') Object.assign(facts, form);
    }
    facts['rows'] = doc.facts['rows'];
    doc.facts = facts;
    writeFileSync(DIR + file, JSON.stringify(doc, null, 2) + '\n');
  }
  if (n !== 57) throw new Error(`expected 57 tables, found ${n}`);
  console.log(`tables: ${n}`);
}

main();

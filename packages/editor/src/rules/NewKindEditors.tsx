/**
 * Editors of the rule kinds of issue 10: 按完成比例计分 (completion), 择一考核 (choice), 条件计分 (cases),
 * 专家评分 (experts), 时间节点 (milestones), 引用共用分档表 (bands) and 部门绩效目标行 (deptTargets). Each kind's
 * format is its schema.ts in packages/engine/src/rules/<kind>/; percent values are typed and shown in
 * percent and stored as fractions (model/num.ts, exact).
 */
import type { ReactNode } from 'react';
import type { Condition, Issue, Rule } from '../model/types.ts';
import { IconButton, IssueList, NumField, Row, Select, TextField } from '../components/fields.tsx';
import { RowActions, RowIssues, listOps } from './list-rows.tsx';
import { useEditorContext } from '../components/editor-context.tsx';
import { MetricPicker } from './MetricPicker.tsx';
import { NUMERIC_TYPES } from '../model/rule-kinds.ts';
import { ConditionEditor } from './ConditionEditor.tsx';
import { RuleEditor } from './RuleEditor.tsx';
import { issuesUnder, relativeIssues } from '../model/issues.ts';
import { uniqueId } from '../model/ids.ts';
import { fractionToPercentText } from '../model/num.ts';
import { useSchemeTables, type SharedBandTable } from './scheme-tables.ts';

type KindRule<K extends Rule['kind']> = Extract<Rule, { kind: K }>;
/** 按完成比例计分. */
export type CompletionRule = KindRule<'completion'>;
/** 择一考核. */
export type ChoiceRule = KindRule<'choice'>;
/** 条件计分. */
export type CasesRule = KindRule<'cases'>;
/** 专家评分. */
export type ExpertsRule = KindRule<'experts'>;
/** 时间节点. */
export type MilestonesRule = KindRule<'milestones'>;
/** 引用共用分档表. */
export type BandsRule = KindRule<'bands'>;
/** 部门绩效目标行. */
export type DeptTargetsRule = KindRule<'deptTargets'>;

interface P<R> {
  rule: R;
  onChange: (r: R) => void;
  /** Engine issues relative to the rule (`/options/0/rule/…`, `/cases/1`, …). */
  issues: readonly Issue[];
}

/** Shown under an editor that covers the kind's main fields only. */
function JsonRest({ children }: { children?: ReactNode }) {
  return <p className="hint">{children ?? '其余设置请在 JSON 视图中编辑。'}</p>;
}

// ——— 按完成比例计分 ———

/**
 * 完成值, 目标值 (a number — in percent when 完成值 is a percent — or another fact/metric) and the direction.
 * Source: "按完成比例计算得分，满分为止".
 */
export function CompletionEditor({ rule, onChange, issues }: P<CompletionRule>) {
  const { names } = useEditorContext();
  const actual = names.find((n) => n.id === rule.actual);
  const percent = actual?.type === 'percent';
  const targetIsFact = typeof rule.target === 'string' && names.some((n) => n.id === rule.target);
  return (
    <div>
      <Row label="完成值">
        <MetricPicker label="完成值（实际值）" value={rule.actual} types={NUMERIC_TYPES} onChange={(m) => onChange({ ...rule, actual: m })} />
      </Row>
      <Row label="目标值" hint={percent && !targetIsFact ? '按百分数填写，如 95 即 95%' : undefined}>
        <Select
          label="目标值来源"
          value={targetIsFact ? 'fact' : 'value'}
          options={[
            { value: 'value', label: '数值' },
            { value: 'fact', label: '事实或计算指标' },
          ]}
          onChange={(k) => {
            if (k === 'value') onChange({ ...rule, target: 1 });
            else onChange({ ...rule, target: names.find((n) => n.id !== rule.actual && n.type !== 'rows' && n.type !== 'boolean')?.id ?? rule.actual });
          }}
        />
        {targetIsFact ? (
          <MetricPicker label="目标值（事实或指标）" value={rule.target as string} types={NUMERIC_TYPES} onChange={(m) => onChange({ ...rule, target: m })} />
        ) : (
          <NumField label="目标值" value={rule.target} percent={percent} unit={percent ? undefined : actual?.unit} onChange={(v) => v !== undefined && onChange({ ...rule, target: v })} />
        )}
      </Row>
      <Row label="方向">
        <Select
          label="完成方向"
          value={rule.direction ?? 'higher'}
          options={[
            { value: 'higher', label: '越高越好（完成比例 = 完成值 ÷ 目标值）' },
            { value: 'lower', label: '越低越好（完成比例 = 目标值 ÷ 完成值）' },
          ]}
          onChange={(v) => {
            const next = { ...rule };
            if (v === 'higher') delete next.direction;
            else next.direction = v;
            onChange(next);
          }}
        />
      </Row>
      <IssueList issues={issues} />
    </div>
  );
}

// ——— 择一考核 ———

type ChoiceOption = ChoiceRule['options'][number];

/**
 * The enum fact that chooses the measure, and for each of its values the measure's name and its own rule
 * (edited with the rule editor, 分值 the indicator's). Source: "结转结余率 / 结转结余变动率 … 二者择其一进行考核".
 */
export function ChoiceEditor({ rule, onChange, issues, points, declareFact }: P<ChoiceRule> & { points: number | string; declareFact?: (id: string, label: string) => void }) {
  const { names } = useEditorContext();
  const by = names.find((n) => n.id === rule.by);
  const options = Array.isArray(rule.options) ? rule.options : [];
  const setOpt = (i: number, o: ChoiceOption) => onChange({ ...rule, options: options.map((x, j) => (j === i ? o : x)) });
  const own = issues.filter((i) => !/^\/options\/[0-9]+/.test(i.path));
  return (
    <div className="choice-editor">
      <Row label="考核口径" hint="按此枚举事实的取值，只考核对应口径">
        <MetricPicker label="考核口径事实" value={rule.by} types={['enum']} factsOnly onChange={(f) => onChange({ ...rule, by: f })} />
      </Row>
      {options.map((o, i) => (
        <fieldset key={i} className="choice-option" aria-label={`口径${i + 1}`}>
          <legend>口径{i + 1}</legend>
          <Row label="取值">
            {by?.options ? (
              <Select label={`口径${i + 1}取值`} value={o.value} options={by.options.map((x) => ({ value: x.value, label: x.label }))} onChange={(v) => setOpt(i, { ...o, value: v })} />
            ) : (
              <TextField label={`口径${i + 1}取值`} value={o.value} width={140} onChange={(t) => setOpt(i, { ...o, value: t })} />
            )}
          </Row>
          <Row label="口径名称">
            <TextField label={`口径${i + 1}名称`} value={o.name} width={200} onChange={(t) => setOpt(i, { ...o, name: t })} />
          </Row>
          <RuleEditor
            rule={o.rule}
            points={points}
            issues={relativeIssues(issues, `/options/${i}/rule`)}
            onChange={(r) => setOpt(i, { ...o, rule: r })}
            {...(declareFact ? { declareFact } : {})}
          />
          <IssueList issues={issuesUnder(issues, `/options/${i}`).filter((x) => !x.path.startsWith(`/options/${i}/rule`))} />
          <IconButton label={`删除口径${i + 1}`} disabled={options.length <= 2} onClick={() => onChange({ ...rule, options: options.filter((_, j) => j !== i) })}>
            删除口径
          </IconButton>
        </fieldset>
      ))}
      <div className="table-actions">
        <IconButton
          label="添加口径"
          onClick={() => {
            const used = new Set(options.map((x) => x.value));
            const free = by?.options?.find((x) => !used.has(x.value));
            const value = free?.value ?? uniqueId('口径', used);
            onChange({ ...rule, options: [...options, { value, name: free?.label ?? value, rule: { kind: 'judgement' } }] });
          }}
        >
          ＋ 添加口径
        </IconButton>
      </div>
      <IssueList issues={own} />
    </div>
  );
}

// ——— 条件计分 ———

type Case = CasesRule['cases'][number];
type Simple = Extract<Condition, { fact: string }>;

/** True for a condition the form edits: one comparison, or 全部/任一 of comparisons. */
function compoundOf(c: Condition): { mode: 'all' | 'any'; list: Simple[] } | null {
  const o = c as { all?: unknown; any?: unknown };
  for (const mode of ['all', 'any'] as const) {
    const list = o[mode];
    if (Array.isArray(list) && list.every((x) => x && typeof x === 'object' && 'fact' in x)) return { mode, list: list as Simple[] };
  }
  return null;
}

/**
 * A case's condition: one comparison (with a value or another fact, e.g. 本年结余 ≤ 上年结转), or several
 * joined by 并且 (all) / 或者 (any). Deeper nesting is shown as JSON by the condition editor.
 */
export function CaseCondition({ value, onChange, label }: { value: Condition; onChange: (c: Condition) => void; label: string }) {
  const { names } = useEditorContext();
  const comp = compoundOf(value);
  const firstNumeric = names.find((n) => ['number', 'percent', 'money', 'count'].includes(n.type))?.id ?? '';
  const blank: Simple = { fact: firstNumeric, operator: 'greaterThan', value: 0 };
  if (!comp) {
    const simple = typeof value === 'object' && value !== null && 'fact' in value;
    return (
      <span className="stack">
        <ConditionEditor label={label} value={value} onChange={onChange} />
        {simple ? (
          <span>
            <IconButton label={`${label}：再加一个条件`} onClick={() => onChange({ all: [value as Simple, { ...blank }] } as Condition)}>
              ＋ 并且…
            </IconButton>
          </span>
        ) : null}
      </span>
    );
  }
  const set = (list: Simple[]) => onChange((list.length === 1 ? list[0]! : { [comp.mode]: list }) as Condition);
  return (
    <span className="stack">
      <Select
        label={`${label}：组合`}
        value={comp.mode}
        options={[
          { value: 'all', label: '以下条件全部成立' },
          { value: 'any', label: '以下条件任一成立' },
        ]}
        onChange={(m) => onChange({ [m]: comp.list } as Condition)}
      />
      {comp.list.map((c, j) => (
        <span key={j} className="condition-part" style={{ display: 'flex', gap: 4, alignItems: 'flex-start' }}>
          <ConditionEditor label={`${label}第${j + 1}个条件`} value={c} onChange={(x) => set(comp.list.map((y, k) => (k === j ? (x as Simple) : y)))} />
          <IconButton label={`${label}：删除第${j + 1}个条件`} onClick={() => set(comp.list.filter((_, k) => k !== j))}>
            ✕
          </IconButton>
        </span>
      ))}
      <span>
        <IconButton label={`${label}：再加一个条件`} onClick={() => set([...comp.list, { ...blank }])}>
          ＋ 再加一个条件
        </IconButton>
      </span>
    </span>
  );
}

/**
 * The cases in order (the first whose condition holds gives its score), each with its wording, and the score
 * of 其余情形. Source: "无结余，3分；有结余，但不超过上年结转，2分；超过上年结转，0分".
 */
export function CasesEditor({ rule, onChange, issues }: P<CasesRule>) {
  const { names } = useEditorContext();
  const cases = Array.isArray(rule.cases) ? rule.cases : [];
  const setCases = (next: Case[]) => onChange({ ...rule, cases: next });
  const ops = listOps(cases, setCases);
  const setCase = ops.setAt;
  const firstNumeric = names.find((n) => ['number', 'percent', 'money', 'count'].includes(n.type))?.id ?? names[0]?.id ?? '';
  const own = issues.filter((i) => !/^\/cases\/[0-9]+/.test(i.path));
  return (
    <div className="cases-editor">
      <table className="checklist-table" aria-label="情形">
        <thead>
          <tr>
            <th>序号</th>
            <th>条件（按顺序取第一个成立的）</th>
            <th>得分</th>
            <th style={{ width: '26%' }}>原文</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {cases.map((c, i) => {
            const ri = issuesUnder(issues, `/cases/${i}`);
            return [
              <tr key={`c${i}`} className={ri.length ? 'row-error' : undefined}>
                <td>{i + 1}</td>
                <td>
                  <CaseCondition label={`情形${i + 1}条件`} value={c.when} onChange={(w) => setCase(i, { ...c, when: w })} />
                </td>
                <td>
                  <NumField label={`情形${i + 1}得分`} value={c.score} unit="分" width={56} onChange={(v) => v !== undefined && setCase(i, { ...c, score: v })} />
                </td>
                <td>
                  <TextField label={`情形${i + 1}原文`} value={c.text} multiline width="100%" onChange={(t) => setCase(i, { ...c, text: t })} />
                </td>
                <RowActions item={`情形${i + 1}`} index={i} count={cases.length} ops={ops} />
              </tr>,
              <RowIssues key={`i${i}`} issues={ri} span={4} />,
            ];
          })}
        </tbody>
      </table>
      <div className="table-actions">
        <IconButton label="添加情形" onClick={() => setCases([...cases, { when: { fact: firstNumeric, operator: 'greaterThan', value: 0 }, score: 0, text: '' }])}>
          ＋ 添加情形
        </IconButton>
      </div>
      <Row label="其余情形" hint="各情形均不成立时">
        {rule.otherwise ? (
          <span>
            <NumField label="其余情形得分" value={rule.otherwise.score} unit="分" width={56} onChange={(v) => v !== undefined && onChange({ ...rule, otherwise: { ...rule.otherwise!, score: v } })} />
            <TextField label="其余情形原文" value={rule.otherwise.text} width={240} onChange={(t) => onChange({ ...rule, otherwise: { ...rule.otherwise!, text: t } })} />
            <IconButton
              label="删除其余情形"
              onClick={() => {
                const next = { ...rule };
                delete next.otherwise;
                onChange(next);
              }}
            >
              ✕
            </IconButton>
          </span>
        ) : (
          <IconButton label="添加其余情形" onClick={() => onChange({ ...rule, otherwise: { score: 0, text: '其他情形' } })}>
            ＋ 添加其余情形
          </IconButton>
        )}
      </Row>
      <IssueList issues={own} />
    </div>
  );
}

// ——— 专家评分 ———

/**
 * The panel: how many experts and what each is called (the review entry key is 指标标识/专家标识), how many
 * must score, and the guidance. Source: 评价人员（专家）评分汇总表 "评价得分=(专家1+专家2+…)/专家人数".
 */
export function ExpertsEditor({ rule, onChange, issues }: P<ExpertsRule>) {
  const panel = Array.isArray(rule.panel) ? rule.panel : [];
  const setCount = (n: number) => {
    if (n < 1 || n > 50) return;
    const next = panel.slice(0, n);
    const taken = new Set(next);
    for (let k = next.length; k < n; k++) {
      const id = uniqueId(`专家${k + 1}`, taken);
      taken.add(id);
      next.push(id);
    }
    onChange({ ...rule, panel: next });
  };
  return (
    <div>
      <Row label="专家人数" hint="评价得分 =（专家1 + 专家2 + …）÷ 专家人数">
        <NumField
          label="专家人数"
          value={panel.length}
          width={56}
          unit="人"
          onChange={(v) => {
            if (v !== undefined && /^[0-9]+$/.test(String(v))) setCount(Number(v));
          }}
        />
      </Row>
      <Row label="专家称呼" hint="评审录入时每位专家的称呼（标识）">
        <span>
          {panel.map((id, i) => (
            <TextField key={i} label={`专家${i + 1}称呼`} value={id} width={90} onChange={(t) => onChange({ ...rule, panel: panel.map((x, j) => (j === i ? t : x)) })} />
          ))}
        </span>
      </Row>
      <Row label="至少打分人数" hint="留空即全部专家须打分">
        <NumField
          label="至少几位专家打分"
          value={rule.minimum}
          optional
          width={56}
          unit="人"
          onChange={(v) => {
            const next = { ...rule };
            if (v === undefined) delete next.minimum;
            else if (/^[0-9]+$/.test(String(v))) next.minimum = Number(v);
            else return;
            onChange(next);
          }}
        />
      </Row>
      <Row label="评分指引">
        <TextField
          label="专家评分指引"
          value={rule.guidance}
          multiline
          width="100%"
          onChange={(t) => {
            const next = { ...rule };
            if (t) next.guidance = t;
            else delete next.guidance;
            onChange(next);
          }}
        />
      </Row>
      <IssueList issues={issues} />
    </div>
  );
}

// ——— 时间节点 ———

type Milestone = MilestonesRule['items'][number];

/**
 * Each step: its 节点 from the scheme's calendar ("6月底前"), what is due, and the fact that says it was late
 * (a count of late 专项, or the date it was done); the deduction per late item, 扣完为止.
 * Source: "春节前下达…50%"; "每出现一个专项未按进度完成扣0.5分，扣完为止".
 */
export function MilestonesEditor({ rule, onChange, issues }: P<MilestonesRule>) {
  const { calendar, year } = useSchemeTables();
  const items = Array.isArray(rule.items) ? rule.items : [];
  const setItems = (next: Milestone[]) => onChange({ ...rule, items: next });
  const ops = listOps(items, setItems);
  const setItem = ops.setAt;
  const nodeLabel = (id: string) => {
    const n = calendar.find((c) => c.id === id);
    if (!n) return id;
    const date = year ? n.dates[year] : undefined;
    return date ? `${n.label}（${date}）` : n.label;
  };
  const own = issues.filter((i) => !/^\/items\/[0-9]+/.test(i.path));
  return (
    <div className="milestones-editor">
      {calendar.length === 0 ? <p className="hint">方案未设节点日期（calendar）；节点日期请在 JSON 视图中添加。</p> : null}
      <table className="checklist-table" aria-label="时间节点">
        <thead>
          <tr>
            <th>截止节点</th>
            <th style={{ width: '36%' }}>应完成事项（原文）</th>
            <th>是否按期（依据）</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((m, i) => {
            const ri = issuesUnder(issues, `/items/${i}`);
            const by = m.done !== undefined ? 'done' : 'late';
            return [
              <tr key={`m${i}`} className={ri.length ? 'row-error' : undefined}>
                <td>
                  <Select label={`节点${i + 1}截止节点`} value={m.due} options={calendar.map((c) => ({ value: c.id, label: nodeLabel(c.id) }))} onChange={(d) => setItem(i, { ...m, due: d })} />
                </td>
                <td>
                  <TextField label={`节点${i + 1}事项`} value={m.what} multiline width="100%" onChange={(t) => setItem(i, { ...m, what: t })} />
                </td>
                <td>
                  <Select
                    label={`节点${i + 1}依据`}
                    value={by}
                    options={[
                      { value: 'late', label: '未按期个数（计数）' },
                      { value: 'done', label: '实际完成日期' },
                    ]}
                    onChange={(k) => {
                      const { done: _d, late: _l, ...rest } = m;
                      setItem(i, { ...rest, [k]: k === by ? (m[k] ?? '') : '' });
                    }}
                  />
                  <MetricPicker
                    label={`节点${i + 1}依据事实`}
                    value={by === 'done' ? m.done : m.late}
                    types={by === 'done' ? ['text'] : ['count', 'number']}
                    factsOnly
                    onChange={(f) => setItem(i, { ...m, [by]: f })}
                  />
                </td>
                <RowActions item={`节点${i + 1}`} index={i} count={items.length} ops={ops} reorder={false} />
              </tr>,
              <RowIssues key={`i${i}`} issues={ri} span={4} lead={false} />,
            ];
          })}
        </tbody>
      </table>
      <div className="table-actions">
        <IconButton
          label="添加节点"
          onClick={() => {
            const id = uniqueId('节点', new Set(items.map((x) => x.id)));
            setItems([...items, { id, due: calendar[0]?.id ?? '', what: '', late: '' }]);
          }}
        >
          ＋ 添加节点
        </IconButton>
      </div>
      <Row label="每项扣分" hint="每出现一项未按进度完成扣几分，扣完为止">
        <NumField label="每项未按进度扣分" value={rule.perMiss} unit="分" width={56} onChange={(v) => v !== undefined && onChange({ ...rule, perMiss: v })} />
      </Row>
      <Row label="扣分事项" hint="“每出现一个……扣N分”中的事项，如“专项未按进度完成资金下达”">
        <TextField
          label="扣分事项原文"
          value={rule.each}
          width={320}
          onChange={(t) => {
            const next = { ...rule };
            if (t) next.each = t;
            else delete next.each;
            onChange(next);
          }}
        />
      </Row>
      <JsonRest>节点日期（各年度的截止日期）是方案级设置，请在 JSON 视图的 calendar 中编辑。</JsonRest>
      <IssueList issues={own} />
    </div>
  );
}

// ——— 共用分档表 ———

/** One band of a shared table in words: "≥80%且≤100%：得分值的100%". */
function bandText(b: SharedBandTable['bands'][number]): string {
  const lo = b.min !== undefined ? `${b.minInclusive === false ? '>' : '≥'}${fractionToPercentText(b.min)}%` : '';
  const hi = b.max !== undefined ? `${b.maxInclusive === false ? '<' : '≤'}${fractionToPercentText(b.max)}%` : '';
  const range = [lo, hi].filter(Boolean).join('且') || '任意';
  return `${b.text ?? range}：得分值的${fractionToPercentText(b.share)}%`;
}

/** A table picker over the scheme's 共用分档表, with the chosen table's bands shown for reference. */
function BandTablePicker({ value, onChange, label }: { value: string | undefined; onChange: (id: string) => void; label: string }) {
  const { bandTables } = useSchemeTables();
  const table = bandTables.find((t) => t.id === value);
  return (
    <span className="stack">
      <Select label={label} value={value} options={bandTables.map((t) => ({ value: t.id, label: t.name }))} onChange={onChange} placeholder="请选择分档表" />
      {bandTables.length === 0 ? <span className="hint">方案未设共用分档表（bandTables）；分档表请在 JSON 视图中添加。</span> : null}
      {table ? (
        <ul className="band-preview" aria-label={`${table.name}的档位`}>
          {table.bands.map((b, i) => (
            <li key={i}>{bandText(b)}</li>
          ))}
        </ul>
      ) : null}
    </span>
  );
}

/** The value banded and the shared table that bands it (each band a share of this leaf's 分值). */
export function BandsKindEditor({ rule, onChange, issues }: P<BandsRule>) {
  return (
    <div>
      <Row label="分档依据">
        <MetricPicker label="分档依据（事实或计算指标）" value={rule.metric} types={NUMERIC_TYPES} onChange={(m) => onChange({ ...rule, metric: m })} />
      </Row>
      <Row label="共用分档表" hint="各档得分为本项分值的比例；分档表的档位是方案级设置，请在 JSON 视图的 bandTables 中编辑">
        <BandTablePicker label="共用分档表" value={rule.table} onChange={(t) => onChange({ ...rule, table: t })} />
      </Row>
      <IssueList issues={issues} />
    </div>
  );
}

// ——— 部门绩效目标行 ———

/** The rows fact and how a row is scored: by a shared 完成率 band table, or 按完成比例. */
export function DeptTargetsEditor({ rule, onChange, issues }: P<DeptTargetsRule>) {
  const { bandTables } = useSchemeTables();
  const byTable = typeof rule.by === 'object' && rule.by !== null;
  return (
    <div>
      <Row label="指标行事实" hint="部门设定的绩效指标行（年度指标值、实际完成值、分值）">
        <MetricPicker label="部门绩效指标行事实" value={rule.rowsFact} types={['rows']} factsOnly onChange={(f) => onChange({ ...rule, rowsFact: f })} />
      </Row>
      <Row label="每行计分">
        <Select
          label="每行计分方式"
          value={byTable ? 'table' : 'proportional'}
          options={[
            { value: 'proportional', label: '按完成比例计算得分，满分为止' },
            { value: 'table', label: '按共用分档表的完成率分档' },
          ]}
          onChange={(k) => onChange({ ...rule, by: k === 'table' ? { table: bandTables[0]?.id ?? '' } : 'proportional' })}
        />
      </Row>
      {byTable ? (
        <Row label="完成率分档表">
          <BandTablePicker label="完成率分档表" value={(rule.by as { table: string }).table} onChange={(t) => onChange({ ...rule, by: { table: t } })} />
        </Row>
      ) : null}
      <IssueList issues={issues} />
    </div>
  );
}

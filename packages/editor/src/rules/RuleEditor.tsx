/**
 * Edits one rule of any kind: a kind selector (changing it starts a new rule of that kind, after
 * confirmation), the kind's own editor, and the modifiers every rule may carry: 一票否决 (veto),
 * 免评 (exempt), 舍入 (round), and the wording hints used to render 评分标准.
 */
import type { Issue, Rule, RuleKind } from '../model/types.ts';
import { IconButton, IssueList, NumField, Row, Select, TextField } from '../components/fields.tsx';
import { RULE_KINDS, kindExample, kindLabel, templateRef, templateRule } from '../model/rule-kinds.ts';
import { relativeIssues } from '../model/issues.ts';
import { useEditorContext } from '../components/editor-context.tsx';
import { TiersEditor } from './TiersEditor.tsx';
import { RatioEditor } from './RatioEditor.tsx';
import { ChecklistEditor } from './ChecklistEditor.tsx';
import { DeductionEditor, JudgementEditor, LinearPenaltyEditor, OptionsEditor, TargetsEditor } from './SimpleEditors.tsx';
import { FormulaEditor } from './FormulaEditor.tsx';
import { SumEditor } from './SumEditor.tsx';
import { ConditionEditor, newCondition } from './ConditionEditor.tsx';
import { BandsKindEditor, CasesEditor, ChoiceEditor, CompletionEditor, DeptTargetsEditor, ExpertsEditor, MilestonesEditor } from './NewKindEditors.tsx';

export interface RuleEditorProps {
  rule: Rule;
  onChange: (r: Rule) => void;
  /** Issues relative to this rule's pointer. */
  issues: readonly Issue[];
  /** The indicator's (or part's) 分值, for new rules. */
  points: number | string;
  declareFact?: (id: string, label: string) => void;
}

export function RuleEditor({ rule, onChange, issues, points, declareFact }: RuleEditorProps) {
  const { names } = useEditorContext();
  const body = kindEditor(rule, onChange, issues, points, declareFact);
  const own = issues.filter((i) => i.path === '' || i.path === '/kind');
  return (
    <div className="rule-editor">
      <Row label="计分方式" hint={kindExample(rule.kind)}>
        <Select
          label="计分方式"
          value={rule.kind}
          options={RULE_KINDS.map((k) => ({ value: k.kind, label: k.label }))}
          onChange={(k: RuleKind) => {
            if (k === rule.kind) return;
            if (!window.confirm(`把计分方式从“${kindLabel(rule.kind)}”改为“${kindLabel(k)}”？当前规则的设置将被替换。`)) return;
            onChange(templateRule(k, templateRef(k, names, rule), points));
          }}
        />
      </Row>
      {body}
      <Modifiers rule={rule} onChange={onChange} issues={issues} />
      <IssueList issues={own} />
    </div>
  );
}

function kindEditor(rule: Rule, onChange: (r: Rule) => void, issues: readonly Issue[], points: number | string, declareFact?: (id: string, label: string) => void) {
  const own = issues.filter((i) => !['/veto', '/exempt', '/round', '/render', ''].some((p) => i.path === p || (p && i.path.startsWith(p + '/'))));
  switch (rule.kind) {
    case 'tiers':
      return <TiersEditor rule={rule} onChange={onChange} issues={own} />;
    case 'ratio':
      return <RatioEditor rule={rule} onChange={onChange} issues={own} />;
    case 'checklist':
      return <ChecklistEditor rule={rule} onChange={onChange} issues={own} {...(declareFact ? { declareFact } : {})} />;
    case 'deduction':
      return <DeductionEditor rule={rule} onChange={onChange} issues={own} />;
    case 'linearPenalty':
      return <LinearPenaltyEditor rule={rule} onChange={onChange} issues={own} />;
    case 'options':
      return <OptionsEditor rule={rule} onChange={onChange} issues={own} />;
    case 'judgement':
      return <JudgementEditor rule={rule} onChange={onChange} issues={own} />;
    case 'formula':
      return <FormulaEditor rule={rule} onChange={onChange} issues={own} />;
    case 'sum':
      return <SumEditor rule={rule} onChange={onChange} issues={own} {...(declareFact ? { declareFact } : {})} />;
    case 'targets':
      return <TargetsEditor rule={rule} onChange={onChange} issues={own} />;
    case 'completion':
      return <CompletionEditor rule={rule} onChange={onChange} issues={own} />;
    case 'choice':
      return <ChoiceEditor rule={rule} onChange={onChange} issues={own} points={points} {...(declareFact ? { declareFact } : {})} />;
    case 'cases':
      return <CasesEditor rule={rule} onChange={onChange} issues={own} />;
    case 'experts':
      return <ExpertsEditor rule={rule} onChange={onChange} issues={own} />;
    case 'milestones':
      return <MilestonesEditor rule={rule} onChange={onChange} issues={own} />;
    case 'bands':
      return <BandsKindEditor rule={rule} onChange={onChange} issues={own} />;
    case 'deptTargets':
      return <DeptTargetsEditor rule={rule} onChange={onChange} issues={own} />;
    default:
      return <p className="muted">未知的计分方式，请在 JSON 视图中编辑。</p>;
  }
}

/** 一票否决 / 免评 / 舍入 / 评分标准措辞. */
function Modifiers({ rule, onChange, issues }: { rule: Rule; onChange: (r: Rule) => void; issues: readonly Issue[] }) {
  const { names } = useEditorContext();
  const firstBool = names.find((n) => n.type === 'boolean')?.id;
  const set = <K extends 'veto' | 'exempt' | 'round' | 'render'>(k: K, v: Rule[K] | undefined) => {
    const next = { ...rule } as Rule;
    if (v === undefined) delete next[k];
    else next[k] = v;
    onChange(next);
  };
  return (
    <details className="modifiers" open={Boolean(rule.veto || rule.exempt)}>
      <summary>一票否决、免评、舍入与评分标准措辞</summary>
      {(['veto', 'exempt'] as const).map((k) => {
        const m = rule[k];
        const name = k === 'veto' ? '一票否决（条件成立本项得0分）' : '免评（条件成立直接得满分）';
        return (
          <Row key={k} label={k === 'veto' ? '一票否决' : '免评'} hint={m ? undefined : name}>
            {m ? (
              <span className="stack">
                <ConditionEditor label={name} value={m.when} onChange={(c) => set(k, { ...m, when: c })} />
                <TextField label={`${k === 'veto' ? '一票否决' : '免评'}条款原文`} value={m.text} width="100%" onChange={(t) => set(k, { ...m, text: t })} />
                <IconButton label={`删除${k === 'veto' ? '一票否决' : '免评'}`} onClick={() => set(k, undefined)}>
                  删除
                </IconButton>
                <IssueList issues={issues.filter((i) => i.path.startsWith(`/${k}`))} />
              </span>
            ) : (
              <IconButton label={`添加${k === 'veto' ? '一票否决' : '免评'}`} onClick={() => set(k, { when: newCondition(firstBool), text: '' })}>
                ＋ 添加
              </IconButton>
            )}
          </Row>
        );
      })}
      <Row label="舍入" hint="本项得分保留几位小数（留空按方案统一舍入）">
        <NumField
          label="舍入位数"
          value={rule.round?.places}
          optional
          width={48}
          onChange={(v) => set('round', v === undefined ? undefined : { ...(rule.round ?? {}), places: Number(v) })}
        />
      </Row>
      <Row label="称呼" hint="评分标准中称呼被计分对象的词，如“满意度”">
        <TextField label="评分标准称呼" value={rule.render?.subject} onChange={(t) => set('render', clean({ ...(rule.render ?? {}), subject: t }))} />
      </Row>
      <Row label="前置说明">
        <TextField label="评分标准前置说明" value={rule.render?.before} multiline width="100%" onChange={(t) => set('render', clean({ ...(rule.render ?? {}), before: t }))} />
      </Row>
      <Row label="后置说明">
        <TextField label="评分标准后置说明" value={rule.render?.after} multiline width="100%" onChange={(t) => set('render', clean({ ...(rule.render ?? {}), after: t }))} />
      </Row>
    </details>
  );
}

/** Drops empty strings; `undefined` when nothing is left. */
function clean<T extends Record<string, unknown>>(o: T): T | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined)) as T;
  return Object.keys(out).length ? out : undefined;
}

export { relativeIssues };

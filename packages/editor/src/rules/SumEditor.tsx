/** 分项合计 editor: parts, each with a name, 分值 and its own rule (edited recursively). */
import type { Issue, Part, SumRule } from '../model/types.ts';
import { IconButton, IssueList, NumField, TextField } from '../components/fields.tsx';
import { relativeIssues } from '../model/issues.ts';
import { uniqueId } from '../model/ids.ts';
import { RuleEditor } from './RuleEditor.tsx';

export function SumEditor({
  rule,
  onChange,
  issues,
  declareFact,
}: {
  rule: SumRule;
  onChange: (r: SumRule) => void;
  issues: readonly Issue[];
  declareFact?: (id: string, label: string) => void;
}) {
  const parts = Array.isArray(rule.parts) ? rule.parts : [];
  const setPart = (i: number, p: Part) => onChange({ ...rule, parts: parts.map((x, j) => (j === i ? p : x)) });
  return (
    <div className="sum-editor">
      {parts.map((p, i) => (
        <fieldset key={i} className="part">
          <legend>
            分项{i + 1}：
            <TextField label={`分项${i + 1}名称`} value={p.name} onChange={(t) => setPart(i, { ...p, name: t })} />
            <NumField label={`分项${i + 1}分值`} value={p.points} unit="分" width={56} onChange={(v) => v !== undefined && setPart(i, { ...p, points: v })} />
            <IconButton label={`删除分项${i + 1}`} disabled={parts.length <= 1} onClick={() => onChange({ ...rule, parts: parts.filter((_, j) => j !== i) })}>
              ✕
            </IconButton>
          </legend>
          <RuleEditor
            rule={p.rule}
            points={p.points}
            issues={relativeIssues(issues, `/parts/${i}/rule`)}
            onChange={(r) => setPart(i, { ...p, rule: r })}
            {...(declareFact ? { declareFact } : {})}
          />
        </fieldset>
      ))}
      <div className="table-actions">
        <IconButton
          label="添加分项"
          onClick={() => {
            const id = uniqueId('分项', new Set(parts.map((p) => p.id)));
            onChange({ ...rule, parts: [...parts, { id, name: id, points: 0, rule: { kind: 'judgement' } }] });
          }}
        >
          ＋ 添加分项
        </IconButton>
      </div>
      <IssueList issues={issues.filter((i) => !/^\/parts\/[0-9]+\/rule/.test(i.path))} />
    </div>
  );
}

/** Editing one leaf indicator: name, 分值, 指标说明, the original 评分标准 text, and its rule. */
import type { Indicator, Issue, Rule } from '../model/types.ts';
import { IssueList, NumField, Row, TextField } from './fields.tsx';
import { RuleEditor } from '../rules/RuleEditor.tsx';
import { issuesAt, relativeIssues } from '../model/issues.ts';

export interface IndicatorEditorProps {
  node: Indicator;
  ptr: string;
  onChange: (n: Indicator) => void;
  issues: readonly Issue[];
  declareFact?: (id: string, label: string) => void;
  onClose: () => void;
}

export function IndicatorEditor({ node, ptr, onChange, issues, declareFact, onClose }: IndicatorEditorProps) {
  const own = [...issuesAt(issues, ptr), ...issuesAt(issues, `${ptr}/points`), ...issuesAt(issues, `${ptr}/name`)];
  const setOpt = (k: 'description' | 'criterion', v: string) => {
    const next = { ...node };
    if (v) next[k] = v;
    else delete next[k];
    onChange(next);
  };
  return (
    <div className="indicator-editor" aria-label={`编辑指标 ${node.name}`}>
      <div className="indicator-editor-head">
        <strong>编辑指标：{node.name}</strong>
        <span className="muted">标识 {node.id}</span>
        <button type="button" className="link" onClick={onClose}>
          收起
        </button>
      </div>
      <Row label="指标名称">
        <TextField label="指标名称" value={node.name} width={320} onChange={(t) => onChange({ ...node, name: t })} />
      </Row>
      <Row label="分值">
        <NumField label="指标分值" value={node.points} unit="分" onChange={(v) => v !== undefined && onChange({ ...node, points: v })} />
      </Row>
      <IssueList issues={own} />
      <Row label="指标说明">
        <TextField label="指标说明" value={node.description} multiline width="100%" onChange={(t) => setOpt('description', t)} />
      </Row>
      <Row label="评分标准原文" hint="仅供核对：计分以下面的规则为准，表中“评分标准”一栏由规则生成">
        <TextField label="评分标准原文" value={node.criterion} multiline width="100%" onChange={(t) => setOpt('criterion', t)} />
      </Row>
      {node.rule ? (
        <RuleEditor
          rule={node.rule}
          points={node.points}
          issues={relativeIssues(issues, `${ptr}/rule`)}
          onChange={(r: Rule) => onChange({ ...node, rule: r })}
          {...(declareFact ? { declareFact } : {})}
        />
      ) : (
        <p className="muted">该指标没有计分规则。</p>
      )}
    </div>
  );
}

/** Editing one leaf indicator: name, 分值, 指标说明, the original 评分标准 text, and its rule. */
import type { ReactNode } from 'react';
import type { Indicator, Issue, Rule } from '../model/types.ts';
import { IssueList, NumField, Row, TextField } from './fields.tsx';
import { RuleEditor } from '../rules/RuleEditor.tsx';
import { issuesAt, relativeIssues } from '../model/issues.ts';
import { useEditorContext } from './editor-context.tsx';

export interface IndicatorEditorProps {
  node: Indicator;
  ptr: string;
  onChange: (n: Indicator) => void;
  issues: readonly Issue[];
  declareFact?: (id: string, label: string) => void;
  onClose: () => void;
  /** The 评分标准 the engine renders from the rule as it is now (undefined while being computed). */
  rendered?: string | undefined;
  /** What the edited rule reaches in the family's cases (see RuleReach), shown under the rule. */
  reach?: ReactNode;
}

export function IndicatorEditor({ node, ptr, onChange, issues, declareFact, onClose, rendered, reach }: IndicatorEditorProps) {
  const { readOnly } = useEditorContext();
  const own = [...issuesAt(issues, ptr), ...issuesAt(issues, `${ptr}/points`), ...issuesAt(issues, `${ptr}/name`)];
  const criterionIssues = issuesAt(issues, `${ptr}/criterion`);
  const stale = criterionIssues.some((i) => i.code === 'criterion-stale');
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
      {criterionIssues.length ? (
        <div className="criterion-stale" data-testid="criterion-warning">
          <IssueList issues={criterionIssues} />
          {stale && rendered !== undefined && !readOnly ? (
            <div className="criterion-fix">
              <div className="muted small">规则生成的文字：{rendered}</div>
              <button type="button" className="secondary" onClick={() => setOpt('criterion', rendered)}>
                采用规则生成的文字
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
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
      {reach ?? null}
    </div>
  );
}

/** 比率×分值 editor: metric × multiplier (分), optional cap (封顶), optional zero rule (得0分条件). */
import type { Issue, RatioRule } from '../model/types.ts';
import { IconButton, IssueList, NumField, Row, TextField } from '../components/fields.tsx';
import { MetricPicker } from './MetricPicker.tsx';
import { NUMERIC_TYPES } from '../model/rule-kinds.ts';
import { ConditionEditor, newCondition } from './ConditionEditor.tsx';
import { useEditorContext } from '../components/editor-context.tsx';

export function RatioEditor({ rule, onChange, issues }: { rule: RatioRule; onChange: (r: RatioRule) => void; issues: readonly Issue[] }) {
  const { names } = useEditorContext();
  const firstBool = names.find((n) => n.type === 'boolean')?.id;
  return (
    <div className="ratio-editor">
      <Row label="比率">
        <MetricPicker label="比率（事实或计算指标）" value={rule.metric} types={NUMERIC_TYPES} onChange={(m) => onChange({ ...rule, metric: m })} />
      </Row>
      <Row label="乘数" hint="比率为 100% 时的得分">
        <NumField label="乘数（分）" value={rule.multiplier} unit="分" onChange={(v) => v !== undefined && onChange({ ...rule, multiplier: v })} />
      </Row>
      <Row label="封顶" hint="留空则以本项分值封顶">
        <NumField
          label="封顶（分）"
          value={rule.cap}
          optional
          unit="分"
          placeholder="本项分值"
          onChange={(v) => {
            const next = { ...rule };
            if (v === undefined) delete next.cap;
            else next.cap = v;
            onChange(next);
          }}
        />
      </Row>
      <Row label="得0分条件">
        {rule.zeroWhen ? (
          <span className="stack">
            <ConditionEditor label="得0分条件" value={rule.zeroWhen.when} onChange={(c) => onChange({ ...rule, zeroWhen: { ...rule.zeroWhen!, when: c } })} />
            <TextField label="得0分条款原文" value={rule.zeroWhen.text} width="100%" onChange={(t) => onChange({ ...rule, zeroWhen: { ...rule.zeroWhen!, text: t } })} />
            <IconButton
              label="删除得0分条件"
              onClick={() => {
                const next = { ...rule };
                delete next.zeroWhen;
                onChange(next);
              }}
            >
              删除此条件
            </IconButton>
          </span>
        ) : (
          <IconButton label="添加得0分条件" onClick={() => onChange({ ...rule, zeroWhen: { when: newCondition(firstBool), text: '' } })}>
            ＋ 添加得0分条件
          </IconButton>
        )}
      </Row>
      <IssueList issues={issues} />
    </div>
  );
}

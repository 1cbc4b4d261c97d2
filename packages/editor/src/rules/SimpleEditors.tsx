/**
 * Editors of the small rule kinds: 扣分 (deduction), 线性扣分 (linearPenalty), 枚举分档 (options),
 * 酌情评分 (judgement) and 年度绩效指标行 (targets).
 */
import type { DeductionRule, Issue, JudgementRule, LinearPenaltyRule, OptionsRule, TargetsRule } from '../model/types.ts';
import { IconButton, IssueList, NumField, Row, Select, TextField } from '../components/fields.tsx';
import { MetricPicker } from './MetricPicker.tsx';
import { issuesUnder } from '../model/issues.ts';

interface P<R> {
  rule: R;
  onChange: (r: R) => void;
  issues: readonly Issue[];
}

export function DeductionEditor({ rule, onChange, issues }: P<DeductionRule>) {
  return (
    <div>
      <Row label="计数事实" hint="不符合（未完成）的项数">
        <MetricPicker label="计数事实" value={rule.countFact} types={['count', 'number']} factsOnly onChange={(f) => onChange({ ...rule, countFact: f })} />
      </Row>
      <Row label="每项扣分">
        <NumField label="每项扣分（分）" value={rule.perItem} unit="分" onChange={(v) => v !== undefined && onChange({ ...rule, perItem: v })} />
      </Row>
      <Row label="最低得分" hint="留空即 0 分：扣完为止">
        <NumField
          label="最低得分（分）"
          value={rule.floor}
          optional
          unit="分"
          placeholder="0"
          onChange={(v) => {
            const next = { ...rule };
            if (v === undefined) delete next.floor;
            else next.floor = v;
            onChange(next);
          }}
        />
      </Row>
      <IssueList issues={issues} />
    </div>
  );
}

const STEPPING = [
  { value: 'proportional', label: '按比例（不足一步按比例扣）' },
  { value: 'whole', label: '只计整步' },
  { value: 'started', label: '不足一步按一步' },
] as const;

export function LinearPenaltyEditor({ rule, onChange, issues }: P<LinearPenaltyRule>) {
  return (
    <div>
      <Row label="依据">
        <MetricPicker label="线性扣分依据" value={rule.metric} onChange={(m) => onChange({ ...rule, metric: m })} />
      </Row>
      <Row label="阈值" hint="如 10% 填 0.10">
        <NumField label="阈值" value={rule.threshold} onChange={(v) => v !== undefined && onChange({ ...rule, threshold: v })} />
      </Row>
      <Row label="步长" hint="一个百分点填 0.01">
        <NumField label="步长" value={rule.step} onChange={(v) => v !== undefined && onChange({ ...rule, step: v })} />
      </Row>
      <Row label="每步扣分">
        <NumField label="每步扣分（分）" value={rule.deduct} unit="分" onChange={(v) => v !== undefined && onChange({ ...rule, deduct: v })} />
      </Row>
      <Row label="不足一步">
        <Select
          label="不足一步如何计"
          value={rule.stepping ?? 'proportional'}
          options={STEPPING.map((s) => ({ value: s.value, label: s.label }))}
          onChange={(v) => onChange({ ...rule, stepping: v })}
        />
      </Row>
      <IssueList issues={issues} />
    </div>
  );
}

type Opt = OptionsRule['options'][number];

export function OptionsEditor({ rule, onChange, issues }: P<OptionsRule>) {
  const options = Array.isArray(rule.options) ? rule.options : [];
  const setOpt = (i: number, o: Opt) => onChange({ ...rule, options: options.map((x, j) => (j === i ? o : x)) });
  return (
    <div>
      <Row label="依据">
        <MetricPicker label="枚举事实" value={rule.fact} types={['enum']} factsOnly onChange={(f) => onChange({ ...rule, fact: f })} />
      </Row>
      <table className="checklist-table" aria-label="选项">
        <thead>
          <tr>
            <th>取值</th>
            <th>原文</th>
            <th>得分</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {options.map((o, i) => (
            <tr key={i} className={issuesUnder(issues, `/options/${i}`).length ? 'row-error' : undefined}>
              <td>
                <TextField label={`选项${i + 1}取值`} value={o.value} width={110} onChange={(t) => setOpt(i, { ...o, value: t })} />
              </td>
              <td>
                <TextField label={`选项${i + 1}原文`} value={o.text} width="100%" onChange={(t) => setOpt(i, { ...o, text: t })} />
              </td>
              <td>
                <NumField label={`选项${i + 1}得分`} value={o.score} unit="分" width={56} onChange={(v) => v !== undefined && setOpt(i, { ...o, score: v })} />
              </td>
              <td className="row-actions">
                <IconButton label={`删除选项${i + 1}`} disabled={options.length <= 1} onClick={() => onChange({ ...rule, options: options.filter((_, j) => j !== i) })}>
                  ✕
                </IconButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="table-actions">
        <IconButton label="添加选项" onClick={() => onChange({ ...rule, options: [...options, { value: '', score: 0, text: '' }] })}>
          ＋ 添加选项
        </IconButton>
      </div>
      <IssueList issues={issues} />
    </div>
  );
}

export function JudgementEditor({ rule, onChange, issues }: P<JudgementRule>) {
  return (
    <div>
      <Row label="评分指引" hint="评审人在 0 至本项分值之间给分，并须写明理由">
        <TextField
          label="评分指引原文"
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

export function TargetsEditor({ rule, onChange, issues }: P<TargetsRule>) {
  const policy = rule.policy;
  return (
    <div>
      <Row label="指标行事实">
        <MetricPicker label="指标行事实" value={rule.rowsFact} types={['rows']} factsOnly onChange={(f) => onChange({ ...rule, rowsFact: f })} />
      </Row>
      <Row label="定量未达成">
        <Select
          label="定量目标未达成"
          value={policy.quantitativeNotMet}
          options={[
            { value: 'proportional', label: '按完成比例得分' },
            { value: 'zero', label: '得0分' },
            { value: 'judgement', label: '酌情' },
          ]}
          onChange={(v) => onChange({ ...rule, policy: { ...policy, quantitativeNotMet: v } })}
        />
      </Row>
      <Row label="定性目标">
        <Select
          label="定性目标"
          value={policy.qualitative}
          options={[
            { value: 'judgement', label: '酌情（采用自评分并核对上限）' },
            { value: 'full', label: '满分' },
          ]}
          onChange={(v) => onChange({ ...rule, policy: { ...policy, qualitative: v } })}
        />
      </Row>
      <Row label="不适用行">
        <Select
          label="不适用行"
          value={policy.notApplicable}
          options={[
            { value: 'full', label: '满分' },
            { value: 'zero', label: '0分' },
            { value: 'judgement', label: '酌情' },
          ]}
          onChange={(v) => onChange({ ...rule, policy: { ...policy, notApplicable: v } })}
        />
      </Row>
      <IssueList issues={issues} />
    </div>
  );
}

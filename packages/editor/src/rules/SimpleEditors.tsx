/**
 * Editors of the small rule kinds: 扣分 (deduction), 线性扣分 (linearPenalty), 枚举分档 (options),
 * 酌情评分 (judgement, with its 评分档次) and 年度绩效指标行 (targets, with the 财预〔2020〕10号 policy: 未完成按比例,
 * 超额偏离, 一级指标权重, 定性指标档次).
 */
import type { DeductionRule, Issue, JudgementRule, LinearPenaltyRule, OptionsRule, TargetsRule } from '../model/types.ts';
import { IconButton, IssueList, NumField, Row, Select, TextField } from '../components/fields.tsx';
import { RowActions, listOps } from './list-rows.tsx';
import { MetricPicker } from './MetricPicker.tsx';
import { NUMERIC_TYPES } from '../model/rule-kinds.ts';
import { issuesUnder } from '../model/issues.ts';
import { BandsTable, CAIYU_BANDS } from './BandsTable.tsx';
import { useEditorContext } from '../components/editor-context.tsx';

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

/** 线性扣分: basis, direction (超过/低于), threshold and step (in percent for a percent metric), deduction per step, stepping and wording. */
export function LinearPenaltyEditor({ rule, onChange, issues }: P<LinearPenaltyRule>) {
  const { names } = useEditorContext();
  // a percent metric's threshold and step are typed and shown in percent (一个百分点 = 1), stored as fractions
  const percent = names.find((n) => n.id === rule.metric)?.type === 'percent';
  return (
    <div>
      <Row label="依据">
        <MetricPicker label="线性扣分依据" value={rule.metric} types={NUMERIC_TYPES} onChange={(m) => onChange({ ...rule, metric: m })} />
      </Row>
      <Row label="扣分方向">
        <Select
          label="扣分方向"
          value={rule.direction ?? 'above'}
          options={[
            { value: 'above', label: '超过阈值扣分（每超过一步扣）' },
            { value: 'below', label: '低于阈值扣分（每低于一步扣）' },
          ]}
          onChange={(v) => {
            const next = { ...rule };
            if (v === 'above') delete next.direction;
            else next.direction = v;
            onChange(next);
          }}
        />
      </Row>
      <Row label="阈值" hint={percent ? '按百分数填写，如 10 即 10%' : undefined}>
        <NumField label="阈值" value={rule.threshold} percent={percent} onChange={(v) => v !== undefined && onChange({ ...rule, threshold: v })} />
      </Row>
      <Row label="步长" hint={percent ? '一个百分点填 1' : undefined}>
        <NumField label="步长" value={rule.step} percent={percent} onChange={(v) => v !== undefined && onChange({ ...rule, step: v })} />
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
      <Row label="评分标准写法">
        <Select
          label="评分标准写法"
          value={rule.render?.style ?? ''}
          options={[
            { value: '', label: '完整句（超出10%的，超出一个百分点扣0.1分）' },
            { value: 'compact', label: '简写（≤100%，计5分；每超过一个百分点扣0.5分）' },
            { value: 'compact-fullwidth', label: '简写，全角符号（≦100%…）' },
          ]}
          onChange={(v) => {
            const render = { ...(rule.render ?? {}) };
            if (v) render.style = v;
            else delete render.style;
            const next = { ...rule };
            if (Object.keys(render).length) next.render = render;
            else delete next.render;
            onChange(next);
          }}
        />
      </Row>
      <IssueList issues={issues} />
    </div>
  );
}

type Opt = OptionsRule['options'][number];

export function OptionsEditor({ rule, onChange, issues }: P<OptionsRule>) {
  const options = Array.isArray(rule.options) ? rule.options : [];
  const ops = listOps(options, (next: Opt[]) => onChange({ ...rule, options: next }));
  const setOpt = ops.setAt;
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
              <RowActions item={`选项${i + 1}`} index={i} count={options.length} ops={ops} reorder={false} />
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

/** 酌情评分: the guidance and, optionally, the 评分档次 the reviewer chooses from. */
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
      <Row label="评分档次" hint={rule.bands ? '评审选择档次，在该档区间内给分并写明理由' : '不分档次：评审在 0 至本项分值之间给分'}>
        {rule.bands ? (
          <span className="stack">
            <BandsTable title="评分档次" bands={rule.bands} onChange={(b) => onChange({ ...rule, bands: b })} />
            <IconButton
              label="取消评分档次"
              onClick={() => {
                const next = { ...rule };
                delete next.bands;
                onChange(next);
              }}
            >
              取消分档
            </IconButton>
          </span>
        ) : (
          <IconButton label="设置评分档次" onClick={() => onChange({ ...rule, bands: CAIYU_BANDS.map((b) => ({ ...b })) })}>
            ＋ 设置评分档次
          </IconButton>
        )}
      </Row>
      <IssueList issues={issues} />
    </div>
  );
}

type Policy = TargetsRule['policy'];
type Overshoot = NonNullable<Policy['overshoot']>;
type Weight = NonNullable<TargetsRule['weights']>[number];

/** 一级指标 names split from what a user types: “、”, commas or spaces between them. */
function splitNames(t: string): string[] {
  return t.split(/[、,，;；\s]+/).filter((x) => x !== '');
}

/**
 * 年度绩效指标行: the rows fact and the policy — 定量未达成, 超额完成（指标偏离） with its bound typed in percent,
 * 定性目标 (with its 档次 when 按档次), 不适用行, and the 一级指标权重 (财预〔2020〕10号: 产出50、效益30、满意度10).
 */
export function TargetsEditor({ rule, onChange, issues }: P<TargetsRule>) {
  const policy = rule.policy;
  const setPolicy = (p: Policy) => onChange({ ...rule, policy: p });
  const overshoot = policy.overshoot;
  const setOvershoot = (o: Overshoot | undefined) => {
    const p = { ...policy };
    if (o) p.overshoot = o;
    else delete p.overshoot;
    setPolicy(p);
  };
  const weights = rule.weights;
  const setWeights = (w: Weight[] | undefined) => {
    const next = { ...rule };
    if (w && w.length) next.weights = w;
    else delete next.weights;
    onChange(next);
  };
  const setWeight = (i: number, w: Weight) => setWeights((weights ?? []).map((x, j) => (j === i ? w : x)));
  return (
    <div>
      <Row label="指标行事实">
        <MetricPicker label="指标行事实" value={rule.rowsFact} types={['rows']} factsOnly onChange={(f) => onChange({ ...rule, rowsFact: f })} />
      </Row>
      <Row label="定量未达成" hint="财预〔2020〕10号：未完成指标值的，按照完成值与指标值的比例记分">
        <Select
          label="定量目标未达成"
          value={policy.quantitativeNotMet}
          options={[
            { value: 'proportional', label: '按完成比例得分' },
            { value: 'zero', label: '得0分' },
            { value: 'judgement', label: '酌情' },
          ]}
          onChange={(v) => setPolicy({ ...policy, quantitativeNotMet: v })}
        />
      </Row>
      <Row label="超额完成（指标偏离）" hint="完成值高于指标值较多时：偏离度 =（完成值 − 指标值）÷ 指标值">
        <span className="stack">
          <span>
            <Select
              label="超额偏离处理"
              value={overshoot?.then ?? 'none'}
              options={[
                { value: 'none', label: '不处理（完成即得满分）' },
                { value: 'deduct', label: '减分（指标偏离减N分）' },
                { value: 'zero', label: '不计分' },
                { value: 'judgement', label: '按偏离度适度调减（酌情）' },
              ]}
              onChange={(v) => {
                if (v === 'none') return setOvershoot(undefined);
                const o: Overshoot = { ...(overshoot ?? {}), then: v };
                if (v === 'deduct') o.deduct = o.deduct ?? 2;
                else delete o.deduct;
                if (v !== 'judgement' && o.over === undefined) {
                  o.over = 0.3;
                  o.inclusive = true;
                }
                setOvershoot(o);
              }}
            />
          </span>
          {overshoot ? (
            <span>
              偏离度界限{' '}
              <NumField
                label="偏离度界限"
                value={overshoot.over}
                optional
                percent
                placeholder={overshoot.then === 'judgement' ? '可不填' : undefined}
                onChange={(v) => {
                  const o = { ...overshoot };
                  if (v === undefined) {
                    delete o.over;
                    delete o.inclusive;
                  } else o.over = v;
                  setOvershoot(o);
                }}
              />
              {overshoot.over !== undefined ? (
                <Select
                  label="偏离度界限是否包含"
                  value={overshoot.inclusive === false ? 'excl' : 'incl'}
                  options={[
                    { value: 'incl', label: '及以上（含）' },
                    { value: 'excl', label: '以上（不含）' },
                  ]}
                  onChange={(v) => setOvershoot({ ...overshoot, inclusive: v === 'incl' })}
                />
              ) : null}
              {overshoot.then === 'deduct' ? (
                <>
                  {' '}减{' '}
                  <NumField label="指标偏离减分" value={overshoot.deduct} unit="分" width={56} onChange={(v) => v !== undefined && setOvershoot({ ...overshoot, deduct: v })} />
                </>
              ) : null}
            </span>
          ) : null}
        </span>
      </Row>
      <Row label="定性目标">
        <Select
          label="定性目标"
          value={policy.qualitative}
          options={[
            { value: 'judgement', label: '酌情（采用自评分并核对上限）' },
            { value: 'full', label: '满分' },
            { value: 'bands', label: '按档次酌情（在所选档次区间内给分）' },
          ]}
          onChange={(v) => {
            const next = { ...rule, policy: { ...policy, qualitative: v } };
            if (v === 'bands' && !next.bands) next.bands = CAIYU_BANDS.map((b) => ({ ...b }));
            if (v !== 'bands') delete next.bands;
            onChange(next);
          }}
        />
      </Row>
      {policy.qualitative === 'bands' ? (
        <Row label="定性指标档次" hint="区间为该行分值的比例">
          <BandsTable title="定性指标档次" bands={rule.bands ?? []} onChange={(b) => onChange({ ...rule, bands: b })} />
        </Row>
      ) : null}
      <Row label="不适用行">
        <Select
          label="不适用行"
          value={policy.notApplicable}
          options={[
            { value: 'full', label: '满分' },
            { value: 'zero', label: '0分' },
            { value: 'judgement', label: '酌情' },
          ]}
          onChange={(v) => setPolicy({ ...policy, notApplicable: v })}
        />
      </Row>
      <Row label="一级指标权重" hint="各组指标行分值合计应等于其权重（财预〔2020〕10号：产出50、效益30、满意度10）">
        {weights ? (
          <span className="stack">
            <table className="checklist-table" aria-label="一级指标权重">
              <thead>
                <tr>
                  <th>分组（一级指标）</th>
                  <th>归入本组的指标名称</th>
                  <th>权重</th>
                  <th>无指标行时调整至</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {weights.map((w, i) => (
                  <tr key={i}>
                    <td>
                      <TextField label={`权重${i + 1}分组名称`} value={w.name} width={120} onChange={(t) => setWeight(i, { ...w, name: t })} />
                    </td>
                    <td>
                      <TextField
                        label={`权重${i + 1}归入指标`}
                        value={(w.match ?? []).join('、')}
                        placeholder="默认为分组名称"
                        width={200}
                        onChange={(t) => {
                          const names = splitNames(t);
                          const next = { ...w };
                          if (names.length) next.match = names;
                          else delete next.match;
                          setWeight(i, next);
                        }}
                      />
                    </td>
                    <td>
                      <NumField label={`权重${i + 1}分值`} value={w.points} unit="分" width={56} onChange={(v) => v !== undefined && setWeight(i, { ...w, points: v })} />
                    </td>
                    <td>
                      <Select
                        label={`权重${i + 1}无指标行时调整至`}
                        value={w.absentTo ?? ''}
                        options={[{ value: '', label: '不调整' }, ...weights.filter((x) => x !== w && x.name).map((x) => ({ value: x.name, label: x.name }))]}
                        onChange={(v) => {
                          const next = { ...w };
                          if (v) next.absentTo = v;
                          else delete next.absentTo;
                          setWeight(i, next);
                        }}
                      />
                    </td>
                    <td className="row-actions">
                      <IconButton label={`删除权重${i + 1}`} onClick={() => setWeights(weights.filter((_, j) => j !== i))}>
                        ✕
                      </IconButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <IconButton label="添加权重分组" onClick={() => setWeights([...weights, { name: '', points: 0 }])}>
              ＋ 添加分组
            </IconButton>
          </span>
        ) : (
          <IconButton
            label="设置一级指标权重"
            onClick={() =>
              setWeights([
                { name: '产出指标', points: 50 },
                { name: '效益指标', points: 30 },
                { name: '满意度指标', points: 10, absentTo: '效益指标' },
              ])
            }
          >
            ＋ 设置权重（产出50、效益30、满意度10）
          </IconButton>
        )}
      </Row>
      <IssueList issues={issues} />
    </div>
  );
}

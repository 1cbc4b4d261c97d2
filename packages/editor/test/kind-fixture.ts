/**
 * A scheme for the kind-editor tests: the bundled 岳阳 部门整体支出 2020 draft (schemes/yueyang-whole-expenditure,
 * which has 节点日期 春节前 / 6月底前 and the 资金结余 条件计分), with facts and two 共用分档表 added so that every
 * new rule kind can be set on one of its leaves. The added tables are this test's, not a seed's.
 */
import type { Rule, Scheme } from '../src/model/types.ts';
import { getIn, parsePointer, setIn } from '../src/model/pointer.ts';
import { loadScheme } from './harness.tsx';

/** 预算调整率 (3分, a percent fact in the 岳阳 scheme). */
export const ADJUSTMENT = '/indicators/1/children/0/children/0';
/** 财政供养人员控制率 (5分, linearPenalty on 在职人员控制率). */
export const STAFF_CONTROL = '/indicators/0/children/0/children/0';
/** 支付进度 (3分, milestones). */
export const PAYMENT_PROGRESS = '/indicators/1/children/0/children/1';
/** 资金结余 (3分, cases). */
export const BALANCE = '/indicators/1/children/0/children/2';

/** The 岳阳 draft with the added facts and band tables; `rule` replaces the rule at `ptr` when given. */
export function kindScheme(ptr?: string, rule?: Rule): Scheme {
  const base = loadScheme('yueyang-whole-expenditure/2020.json');
  const doc: Scheme = {
    ...base,
    inputs: [
      ...base.inputs,
      {
        id: '结转结余考核口径',
        label: '结转结余考核口径',
        type: 'enum',
        options: [
          { value: '结转结余率', label: '结转结余率' },
          { value: '结转结余变动率', label: '结转结余变动率' },
        ],
      },
      { id: '部门绩效指标', label: '部门绩效指标', type: 'rows' },
    ],
    bandTables: [
      {
        id: '完成率分档',
        name: '完成率分档',
        bands: [
          { min: 1, minInclusive: true, share: 1 },
          { min: 0.8, minInclusive: true, max: 1, maxInclusive: false, share: 0.8 },
          { min: 0, minInclusive: true, max: 0.8, maxInclusive: false, share: 0 },
        ],
      },
      {
        id: '达标分档',
        name: '达标分档',
        bands: [
          { min: 0.9, minInclusive: true, share: 1 },
          { max: 0.9, maxInclusive: false, share: '50%' },
        ],
      },
    ],
  } as Scheme;
  return ptr && rule ? (setIn(doc, parsePointer(`${ptr}/rule`), rule) as Scheme) : doc;
}

/** The rule at an indicator pointer. */
export function ruleAt(doc: Scheme, ptr: string): Rule {
  return getIn(doc, parsePointer(`${ptr}/rule`)) as Rule;
}

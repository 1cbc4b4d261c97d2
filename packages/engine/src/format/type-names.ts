/** Chinese names of the declared value types of facts and metrics (数值, 百分比, 金额 …), for messages. */
export const TYPE_ZH: Readonly<Record<string, string>> = {
  number: '数值',
  percent: '百分比',
  money: '金额',
  count: '计数',
  boolean: '是/否',
  enum: '枚举',
  text: '文本',
  rows: '指标行',
};

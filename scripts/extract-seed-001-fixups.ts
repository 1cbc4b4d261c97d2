/**
 * Hand reconstructions for scripts/extract-seed-001.ts (seed 001, 深圳市商务局 2020 项目支出绩效自评表),
 * keyed by table number (1..57 in seed order). Each fix is explained in the case's `notes`.
 */
export interface Row {
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  points: string;
  selfScore: string;
  deviation?: string;
}

export interface Fixup {
  /** [from, to]: substring replacements on a raw extracted line before it is parsed. */
  lineFix?: Array<[string, string]>;
  /** Field corrections by row index (0-based) after parsing; `deviation: null` removes the text. */
  patch?: Record<number, Partial<Omit<Row, 'deviation'>> & { deviation?: string | null }>;
  /** 项目名称 reconstructed where the extraction lost characters. */
  name?: string;
  /**
   * The case's department when the printed 实施单位 cell is blank or cut: the table's 主管部门 as printed
   * (a case without a department cannot be assigned to a 部门填报 account).
   */
  department?: string;
  /** Case notes (中文), one sentence each. */
  notes?: string[];
}

const ECON = { level1: '效益指标', level2: '经济效益指标' } as const;

const DEV_OUTSOURCING =
  '我市承接国际服务外包业务受疫情影响较为明显，下一步将加快完善服务外包发展的政策促进体系，推动服务外包加快发展。';

export const FIXUPS: Record<number, Fixup> = {
  3: {
    patch: { 5: { level2: '成本指标' } },
    notes: ['“成本控制率”一行在提取文本中缺少二级指标标签，按全表册版式归入产出指标/成本指标。'],
  },
  4: {
    lineFix: [['成本控制率\t成本控制率', '成本控制率']],
    patch: { 7: { level2: '社会效益指标' } },
    notes: [
      '“成本控制率”在提取文本中重复出现于二级、三级两栏，按一行转录为产出指标/成本指标/成本控制率。',
      '“党员凝聚力、行动力”一行在换页处被印上“满意度指标”标签；同一单位的表5将其列于社会效益指标，据此订正二级指标。',
    ],
  },
  10: { notes: ['项目名称按表内原文“第二十一届高交经费尾款”照录（目录作“第二十一届高交会经费尾款”）。'] },
  25: {
    notes: [
      '“生态效益指标/不适用”一行分值10、自评9分：全表册其他不适用行凡有分值均自评0分（表37），本行与方案的不适用政策（0分）不一致，引擎核算时将显示差异；表内算术本身自洽。',
      '“重大安全事故发生次数”一行按提取文本的标签位置归入数量指标（表24同一指标列于质量指标）。',
    ],
  },
  26: {
    patch: { 10: ECON, 11: ECON, 12: ECON },
    notes: [
      '“带动技术出口额”“带动重要装备和关键零部件进口额”“中小外贸企业数量”三行位于换页前，提取文本只印出“年度绩效指标”标签；经济效益指标标签印在下一页，据此（并对照表32）归入效益指标/经济效益指标。',
    ],
  },
  27: {
    patch: { 10: ECON },
    notes: ['“承接国际服务外包执行额增长率”一行位于换页前、紧接成本指标之后；对照同一指标体系的表30，归入效益指标/经济效益指标。'],
  },
  28: { notes: ['“诚信宣传动员、培训四叔”（应为“次数”）、“于疫情影响，暂不考”等截断或错字均按原文照录。'] },
  31: {
    department: '深圳市商务局',
    notes: ['实施单位栏空白，department 取表头“主管部门”所印的深圳市商务局（seed 001 第915行）；年初预算数印作 0.00。'],
  },
  32: {
    name: '上级下达资金-2020年中央外经贸发展资金（财建【2020】184号）',
    patch: {
      10: ECON,
      11: ECON,
      12: ECON,
      13: { deviation: null },
      14: { deviation: DEV_OUTSOURCING },
    },
    notes: [
      '项目名称首页提取为“级下达资金-2020年中央外经贸发展资金（财建【2020】184号”，按续页表头与目录补全为“上级下达资金-…（财建【2020】184号）”。',
      '“中小外贸企业数量”“利用外资规模”“带动重要装备和关键零部件进口额”三行在换页前被接在成本指标之下，对照表26归入效益指标/经济效益指标。',
      '偏差说明“我市承接国际服务外包业务受疫情影响较为明显……”在提取文本中落在“对外承包工程规模”（已达成、4/4分）一行，对照表26移至“承接国际服务外包执行额增长率”（-8.1%、0分）一行。',
    ],
  },
  33: { notes: ['全年执行数印作“-”，执行率0.00、资金得分0.00；总分90全部来自年度绩效指标。'] },
  37: { notes: ['全部年度绩效指标行为“不适用”，各行分值合计90、自评均为0分，总分10仅为资金执行率得分。'] },
  39: {
    department: '深圳市商务局',
    notes: ['实施单位栏空白，department 取表头“主管部门”所印的深圳市商务局（seed 001 第1142行）；项目金额印作 135000。'],
  },
  43: { notes: ['项目名称按表内原文“因公出国（境）项目-预算准备金”照录（目录列为“预算准备金（局本级）”）。'] },
  46: { notes: ['“拜访企业数量”53家未达≥60家，自评4.4分（53/60×5=4.4166…，与按比例计分保留一位小数一致）。'] },
  49: {
    department: '深圳市商务局',
    notes: [
      '本表右侧被截断：项目金额、资金“得分”栏未印出，实施单位只印出“深圳市”（无从得知全称），department 取表头“主管部门”所印的深圳市商务局（seed 001 第1370行），reported.scores 不含 funds。',
      '总分行印作“100 100”，即分值100、得分100：资金部分 55,871.00/56,000.00=0.9977→1.00→10.00 分，加各行自评90分。',
    ],
  },
  50: {
    patch: { 6: { level2: '质量指标' }, 7: { level2: '质量指标' } },
    notes: ['“课题完成要求”“杂志出版合规性”两行在换页前无二级标签，质量指标标签印在下一页，据此归入产出指标/质量指标。'],
  },
};

/** Short ASCII slugs for the file names, in seed order (表1..表57). */
export const SLUGS: string[] = [
  'fund-foreign-trade', 'fund-commerce-circulation', 'fund-investment-promotion', 'party-hr-training',
  'party-hr', 'legal-regulation', 'admin-support', 'single-window-ops', 'customs-declaration-subsidy',
  'hitech-fair-21-balance', 'hitech-fair-22', 'outbound-cooperation', 'foreign-investment-admin',
  'bonded-economy', 'e-commerce', 'service-trade', 'service-trade-housekeeping', 'canton-fair',
  'foreign-trade-development', 'circulation-market', 'provincial-fund', 'provincial-fund-2019',
  'meat-veg-traceability-supervision', 'fie-rights-station-parks', 'fie-rights-station', 'central-trade-fund',
  'central-trade-fund-2019-287', 'central-service-fund-2019-306', 'central-trade-fund-2018',
  'central-trade-fund-2019-134', 'central-culture-fund-2020', 'central-trade-fund-2020-184',
  'global-investment-conference', 'major-project-attraction', 'investment-promotion', 'overseas-promotion',
  'official-travel-abroad', 'sme-market-expansion-2019', 'new-media-monitoring-2019',
  'recycling-risk-control-2019', 'mobile-office-terminal-2019', 'prior-year-procurement',
  'budget-reserve-bureau', 'budget-reserve-center', 'office-north-america', 'office-europe', 'office-japan',
  'office-australia', 'office-equipment', 'wto-services', 'trade-friction', 'import-export-alert',
  'postdoc-base', 'anti-dumping-system', 'exchange-visits', 'general-admin', 'single-window-pilot',
];

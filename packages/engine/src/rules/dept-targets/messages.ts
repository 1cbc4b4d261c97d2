/** Messages of 部门绩效目标行 (deptTargets). */
import { defineMessages } from '../../errors/catalogue.ts';

export const deptTargetsMessages = defineMessages({
  /** A row the scheme cannot score mechanically (定性, 无法比较) without the reviewer's entry for it. */
  'dept-row-judgement-missing': {
    zh: (p: { name: string; row: number; level3: string; key: string; why: string }) => `“${p.name}”第${p.row}行“${p.level3}”${p.why}，须评审录入该行得分与理由`,
    en: (p: { name: string; row: number; level3: string; key: string; why: string }) => `"${p.name}" row ${p.row} needs a reviewer entry ${p.key}`,
  },
  'dept-rows-empty': {
    zh: (p: { name: string }) => `“${p.name}”没有可计分的指标行（全部不适用或未填）`,
    en: (p: { name: string }) => `"${p.name}" has no row to score`,
  },
});

/**
 * The case routes' refusals and notices (案例接口的提示), one definition each in the engine's message
 * catalogue: Chinese for the user, English beside for logs and developers (English only). `caseRefusal`
 * sends one as the uniform error body, keeping the API's `error` code (what clients match on) apart from
 * the catalogue code (which names the sentence).
 */
import type { FastifyReply } from 'fastify';
import { defineMessages } from '@jixiao/engine/catalogue';
import type { Issue } from '@jixiao/engine';
import type { ErrorBody } from '@jixiao/api';
import { sendError } from '../http-errors.ts';
import type { FieldsP } from '../security/messages.ts';

type None = Record<string, never>;
/** A case by its place: family, year, id. */
type Where = { family: string; year: string; caseId: string };
/** A write named in Chinese (保存 / 恢复 / 状态变更 / 删除) and English (save / restore / status change / delete). */
type Write = { what: string; whatEn: string };
/** A case status, in Chinese (已提交) and English (submitted). */
type Status = { status: string; statusEn: string };

export const caseMessages = defineMessages({
  'case-missing': {
    zh: (p: Where) => `没有找到案例 ${p.caseId}（${p.family} ${p.year} 年度）。`,
    en: (p: Where) => `Case ${p.family}/${p.year}/${p.caseId} not found.`,
  },
  'case-deleted': {
    zh: (p: Where & { time: string; timeIso: string; author: string }) => `案例 ${p.caseId}（${p.family} ${p.year} 年度）已于 ${p.time} 由 ${p.author} 删除；如需找回，可在修改历史中恢复。`,
    en: (p: Where & { time: string; timeIso: string; author: string }) => `Case ${p.family}/${p.year}/${p.caseId} was deleted at ${p.timeIso}; restore a history entry to bring it back.`,
  },
  'case-bad-file': {
    zh: (p: { reason: string; path: string }) => `案例文件无法读取：${p.reason}`,
    en: (p: { reason: string; path: string }) => `The case file could not be imported: ${p.path}`,
  },
  'case-family-missing': {
    zh: (p: { family: string }) => `没有找到方案族 ${p.family}（它没有任何年度的方案）。`,
    en: (p: { family: string }) => `Family ${p.family} not found (it has no scheme).`,
  },
  'case-history-missing': {
    zh: (p: { caseId: string; seq: string }) => `案例 ${p.caseId} 没有第 ${p.seq} 条历史记录。`,
    en: (p: { caseId: string; seq: string }) => `Case ${p.caseId} has no history entry ${p.seq}.`,
  },
  'case-id-mismatch': {
    zh: (p: { given: string; caseId: string }) => `案例文档的标识（${p.given}）与保存位置（${p.caseId}）不一致。`,
    en: (p: { given: string; caseId: string }) => `The case's id (${p.given}) does not match the URL (${p.caseId}).`,
  },
  /** A save or restore of a case whose stored id (`stored`) differs from the document's (`given`): the id is fixed. */
  'case-id-changed': {
    zh: (p: { given: string; stored: string; caseId: string }) =>
      `案例的标识不能更改：保存位置 ${p.caseId} 的案例标识为 ${p.stored}，而本次提交的文档为 ${p.given}。请保留原标识。`,
    en: (p: { given: string; stored: string; caseId: string }) => `A case's id does not change: the case at ${p.caseId} has id ${p.stored}, the document sent has ${p.given}.`,
  },
  'case-year-mismatch': {
    zh: (p: { given: string; year: string }) => `案例的评价年度（${p.given}）与保存位置（${p.year} 年度）不一致。`,
    en: (p: { given: string; year: string }) => `The case's year (${p.given}) does not match the URL (${p.year}).`,
  },
  'case-scheme-other': {
    zh: (p: { schemeId: string; schemeYear: number; family: string; familyScheme: string }) =>
      `案例所用方案（${p.schemeId} ${p.schemeYear} 年度）不是方案族 ${p.family} 的方案（其标识为 ${p.familyScheme}）。`,
    en: (p: { schemeId: string; schemeYear: number; family: string; familyScheme: string }) => `The case's scheme ${p.schemeId} ${p.schemeYear} is not a scheme of family ${p.family} (whose id is ${p.familyScheme}).`,
  },
  'case-scheme-missing': {
    zh: (p: { schemeId: string; schemeYear: number; family: string }) => `案例所用方案（${p.schemeId} ${p.schemeYear} 年度）在方案族 ${p.family} 中不存在；请先建立该年度方案，或改用已有年度。`,
    en: (p: { schemeId: string; schemeYear: number; family: string }) => `The case's scheme ${p.schemeId} ${p.schemeYear} does not exist in family ${p.family}.`,
  },
  'case-invalid': {
    zh: (p: { errors: number; first: string }) => `案例校验未通过（${p.errors} 处错误），未保存：${p.first}`,
    en: (p: { errors: number; first: string }) => `The case is invalid (${p.errors} error(s)); not saved.`,
  },
  'case-not-scorable': {
    zh: (p: { what: string; named: string; count: number; more: boolean; to: string }) =>
      `案例尚不能评分，不能${p.what}：${p.named}${p.more ? `；等共 ${p.count} 处` : ''}。请补全或改正后再${p.what}。`,
    en: (p: { what: string; named: string; count: number; more: boolean; to: string }) => `The case cannot be scored yet (${p.count} issue(s)); it cannot become ${p.to}.`,
  },
  /**
   * A case that scores but is refused 提交/审核通过 only for what the engine's `submissionBlockers` name (the
   * 年度绩效指标 rows' 分值 not adding up to the item's): it says what is wrong, not that the case cannot be
   * scored (`jixiao score` scores it). `named`: the blockers' own messages (各指标行分值合计80分，…应为90分).
   */
  'case-not-submittable': {
    zh: (p: { what: string; named: string; count: number; more: boolean; to: string }) =>
      `不能${p.what}：${p.named}${p.more ? `；等共 ${p.count} 处` : ''}。请改正后再${p.what}。`,
    en: (p: { what: string; named: string; count: number; more: boolean; to: string }) =>
      `The case cannot become ${p.to} until this is put right (${p.count} issue(s)), e.g. the rows' points must add up to the item's points.`,
  },
  'case-reviewed-readonly': {
    zh: (p: Write) => `案例已审核，不能${p.what === '保存' ? '修改' : p.what}；如需修改，请先退回至填报中。`,
    en: (p: Write) => `The case is reviewed; no ${p.whatEn} until it is returned to filling.`,
  },
  'case-submitted-readonly': {
    zh: (p: FieldsP) => `案例已提交，只能修改评审录入（${p.allowed}），不能修改 ${p.fields}；如需修改，请先退回至填报中。`,
    en: (p: FieldsP) => `The case is submitted; only ${p.allowedEn} may change, not ${p.fieldsEn}.`,
  },
  'case-if-match-star': {
    zh: (p: Write) => `${p.what}须注明所基于的版本（If-Match 写该版本的 ETag），不能用“*”；请先打开案例，再基于所见版本${p.what}。`,
    en: (p: Write) => `If-Match: * is not accepted for a ${p.whatEn}; name the version (ETag) it is based on.`,
  },
  'case-bad-if-match': {
    zh: (p: Write & { given: string }) => `If-Match 不是有效的版本标记（应为带引号的 ETag，如 "abc"），${p.what}未执行；请重新打开案例后再试。`,
    en: (p: Write & { given: string }) => `If-Match is not an entity tag (a quoted ETag such as "abc"): ${p.given}.`,
  },
  'case-status-by-save': {
    zh: (p: Write & { from: string; fromEn: string; to: string; toEn: string }) =>
      `${p.what}不能改变案例状态（当前为“${p.from}”，文档中为“${p.to}”）；状态只能通过提交、审核或退回操作改变。`,
    en: (p: Write & { from: string; fromEn: string; to: string; toEn: string }) => `A ${p.whatEn} cannot change the case status (${p.fromEn} → ${p.toEn}); use the status route.`,
  },
  'case-gone': {
    zh: (p: { caseId: string }) => `案例 ${p.caseId} 已不存在，未保存。`,
    en: (p: { caseId: string }) => `Case ${p.caseId} no longer exists; not saved.`,
  },
  'case-version-unknown': {
    zh: (p: Write & { caseId: string; tag: string }) => `If-Match 所注明的版本（${p.tag}）不是案例 ${p.caseId} 保存过的任何版本，未${p.what}；请重新打开案例后再试。`,
    en: (p: Write & { caseId: string; tag: string }) => `If-Match names no saved version of case ${p.caseId}; no ${p.whatEn}.`,
  },
  'case-exists': {
    zh: (p: Where) => `案例 ${p.caseId}（${p.family} ${p.year} 年度）已存在，未新建；请打开它再修改。`,
    en: (p: Where) => `Case ${p.family}/${p.year}/${p.caseId} already exists; not created.`,
  },
  'case-conflict': {
    zh: (p: Write) =>
      p.whatEn === 'save'
        ? '案例已被其他窗口或他人修改，本次保存未执行。请先查看最新版本，再决定如何处理您的修改。'
        : `案例在您查看后已被修改，${p.what}未执行；请刷新后再试。`,
    en: (p: Write) => `The case was changed since the version this ${p.whatEn} is based on; nothing was written.`,
  },
  'case-restore-unchanged': {
    zh: (_p: None) => '所选记录与当前案例内容相同，无需恢复。',
    en: (_p: None) => 'The chosen entry is the current case; nothing to restore.',
  },
  'case-status-unchanged': {
    zh: (p: Status) => `案例已是${p.status}，状态未改变。`,
    en: (p: Status) => `The case is already ${p.statusEn}.`,
  },
  'case-reason-required': {
    zh: (_p: None) => '退回至填报中须写明退回理由（reason），以便填报人知道要改什么。',
    en: (_p: None) => 'Returning a case to filling needs a non-empty reason.',
  },
  'case-status-transition': {
    zh: (p: { from: string; fromEn: string; to: string; toEn: string; allowed: string; allowedEn: string }) =>
      `案例当前为“${p.from}”，不能改为“${p.to}”（只能改为${p.allowed}）。`,
    en: (p: { from: string; fromEn: string; to: string; toEn: string; allowed: string; allowedEn: string }) => `The case is ${p.fromEn}; it cannot become ${p.toEn} (allowed: ${p.allowedEn}).`,
  },
  'case-status-not-written': {
    zh: (_p: None) => '状态未改变。',
    en: (_p: None) => 'The status was not changed.',
  },
  'case-delete-reviewed': {
    zh: (p: { caseId: string }) => `案例 ${p.caseId} 已审核，不能删除；已审核的案例是评价结论的依据，须先退回至填报中。`,
    en: (p: { caseId: string }) => `Case ${p.caseId} is reviewed and cannot be deleted; return it to filling first.`,
  },
});

/** The English names of the writes a message names (`Write`). */
export const WRITES = {
  save: { what: '保存', whatEn: 'save' },
  restore: { what: '恢复', whatEn: 'restore' },
  status: { what: '状态变更', whatEn: 'status change' },
  delete: { what: '删除', whatEn: 'delete' },
} as const satisfies Record<string, Write>;

/**
 * Sends `issue` as the error body with HTTP `status` and the API's error code `error` (`not-found`,
 * `version-conflict`, …); `extra` adds the fields some refusals carry (`currentEtag`, `issues`).
 */
export function caseRefusal(reply: FastifyReply, status: number, error: string, issue: Issue, extra: Partial<ErrorBody> = {}): FastifyReply {
  return sendError(reply, status, { error, message: issue.message, messageEn: issue.messageEn, ...extra });
}

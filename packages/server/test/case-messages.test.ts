/**
 * A walk over the server's message catalogues — the case routes' (routes/case-messages.ts), the role checks'
 * (security/messages.ts), the request validation's (validation-errors.ts) and the store refusals the server
 * words itself (store-reply.ts): every code renders, with sample params of its own type (a code added
 * without a sample does not compile), into a Chinese sentence and an English one without Chinese in it —
 * no Han character and no Chinese punctuation (、，：（）) outside the user's own values, which the samples
 * give in Latin — and without "undefined", "NaN" or "[object Object]". And the case routes state no
 * refusal text of their own: every sentence is a catalogue entry.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { table, walkCatalogues } from '../../../test/fixtures/catalogue-walk.ts';
import { caseMessages, WRITES } from '../src/routes/case-messages.ts';
import { fieldsP, securityMessages } from '../src/security/messages.ts';
import { validationMessages } from '../src/validation-errors.ts';
import { storeReplyMessages } from '../src/store-reply.ts';
import { httpMessages } from '../src/http-errors.ts';

const where = { family: 'shenzhen-department', year: '2024', caseId: 'shenzhen-commerce' };
const role = { role: '评审', roleEn: 'reviewer' };
const status = { status: '已提交', statusEn: 'submitted' };
const tables = [
  table(caseMessages, {
    'case-missing': [where],
    'case-deleted': [{ ...where, time: '2025年3月1日 16:02', timeIso: '2025-03-01T08:02:00.000Z', author: 'zhang' }],
    'case-bad-file': [{ reason: '文件不是有效的 JSON', path: 'schemes/x/cases/2024/a.json' }],
    'case-family-missing': [{ family: 'nowhere' }],
    'case-history-missing': [{ caseId: 'a', seq: '9' }],
    'case-id-mismatch': [{ given: '"b"', caseId: 'a' }],
    'case-id-changed': [{ given: '"b"', stored: '"shenzhen-project-2020-a"', caseId: 'a' }],
    'case-year-mismatch': [{ given: '2023', year: '2024' }],
    'case-scheme-other': [{ schemeId: 'other', schemeYear: 2024, family: 'shenzhen-department', familyScheme: 'shenzhen-department' }],
    'case-scheme-missing': [{ schemeId: 'shenzhen-department', schemeYear: 2030, family: 'shenzhen-department' }],
    'case-invalid': [{ errors: 2, first: '在编人数应为非负整数' }],
    'case-not-scorable': [
      { what: '提交', named: '缺少事实“在编人数”', count: 1, more: false, to: 'submitted' },
      { what: '审核通过', named: '缺少事实“在编人数”；缺少评审得分', count: 5, more: true, to: 'reviewed' },
    ],
    'case-not-submittable': [
      { what: '提交', named: '“年度绩效指标”各指标行分值合计80分，与本项分值90分不符（各行分值合计应为90分）', count: 1, more: false, to: 'submitted' },
    ],
    'case-reviewed-readonly': [WRITES.save, WRITES.restore],
    'case-submitted-readonly': [fieldsP(['facts', 'name'], ['reviewer']), fieldsP(['notes'], ['reviewer'])],
    'case-if-match-star': Object.values(WRITES),
    'case-bad-if-match': [{ ...WRITES.delete, given: '"abc' }],
    'case-status-by-save': [{ ...WRITES.save, from: '填报中', fromEn: 'filling', to: '已提交', toEn: 'submitted' }],
    'case-gone': [{ caseId: 'a' }],
    'case-version-unknown': [{ ...WRITES.save, caseId: 'a', tag: '"x"' }],
    'case-exists': [where],
    'case-conflict': Object.values(WRITES),
    'case-restore-unchanged': [{}],
    'case-status-unchanged': [status],
    'case-reason-required': [{}],
    'case-status-transition': [{ from: '填报中', fromEn: 'filling', to: '已审核', toEn: 'reviewed', allowed: '“已提交”', allowedEn: 'submitted' }],
    'case-status-not-written': [{}],
    'case-delete-reviewed': [{ caseId: 'a' }],
  }),
  table(securityMessages, {
    'auth-login-required': [{}],
    'auth-session-expired': [{}],
    'auth-bad-login': [{}],
    'auth-too-many-logins': [{ attempts: 10 }],
    'auth-role-forbidden': [{ ...role, what: '删除案例', route: 'DELETE /api/families/:family/cases/:year/:caseId' }],
    'case-not-found': [{ caseId: 'a' }],
    'case-edit-not-filling': [status],
    'case-edit-fields': [{ ...role, ...fieldsP(['reviewer', 'status'], ['facts', 'name', 'notes']) }],
    'case-create-forbidden': [role],
    // a name from the user's data (a department, an author) may be Chinese in either language: Latin here, so the walk checks the wording
    'case-create-department': [{ department: 'commerce-bureau' }],
    'case-delete-forbidden': [role],
    'case-delete-not-filling': [status],
    'case-status-forbidden': [{ ...role, from: '填报中', fromEn: 'filling', to: '已审核', toEn: 'reviewed' }],
  }),
  table(validationMessages, {
    'request-missing': [{ where: 'body', field: 'year', title: '新草稿的年度 year', expected: '四位数的年度，如 2025' }],
    'request-invalid-value': [
      { where: 'params', field: 'year', title: '年度', expected: '四位数的年度', value: '"20x5"', valueEn: '"20x5"' },
      { where: 'body', field: 'seq', title: '历史记录序号', expected: '正整数', value: 'JSON 对象', valueEn: 'a JSON object' },
      { where: 'body', field: 'seq', title: '历史记录序号', expected: '正整数', value: '2 项的数组', valueEn: 'an array of 2 item(s)' },
      { where: 'body', field: 'seq', title: '历史记录序号', expected: '正整数', value: '（空）', valueEn: '(nothing)' },
    ],
    // the schema's description is Chinese ("JSON 对象，以 { 开头"): the English must not repeat it
    'request-not-object': [{ where: 'body', title: '方案文档', expected: 'JSON 对象，以 { 开头' }],
    'request-invalid': [{ where: 'body', pointer: '/a', detail: 'must be object' }],
    'request-too-long': [{ where: 'params', field: 'caseId', title: '案例标识 caseId', length: 121, limit: 120 }],
    'request-url-name-too-long': [{ limit: 1000 }],
    'request-bad-url': [{}],
  }),
  table(storeReplyMessages, {
    'if-match-unknown': [{ document: '方案 shenzhen-department 2025年', documentEn: 'scheme shenzhen-department 2025' }],
  }),
  table(httpMessages, {
    'body-too-large': [
      { limit: '4 MB', limitEn: '4 MB', bytes: 4194304 },
      { limit: '1000 字节', limitEn: '1000 bytes', bytes: 1000 },
    ],
  }),
];

describe('the case and role messages, walked', () => {
  it('every code renders into a Chinese sentence and an English one with no Chinese in it', () => walkCatalogues(tables));

  it('the case routes write no refusal text of their own (one definition each, in the catalogue)', () => {
    const src = readFileSync(new URL('../src/routes/cases.ts', import.meta.url), 'utf8');
    // a literal message or messageEn in the routes would be a second wording beside the catalogue's
    expect(src).not.toMatch(/\bmessage(En)?:\s*['`"]/);
    expect(src).not.toMatch(/conflictMessage:\s*['`"]/);
  });
});

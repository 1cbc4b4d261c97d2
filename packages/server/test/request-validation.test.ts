/**
 * Requests are validated by fastify against the TypeBox route schemas of `@jixiao/api`, and a refused
 * request is answered in Chinese with the usual error body `{ error, message, messageEn, issues }`:
 * the field by its Chinese name, the value given and the expected form — never ajv's English default,
 * never a 500.
 */
import { describe, expect, it } from 'vitest';
import { local, serverPerTest } from './helpers.ts';

const t = serverPerTest();

interface Refusal {
  error: string;
  message: string;
  messageEn: string;
  issues: { code: string; severity: string; message: string; messageEn: string; path: string }[];
}

const json = { ...local, 'content-type': 'application/json' };

async function refused(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Refusal> {
  const r = await t.srv.inject({ method, url, headers: { ...json, ...headers }, ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }) });
  expect(r.statusCode).toBe(400);
  expect(r.headers['content-type']).toContain('application/json');
  const body = r.json() as Refusal;
  // one consistent shape, Chinese first; the issue repeats the sentence with its JSON path
  expect(Object.keys(body).sort()).toEqual(['error', 'issues', 'message', 'messageEn']);
  expect(body.message).toMatch(/[\u4e00-\u9fff]/);
  expect(body.message).not.toMatch(/\bmust\b|property|anyOf|undefined/);
  expect(body.issues[0]!.message).toBe(body.message);
  expect(body.issues[0]!.severity).toBe('error');
  return body;
}

describe('a body the route schema refuses', () => {
  it('names a wrong value with the field, the value and the expected form', async () => {
    const r = await refused('POST', '/api/schemes/shenzhen-department/2024/new-year', { year: 'next' });
    expect(r.error).toBe('bad-body');
    expect(r.message).toBe('新草稿的年度 year 不合法："next"（应为四位数字，如 2025）。');
    expect(r.issues[0]).toMatchObject({ code: 'request-invalid-value', path: '/year' });
    expect(r.messageEn).toContain('body/year');
  });

  it('names a missing field', async () => {
    const r = await refused('POST', '/api/schemes/shenzhen-department/2024/new-year', {});
    expect(r.message).toBe('请求须给出新草稿的年度 year（四位数字，如 2025）。');
    expect(r.issues[0]).toMatchObject({ code: 'request-missing', path: '/year' });
    const diff = await refused('POST', '/api/diff', { a: {} });
    expect(diff.message).toBe('请求须给出较新版本 b（方案文档，JSON 对象）。');
    const score = await refused('POST', '/api/score', { facts: {} });
    expect(score.message).toBe('请求须给出方案 scheme（方案文档）。');
  });

  it('refuses a body that is not an object, and a number where a count is asked', async () => {
    const put = await refused('PUT', '/api/schemes/shenzhen-department/2024', [1, 2], { 'if-match': '"x"' });
    expect(put.message).toBe('请求内容须为方案文档（JSON 对象，以 { 开头）。');
    expect(put.issues[0]).toMatchObject({ code: 'request-not-object', path: '' });
    const restore = await refused('POST', '/api/schemes/shenzhen-department/2024/restore', { seq: 0 }, { 'if-match': '"x"' });
    expect(restore.message).toBe('要恢复的历史记录序号 seq 不合法：0（应为正整数，如 3）。');
  });

  it('refuses more added cases than an impact preview takes (200)', async () => {
    const r = await refused('POST', '/api/schemes/shenzhen-department/2024/impact', { cases: Array.from({ length: 201 }, () => ({})) });
    expect(r.message).toBe('添加的案例 cases 不合法：201 项的数组（应为案例文档的数组，最多 200 个）。');
    expect(r.issues[0]!.path).toBe('/cases');
  });

  it('never coerces a value to fit: text where a number is asked is refused, unless the schema allows text', async () => {
    // fastify's default ajv would turn "3" into 3; documents and numbers are taken only as sent
    const seq = await refused('POST', '/api/schemes/shenzhen-department/2024/restore', { seq: '3' }, { 'if-match': '"x"' });
    expect(seq.message).toBe('要恢复的历史记录序号 seq 不合法："3"（应为正整数，如 3）。');
    // a year may be written as four digits of text (the schema says so): the draft is made for 2025
    const r = await t.srv.inject({ method: 'POST', url: '/api/schemes/shenzhen-department/2024/new-year', headers: json, payload: JSON.stringify({ year: '2025' }) });
    expect(r.statusCode).toBe(201);
    expect((r.json() as { year: unknown }).year).toBe(2025);
  });
});

describe('names in the URL and the query', () => {
  it('refuses a family name that is not one, naming it', async () => {
    const r = await refused('GET', '/api/schemes/Shenzhen/2024');
    expect(r.error).toBe('bad-path');
    expect(r.message).toBe('地址中的方案族名称 family 不合法："Shenzhen"（应为小写字母、数字与连字符，如 shenzhen-department）。');
  });

  it('refuses a history number and a case name that are not one', async () => {
    const seq = await refused('GET', '/api/schemes/shenzhen-department/2024/history/x1');
    expect(seq.message).toBe('地址中的历史记录序号 seq 不合法："x1"（应为正整数，如 3）。');
    const kase = await refused('GET', '/api/families/shenzhen-department/cases/2024/.hidden');
    expect(kase.message).toContain('地址中的案例标识 caseId 不合法：".hidden"');
  });

  it('refuses a case id over 120 characters naming the limit and the length given, in Chinese with English beside', async () => {
    // 121 Latin letters: one over the limit of CASE_ID_PATTERN ({0,119} after the first character)
    const r = await refused('GET', `/api/families/shenzhen-department/cases/2024/${'a'.repeat(121)}`);
    expect(r.error).toBe('bad-path');
    expect(r.message).toBe('地址中的案例标识 caseId 过长：共 121 个字符，至多 120 个。');
    expect(r.issues[0]).toMatchObject({ code: 'request-too-long', path: '/caseId', messageEn: 'params field "caseId" is too long: 121 characters, at most 120' });
    // Chinese characters count one each (130 of them, 1170 characters once percent-encoded); a save is refused alike
    const zh = await refused('PUT', `/api/families/shenzhen-department/cases/2024/${encodeURIComponent('案'.repeat(130))}`, {}, { 'if-none-match': '*' });
    expect(zh.message).toBe('地址中的案例标识 caseId 过长：共 130 个字符，至多 120 个。');
  });

  it('takes a case id of 101 to 120 characters to the route (the router\'s own limit of 100 refused them in English)', async () => {
    for (const n of [101, 120]) {
      const r = await t.srv.inject({ method: 'GET', url: `/api/families/shenzhen-department/cases/2024/${'a'.repeat(n)}`, headers: local });
      expect(r.statusCode).toBe(404);
      expect((r.json() as Refusal).message).toBe(`没有找到案例 ${'a'.repeat(n)}（shenzhen-department 2024 年度）。`);
    }
  });

  it('refuses a name over 1000 characters before any route, in the server\'s words', async () => {
    const r = await t.srv.inject({ method: 'GET', url: `/api/families/shenzhen-department/cases/2024/${'a'.repeat(1001)}`, headers: local });
    expect(r.statusCode).toBe(414);
    expect(r.json()).toMatchObject({
      error: 'url-name-too-long',
      message: '地址中的名称过长（超过 1000 个字符），已拒绝。',
      messageEn: 'a name in the URL is longer than 1000 characters; refused',
    });
  });

  it('refuses a URL that cannot be decoded (a broken % escape) in the server\'s words', async () => {
    const r = await t.srv.inject({ method: 'GET', url: '/api/families/shenzhen-department/cases/2024/%E0%A4%A', headers: local });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'bad-url', message: '地址无法解析（含不合法的 % 转义），已拒绝。', messageEn: 'the URL cannot be decoded (a malformed % escape); refused' });
  });

  it('asks for both years of a diff', async () => {
    const r = await refused('GET', '/api/families/shenzhen-department/diff?a=2021');
    expect(r.error).toBe('bad-query');
    expect(r.message).toBe('请求须给出较新版本的年度 b（如 ?a=2024&b=2025）。');
  });
});

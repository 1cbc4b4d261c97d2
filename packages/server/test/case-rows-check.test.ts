/**
 * A 项目支出绩效自评表 (shenzhen-project, seed 001) whose rows' 分值 do not add up to the item's 90 分: the save keeps
 * it and says so (the engine's coded warning `rows-points-sum` among the save's warnings), a submission (提交)
 * is refused naming it; put right, the case is submitted. A 定量 row's actual in words is a warning only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import * as api from '@jixiao/api';
import { local, repoRoot, serverPerTest } from './helpers.ts';

const json = { ...local, 'content-type': 'application/json' };
const FAMILY = 'shenzhen-project';
const ID = 'shenzhen-project-2020-04-party-hr-training';
const url = `/api/families/${FAMILY}/cases/2020/${ID}`;

type Row = { points: number; selfScore?: number; actual: string };
/** Seed 001 表4 as bundled (rows 10 × 9 = 90 分), changed by `change`. */
function table4(change: (rows: Row[]) => void = () => {}): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(join(repoRoot, 'schemes', FAMILY, 'cases/2020/04-party-hr-training.json'), 'utf8')) as Record<string, unknown> & { facts: { rows: Row[] } };
  delete doc['$schema'];
  change(doc.facts.rows);
  return doc;
}
const put = (srv: FastifyInstance, doc: unknown, headers: Record<string, string>) =>
  srv.inject({ method: 'PUT', url, headers: { ...json, ...headers }, payload: JSON.stringify(doc) });
const submit = (srv: FastifyInstance, etag: string) =>
  srv.inject({ method: 'POST', url: `${url}/status`, headers: { ...json, 'if-match': etag }, payload: JSON.stringify({ status: 'submitted' }) });

describe('rows’ 分值 against the item’s points (server)', () => {
  const t = serverPerTest();

  it('r01 分值 and 自评 10 → 60 (rows 140 ≠ 90): saved with the warning, refused on 提交; 60 → 10 again, submitted', async () => {
    const inflated = table4((rows) => {
      rows[0]!.points = 60;
      rows[0]!.selfScore = 60;
    });
    const saved = await put(t.srv, inflated, { 'if-none-match': '*' });
    expect(saved.statusCode, saved.body).toBe(201);
    const warnings = (saved.json() as api.SaveCaseResponse).warnings;
    expect(warnings.map((w) => w.code)).toEqual(['rows-points-sum']);
    expect(warnings[0]!.severity).toBe('warning');
    expect(warnings[0]!.message).toContain('各指标行分值合计140分，与本项分值90分不符');

    const refused = await submit(t.srv, (saved.json() as { etag: string }).etag);
    expect(refused.statusCode, refused.body).toBe(422);
    const body = refused.json() as api.ErrorBody;
    expect(body.error).toBe('case-incomplete');
    expect(body.issues!.map((i) => i.code)).toEqual(['rows-points-sum']);
    expect(body.message).toContain('不能提交');
    expect(body.message).toContain('各指标行分值合计140分');
    // the case scores (jixiao score scores it): the refusal says what is wrong, not that it cannot be scored
    expect(body.message).toMatch(/^不能提交：“[^”]+”各指标行分值合计140分，与本项分值90分不符（各行分值合计应为90分）/);
    expect(body.message).not.toContain('尚不能评分');

    const fixed = await put(t.srv, table4(), { 'if-match': (saved.json() as { etag: string }).etag });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((fixed.json() as api.SaveCaseResponse).warnings).toEqual([]);
    const submitted = await submit(t.srv, (fixed.json() as { etag: string }).etag);
    expect(submitted.statusCode, submitted.body).toBe(200);
  });

  it('r01 自评 12 of its 10 分: saved with the row named, refused on 提交; 12 → 10 again, submitted', async () => {
    const saved = await put(
      t.srv,
      table4((rows) => {
        rows[0]!.selfScore = 12;
      }),
      { 'if-none-match': '*' },
    );
    expect(saved.statusCode, saved.body).toBe(201);
    const warnings = (saved.json() as api.SaveCaseResponse).warnings;
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['row-self-score-over-points', '/facts/rows/0/selfScore']]);
    expect(warnings[0]!.message).toContain('第1行“培训人次”的自评得分12分高于本行分值10分');
    const refused = await submit(t.srv, (saved.json() as { etag: string }).etag);
    expect(refused.statusCode, refused.body).toBe(422);
    expect((refused.json() as api.ErrorBody).issues!.map((i) => i.code)).toEqual(['row-self-score-over-points']);
    const fixed = await put(t.srv, table4(), { 'if-match': (saved.json() as { etag: string }).etag });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const submitted = await submit(t.srv, (fixed.json() as { etag: string }).etag);
    expect(submitted.statusCode, submitted.body).toBe(200);
  });

  it('“≥300人” / “二百人”: the save says the row cannot be compared; the case is still submitted', async () => {
    const saved = await put(
      t.srv,
      table4((rows) => {
        rows[0]!.actual = '二百人';
      }),
      { 'if-none-match': '*' },
    );
    expect(saved.statusCode, saved.body).toBe(201);
    const warnings = (saved.json() as api.SaveCaseResponse).warnings;
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['row-actual-in-words', '/facts/rows/0']]);
    expect(warnings[0]!.message).toContain('实际完成值“二百人”为文字表述');
    const submitted = await submit(t.srv, (saved.json() as { etag: string }).etag);
    expect(submitted.statusCode, submitted.body).toBe(200);
  });
});

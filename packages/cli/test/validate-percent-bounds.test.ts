/**
 * `jixiao validate` on a 总分封顶 written in percent points (the reviewer's report: a band 70%–80% written
 * `"min": 70, "max": 80` on 预算执行率, declared max 1, validated "OK 方案有效" and never applied, being read
 * as 7000%–8000%): now exit 1, each bound refused in Chinese with the hint 95% 填 0.95, English beside.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, jixiao } from './run.ts';

describe('validate refuses percent bounds written as whole numbers', () => {
  it('totalCap band 70–80 on a percent fact: two errors, with the JSON paths', async () => {
    const r = await jixiao(['validate', join(FIXTURES, 'percent-bounds', 'total-cap-70.json')]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toContain('无效：2 个错误（invalid scheme: 2 errors）');
    expect(lines).toHaveLength(5);
    // 70 × 100 = 7000 (%); 70 ÷ 100 = 0.7
    expect(lines[1]).toContain('错误 [percent-scale] 总分封顶（totalCap）第1段的下限 70 即 7000%');
    for (const part of ['95% 填 0.95', '应写作 0.7 或 "70%"', '位置 /totalCap/bands/0/min']) expect(lines[1]).toContain(part);
    expect(lines[2]).toContain('totalCap band 1 min 70 on percent 预算执行率 reads as 7000%; for 70% write 0.7 or "70%"');
    expect(lines[3]).toContain('位置 /totalCap/bands/0/max');
    expect(lines[4]).toContain('totalCap band 1 max 80');
  });
});

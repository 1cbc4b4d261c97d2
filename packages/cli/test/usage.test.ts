/** Exit codes: 2 for usage errors (unknown command/option, missing argument or file), messages in Chinese and English. */
import { describe, expect, it } from 'vitest';
import { ALPHA, jixiao, jixiaoProcess, MINI_SCHEME } from './run.ts';

describe('usage errors exit 2', () => {
  it.each([
    ['no command', [], /Usage: jixiao/],
    ['unknown command', ['grade'], /未知命令 grade/],
    ['unknown option', ['score', '--scheme', MINI_SCHEME, '--facts', ALPHA, '--colour'], /未知选项 --colour/],
    ['missing --facts', ['score', '--scheme', MINI_SCHEME], /缺少必需的选项 --facts/],
    ['missing --indicator', ['explain', '--scheme', MINI_SCHEME, '--facts', ALPHA], /缺少必需的选项 --indicator/],
    ['missing scheme argument', ['validate'], /缺少参数 scheme/],
    ['missing --cases', ['audit'], /缺少必需的选项 --cases/],
    ['missing --out', ['batch', '--cases', 'schemes'], /缺少必需的选项 --out/],
    ['bad --format', ['score', '--scheme', MINI_SCHEME, '--facts', ALPHA, '--format', 'xml'], /参数取值无效 --format <format> xml（可选：table、json、md）/],
    ['file not found', ['score', '--scheme', 'nowhere.json', '--facts', ALPHA], /找不到方案文件 nowhere\.json/],
    ['cases folder not found', ['audit', '--cases', 'no-such-folder'], /找不到案例目录/],
    ['unsupported --out extension', ['batch', '--cases', 'schemes', '--out', 'x.pdf'], /扩展名/],
  ])('%s', async (_, args, message) => {
    const r = await jixiao(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('usage errors carry the English beside the Chinese', async () => {
    const r = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', ALPHA, '--colour']);
    expect(r.err).toContain('用法错误');
    expect(r.err).toContain("usage error: unknown option '--colour'");
  });

  it('a near miss is answered with the nearest command in both languages (users → user), the English on one line', async () => {
    const r = await jixiao(['users']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法错误：未知命令 users，是否要用 user？');
    expect(r.err).toContain("    usage error: unknown command 'users' (did you mean user?)\n");
    expect(r.err).not.toContain('(Did you mean');
  });

  it('--help exits 0 and lists every command', async () => {
    const r = await jixiao(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['score', 'validate', 'explain', 'audit', 'batch']) expect(r.out).toContain(c);
  });
});

describe('as a process', () => {
  it('exit code 2 and a Chinese message for an unknown command', () => {
    const r = jixiaoProcess(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知命令');
  });

  it('exit code 0 and the sheet for a valid case', () => {
    const r = jixiaoProcess(['score', '--scheme', MINI_SCHEME, '--facts', ALPHA, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveProperty('total');
  });
});

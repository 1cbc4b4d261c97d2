/**
 * `jixiao user add|list|remove|password` as an administrator runs them: the password from standard
 * input (a real subprocess) or the prompt (a stand-in source), roles named in Chinese or English, a
 * department account needs its department, refusals in Chinese with English beside, the database
 * from --database or JIXIAO_DATABASE.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAccounts } from '@jixiao/store';
import { userAddCommand, userListCommand, userPasswordCommand, userRemoveCommand, type PasswordSource } from '../src/commands/users.ts';
import type { Io } from '../src/io.ts';
import { jixiao, ROOT } from './run.ts';

let dir: string;
const savedDb = process.env['JIXIAO_DATABASE'];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-users-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  if (savedDb === undefined) delete process.env['JIXIAO_DATABASE'];
  else process.env['JIXIAO_DATABASE'] = savedDb;
});

function captured(): Io & { text: () => { out: string; err: string } } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), errIsTTY: false, cwd: dir, text: () => ({ out, err }) };
}

/** A prompt that answers `password` (and records what it was asked). */
function typed(password: string): PasswordSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    prompt: (label, confirm) => {
      asked.push(`${label}${confirm ? ' (confirm)' : ''}`);
      return Promise.resolve(password);
    },
    stdin: () => Promise.reject(new Error('not used')),
  };
}

async function loginOk(database: string, username: string, password: string): Promise<boolean> {
  const a = await openAccounts({ database, cwd: dir });
  try {
    return (await a.checkLogin(username, password)) !== null;
  } finally {
    await a.close();
  }
}

describe('jixiao user', () => {
  it('adds accounts with a prompted password, lists, changes a password and removes', async () => {
    const db = join(dir, 'jixiao.sqlite');
    const io = captured();
    const source = typed('s3cret-pass');
    expect(await userAddCommand('zhang', { role: '政策管理', displayName: '张三', database: db }, io, source)).toBe(0);
    expect(source.asked).toEqual(['密码（password）： (confirm)']);
    expect(await userAddCommand('commerce', { role: 'department', department: '深圳市商务局', database: db }, io, typed('dept-pass-1'))).toBe(0);
    expect(io.text().out).toContain('已创建用户 zhang（张三，政策管理）');
    expect(io.text().out).toContain('已创建用户 commerce（commerce，部门填报，部门 深圳市商务局）');
    expect(await loginOk(db, 'zhang', 's3cret-pass')).toBe(true);

    const list = captured();
    await userListCommand({ database: db, format: 'json' }, list);
    expect(JSON.parse(list.text().out)).toEqual([
      { username: 'commerce', displayName: 'commerce', role: 'department', department: '深圳市商务局' },
      { username: 'zhang', displayName: '张三', role: 'policy' },
    ]);

    expect(await userPasswordCommand('zhang', { database: db }, io, typed('n3w-secret-pass'))).toBe(0);
    expect(await loginOk(db, 'zhang', 's3cret-pass')).toBe(false);
    expect(await loginOk(db, 'zhang', 'n3w-secret-pass')).toBe(true);

    expect(await userRemoveCommand('commerce', { database: db }, io)).toBe(0);
    const table = captured();
    await userListCommand({ database: db, format: 'table' }, table);
    expect(table.text().out).toContain('zhang\t张三\t政策管理 policy');
    expect(table.text().out).not.toContain('commerce');
  });

  it('refuses a bad role, a department account without its department, a duplicate and a short password', async () => {
    const db = join(dir, 'jixiao.sqlite');
    const io = captured();
    await expect(userAddCommand('x', { role: 'admin', database: db }, io, typed('long-enough'))).rejects.toThrow(/角色不合法：admin/);
    await expect(userAddCommand('x', { role: '部门填报', database: db }, io, typed('long-enough'))).rejects.toThrow(/须用 --department/);
    await expect(userAddCommand('x', { role: '评审', department: '商务局', database: db }, io, typed('long-enough'))).rejects.toThrow(/只有部门填报账号有所属部门/);
    await userAddCommand('x', { role: '评审', database: db }, io, typed('long-enough'));
    await expect(userAddCommand('x', { role: '评审', database: db }, io, typed('long-enough'))).rejects.toThrow(/用户 x 已存在\n {4}error: user x already exists/);
    await expect(userAddCommand('y', { role: '评审', database: db }, io, typed('short'))).rejects.toThrow(/密码太短：至少 8 个字符/);
    await expect(userRemoveCommand('nobody', { database: db }, io)).rejects.toThrow(/没有用户 nobody/);
  });

  it('reads the password from standard input, with the database from JIXIAO_DATABASE (a real process)', async () => {
    const db = join(dir, 'env.sqlite');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'packages/cli/src/main.ts'), 'user', 'add', 'li', '--role', 'reviewer', '--display-name', '李四', '--password-stdin'], {
      cwd: ROOT, // where tsx resolves; the database path is absolute
      input: 'review-pass-1\n',
      encoding: 'utf8',
      env: { ...process.env, JIXIAO_DATABASE: db },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已创建用户 li（李四，评审）');
    expect(await loginOk(db, 'li', 'review-pass-1')).toBe(true);

    process.env['JIXIAO_DATABASE'] = db;
    const list = await jixiao(['user', 'list', '--format', 'json'], dir);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out)).toEqual([{ username: 'li', displayName: '李四', role: 'reviewer' }]);
  });

  it('is a usage error without --role', async () => {
    const r = await jixiao(['user', 'add', 'zhang'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('缺少必需的选项');
  });
});

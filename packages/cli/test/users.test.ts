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
import { openAccounts, openStore } from '@jixiao/store';
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

/** Puts cases into the database, one per department named (as a department's first case would arrive). */
async function casesOf(database: string, ...departments: string[]): Promise<void> {
  const store = await openStore({ database, cwd: dir });
  try {
    for (const [k, department] of departments.entries()) {
      const doc = { id: `c${k}`, name: `${department}2024年度部门整体支出绩效自评`, department, year: 2024, scheme: { id: 'shenzhen-department', year: 2024 }, facts: {} };
      await store.create({ kind: 'case', family: 'shenzhen-department', year: 2024, caseId: `c${k}` }, JSON.stringify(doc, null, 2) + '\n');
    }
  } finally {
    await store.close();
  }
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
    await casesOf(db, '深圳市商务局');
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

  it('takes a department only as the cases write it: a typo is refused with the nearest known names; a new one only when said so', async () => {
    const db = join(dir, 'jixiao.sqlite');
    await casesOf(db, '深圳市商务局', '深圳市商务发展促进中心', '中国国际贸易促进委员会深圳市委员会', '深圳市福田区投资推广署');
    const io = captured();
    // 商务厅 for 商务局: one character off. No known name holds every character of 深圳市商务厅 (none has 厅); shared
    // characters: 深圳市商务局 5 and 深圳市商务发展促进中心 5 (深圳市商务), edit distance 1 against 6 breaking the tie;
    // 深圳市福田区投资推广署 3 and 中国国际贸易促进委员会深圳市委员会 3 (深圳市), distance 8 (after 深圳市: 3 changed,
    // 5 added) against more than 8 (17 characters against 6): three are named, nearest first
    const source = typed('dept-pass-1');
    const refused = userAddCommand('shangwu', { role: '部门填报', department: '深圳市商务厅', database: db }, io, source);
    await expect(refused).rejects.toThrow(
      '错误：没有案例写明部门“深圳市商务厅”，按此建立的部门填报账号将看不到任何案例。最接近的已知部门：深圳市商务局、深圳市商务发展促进中心、深圳市福田区投资推广署。若确是尚无案例的新部门，请加 --new-department\n' +
        '    error: no case names the department "深圳市商务厅": the account would see no case. Nearest known: 深圳市商务局, 深圳市商务发展促进中心, 深圳市福田区投资推广署. For a new department without cases yet, add --new-department',
    );
    expect(source.asked).toEqual([]); // refused before the password is asked
    // 深圳商务局 (市 left out): 深圳市商务局 holds all its characters in order, so it comes first, then 深圳市商务发展促进中心
    // sharing 4 (深圳商务), then 深圳市福田区投资推广署 sharing 2 (深圳) and nearer than the 17-character name
    await expect(userAddCommand('shangwu', { role: '部门填报', department: '深圳商务局', database: db }, io, source)).rejects.toThrow(
      '最接近的已知部门：深圳市商务局、深圳市商务发展促进中心、深圳市福田区投资推广署。',
    );
    await expect(refused.catch((e: { code?: number }) => e.code)).resolves.toBe(1);
    // written as the cases write it (spaces around are not part of the name)
    expect(await userAddCommand('shangwu', { role: '部门填报', department: ' 深圳市商务局 ', database: db }, io, typed('dept-pass-1'))).toBe(0);
    // a department with no case yet, said so
    expect(await userAddCommand('xinshe', { role: '部门填报', department: '深圳市新设局', newDepartment: true, database: db }, io, typed('dept-pass-2'))).toBe(0);
    const list = captured();
    await userListCommand({ database: db, format: 'json' }, list);
    expect((JSON.parse(list.text().out) as { username: string; department?: string }[]).map((u) => [u.username, u.department])).toEqual([
      ['shangwu', '深圳市商务局'],
      ['xinshe', '深圳市新设局'],
    ]);
    // --new-department is for a department account only
    await expect(userAddCommand('r', { role: '评审', newDepartment: true, database: db }, io, typed('long-enough'))).rejects.toThrow(/--new-department 只用于部门填报账号/);
  });

  it('in a database without cases, a department is refused with the advice to import the cases first', async () => {
    const db = join(dir, 'empty.sqlite');
    await expect(userAddCommand('shangwu', { role: '部门填报', department: '深圳市商务局', database: db }, captured(), typed('dept-pass-1'))).rejects.toThrow(
      /数据库中还没有写明部门的案例（可先用 jixiao import-store 导入）.*\n.*No case in the database names a department/,
    );
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

/**
 * `jixiao user add|list|remove|password`: the local accounts a server uses when it listens beyond
 * 127.0.0.1 (`pnpm start -- --host 0.0.0.0`). The accounts live in the database (`--database`, else
 * `JIXIAO_DATABASE`, else the embedded SQLite file under the data folder), beside the schemes and cases.
 *
 * - `user add <username> --role 政策管理|评审|部门填报 (policy|reviewer|department) [--department 名称 [--new-department]] [--display-name 名称]`
 *   — a department must be one some case of the database names (`department`), exactly; an unknown one is refused
 *   with the nearest known names, unless `--new-department` says it is new and has no case yet.
 * - `user list [--format table|json]`
 * - `user remove <username>`
 * - `user password <username>` — sets a new password and signs the account out everywhere.
 *
 * The password is asked at the terminal (twice, not shown), or read from standard input with
 * `--password-stdin` (one line; for scripts: `printf '%s\n' "$PW" | pnpm jixiao user add …`). It is
 * never a command-line argument, which other users of the machine could see.
 */
import type { Command } from 'commander';
import { ACCOUNT_ROLE_ZH, AccountError, describeDatabase, openAccounts, parseRole, resolveDatabaseConfig, unknownDepartment, type AccountStore } from '@jixiao/store';
import { CliError, EXIT, usageError, type ExitCode, type Io } from '../io.ts';
import { DATABASE_HELP, openDatabase } from './store-exchange.ts';

/** Where a password comes from: the terminal prompt or standard input. */
export interface PasswordSource {
  /** Asks for a password (twice when `confirm`), without echo. */
  prompt(label: string, confirm: boolean): Promise<string>;
  /** Reads the whole of standard input; the password is its first line. */
  stdin(): Promise<string>;
}

/** Opens the account store named by `--database` (or the environment); a failure is a CliError naming the database. */
async function openAccountDatabase(database: string | undefined, io: Io): Promise<AccountStore> {
  const config = resolveDatabaseConfig({ database, cwd: io.cwd });
  try {
    return await openAccounts(config);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new CliError(EXIT.invalid, [`无法打开数据库 ${describeDatabase(config)}：${msg}`, `    cannot open the database: ${msg}`]);
  }
}

/** Runs `f` on the account store, turning an `AccountError` into the Chinese and English lines. */
async function withAccounts<T>(database: string | undefined, io: Io, f: (a: AccountStore) => Promise<T>): Promise<T> {
  const accounts = await openAccountDatabase(database, io);
  try {
    return await f(accounts);
  } catch (e) {
    if (e instanceof AccountError) throw new CliError(EXIT.invalid, [`错误：${e.message}`, `    error: ${e.messageEn}`]);
    throw e;
  } finally {
    await accounts.close();
  }
}

async function readPassword(opts: { passwordStdin?: boolean }, source: PasswordSource, confirm: boolean): Promise<string> {
  if (opts.passwordStdin) {
    const text = await source.stdin();
    const line = text.split(/\r?\n/)[0] ?? '';
    if (!line) throw usageError('标准输入中没有密码', 'no password on standard input');
    return line;
  }
  return source.prompt('密码（password）：', confirm);
}

export interface UserAddOptions {
  role: string;
  department?: string;
  /** The department has no case yet: take it as written, without checking it against the cases. */
  newDepartment?: boolean;
  displayName?: string;
  passwordStdin?: boolean;
  database?: string;
}

/**
 * Refuses (CliError, exit 1) a department that no case of the database names, with the nearest known names:
 * an account for a misspelt department would see no case at all.
 */
async function checkDepartment(department: string, database: string | undefined, io: Io): Promise<void> {
  const store = await openDatabase(database, io);
  try {
    const issue = await unknownDepartment(store, department);
    if (issue) throw new CliError(EXIT.invalid, [`错误：${issue.message}`, `    error: ${issue.messageEn}`]);
  } finally {
    await store.close();
  }
}

/** Runs `user add`. */
export async function userAddCommand(username: string, opts: UserAddOptions, io: Io, source: PasswordSource): Promise<ExitCode> {
  const role = parseRole(opts.role);
  if (!role) throw usageError(`角色不合法：${opts.role}（可用：政策管理、评审、部门填报）`, `invalid role: ${opts.role} (policy, reviewer, department)`);
  if (role === 'department' && !opts.department?.trim()) throw usageError('部门填报账号须用 --department 指定所属部门', 'a department account needs --department');
  if (role !== 'department' && opts.department !== undefined) throw usageError(`只有部门填报账号有所属部门，${ACCOUNT_ROLE_ZH[role]}账号不能用 --department`, 'only a department account takes --department');
  if (role !== 'department' && opts.newDepartment) throw usageError('--new-department 只用于部门填报账号（与 --department 一起）', '--new-department goes with a department account and --department');
  if (role === 'department' && opts.department && !opts.newDepartment) await checkDepartment(opts.department, opts.database, io);
  const password = await readPassword(opts, source, true);
  return withAccounts(opts.database, io, async (accounts) => {
    const a = await accounts.addUser({ username, displayName: opts.displayName ?? username, role, ...(opts.department ? { department: opts.department } : {}), password });
    const dept = a.department ? `，部门 ${a.department}` : '';
    io.out(`已创建用户 ${a.username}（${a.displayName}，${ACCOUNT_ROLE_ZH[a.role]}${dept}）于 ${accounts.description}\n  created user ${a.username} (${a.role}${a.department ? `, ${a.department}` : ''})\n`);
    return EXIT.ok;
  });
}

/** Runs `user list`. */
export async function userListCommand(opts: { database?: string; format: 'table' | 'json' }, io: Io): Promise<ExitCode> {
  return withAccounts(opts.database, io, async (accounts) => {
    const users = await accounts.listUsers();
    if (opts.format === 'json') {
      io.out(JSON.stringify(users, null, 2) + '\n');
      return EXIT.ok;
    }
    if (users.length === 0) {
      io.out(`${accounts.description} 中还没有用户（no users）。用 jixiao user add 创建。\n`);
      return EXIT.ok;
    }
    io.out(`用户名 username\t显示名称 display name\t角色 role\t部门 department\n`);
    for (const u of users) io.out(`${u.username}\t${u.displayName}\t${ACCOUNT_ROLE_ZH[u.role]} ${u.role}\t${u.department ?? ''}\n`);
    return EXIT.ok;
  });
}

/** Runs `user remove`. */
export async function userRemoveCommand(username: string, opts: { database?: string }, io: Io): Promise<ExitCode> {
  return withAccounts(opts.database, io, async (accounts) => {
    await accounts.removeUser(username);
    io.out(`已删除用户 ${username}，其登录已失效（removed user ${username}; signed out）\n`);
    return EXIT.ok;
  });
}

/** Runs `user password`. */
export async function userPasswordCommand(username: string, opts: { database?: string; passwordStdin?: boolean }, io: Io, source: PasswordSource): Promise<ExitCode> {
  const password = await readPassword(opts, source, true);
  return withAccounts(opts.database, io, async (accounts) => {
    await accounts.setPassword(username, password);
    io.out(`已为 ${username} 设置新密码，原有登录均已失效（password changed; every session of ${username} ended）\n`);
    return EXIT.ok;
  });
}

// ---- the process's terminal and standard input ----

/** Reads one line from the terminal without echoing it. */
function promptHidden(label: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    process.stderr.write(label);
    let text = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err: Error | null): void => {
      stdin.removeListener('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(text);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003' || ch === '\u0004') return done(new CliError(EXIT.usage, ['已取消（cancelled）']));
        if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('');
        else text += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The password source of a real process: the terminal, or standard input. */
export const processPasswordSource: PasswordSource = {
  async prompt(label, confirm) {
    if (!process.stdin.isTTY) throw usageError('不是终端，无法询问密码；请用 --password-stdin 从标准输入读入', 'not a terminal: use --password-stdin');
    const first = await promptHidden(label);
    if (confirm && (await promptHidden('再次输入密码（repeat password）：')) !== first) throw new CliError(EXIT.invalid, ['两次输入的密码不一致（passwords do not match）']);
    return first;
  },
  async stdin() {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  },
};

const ROLE_HELP = '角色：政策管理|评审|部门填报（或 policy|reviewer|department）';

/** Registers `user` and its subcommands. Called once from program.ts. */
export function registerUserCommands(program: Command, io: Io, setExit: (code: ExitCode) => void, source: PasswordSource = processPasswordSource): void {
  const user = program.command('user').description('管理账号：服务在单位内网运行（--host）时用于登录（manage the accounts for a server beyond localhost）');
  user
    .command('add')
    .description('新建账号（add an account）')
    .argument('<username>', '用户名（username）')
    .requiredOption('--role <role>', ROLE_HELP)
    .option('--department <name>', '部门填报账号的所属部门，须与数据库中案例的 department 字段一字不差（the department of a department account, as the cases write it）')
    .option('--new-department', '所属部门是尚无案例的新部门：不与已有案例核对（a new department without cases yet）')
    .option('--display-name <name>', '显示名称，记入修改历史；缺省为用户名（display name）')
    .option('--password-stdin', '从标准输入读入密码（read the password from standard input）')
    .option('--database <url|file>', DATABASE_HELP)
    .action(async (username: string, opts: UserAddOptions) => setExit(await userAddCommand(username, opts, io, source)));
  user
    .command('list')
    .description('列出账号（list the accounts）')
    .option('--format <format>', '输出格式 table|json（output format）', 'table')
    .option('--database <url|file>', DATABASE_HELP)
    .action(async (opts: { database?: string; format: string }) => {
      if (opts.format !== 'table' && opts.format !== 'json') throw usageError(`输出格式不合法：${opts.format}（可选：table、json）`, `invalid format: ${opts.format}`);
      setExit(await userListCommand({ ...opts, format: opts.format }, io));
    });
  user
    .command('remove')
    .description('删除账号，并结束其登录（remove an account and its sessions）')
    .argument('<username>', '用户名（username）')
    .option('--database <url|file>', DATABASE_HELP)
    .action(async (username: string, opts: { database?: string }) => setExit(await userRemoveCommand(username, opts, io)));
  user
    .command('password')
    .description('重设密码，并结束其全部登录（set a new password; ends every session）')
    .argument('<username>', '用户名（username）')
    .option('--password-stdin', '从标准输入读入密码（read the password from standard input）')
    .option('--database <url|file>', DATABASE_HELP)
    .action(async (username: string, opts: { database?: string; passwordStdin?: boolean }) => setExit(await userPasswordCommand(username, opts, io, source)));
}

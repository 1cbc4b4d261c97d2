/**
 * `jixiao --help` lists every command the program registers (a new-user review found `user` missing from it
 * while the README documented it), each command group's `--help` lists its subcommands, and every command
 * the README runs (`pnpm jixiao <command>`) is a registered one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../src/program.ts';
import { jixiao, ROOT } from './run.ts';

const program = buildProgram({ out: () => {}, err: () => {}, errIsTTY: false, cwd: ROOT }, () => {});

/** The names a help text lists as commands: each line "  name [options] <arg>  description" of its Commands: part. */
function listedCommands(help: string): string[] {
  const part = help.split(/^Commands:$/m)[1] ?? '';
  return [...part.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1] as string);
}

const names = (c: Command): string[] => c.commands.map((s) => s.name());

describe('jixiao --help', () => {
  it('lists every registered command, user among them', async () => {
    const registered = names(program);
    expect(registered).toContain('user');
    expect(registered.length).toBeGreaterThan(15);
    const r = await jixiao(['--help']);
    expect(r.code).toBe(0);
    expect(listedCommands(r.out).sort()).toEqual([...registered, 'help'].sort());
  });

  it('lists the subcommands of every command group (user add, list, remove, password)', async () => {
    const groups = program.commands.filter((c) => c.commands.length > 0);
    expect(groups.map((g) => g.name())).toContain('user');
    expect(names(groups.find((g) => g.name() === 'user')!).sort()).toEqual(['add', 'list', 'password', 'remove']);
    for (const g of groups) {
      const r = await jixiao([g.name(), '--help']);
      expect(r.code).toBe(0);
      expect(listedCommands(r.out).filter((n) => n !== 'help').sort()).toEqual(names(g).sort());
    }
  });

  it('knows every command the README runs', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const used = new Set([...readme.matchAll(/pnpm jixiao ([a-z][a-z-]*)/g)].map((m) => m[1] as string));
    expect(used.has('user')).toBe(true);
    const registered = new Set(names(program));
    expect([...used].filter((c) => !registered.has(c))).toEqual([]);
  });
});

/** A help text with its wrapped lines joined again (commander wraps descriptions at the terminal width). */
const unwrapped = (help: string): string => help.replace(/\n {2,}/g, ' ');

describe('help of a scheme path (a review found 方案文件 for paths that, in the database, only name the document)', () => {
  it('new-year, publish, history and restore say both meanings: a name in the database, the file with --files', async () => {
    const cases: [string[], string][] = [
      [['publish', '--help'], 'scheme'],
      [['history', '--help'], 'scheme'],
      [['restore', '--help'], 'scheme'],
      [['new-year', '--help'], '--from <scheme>'],
    ];
    for (const [args, shown] of cases) {
      const r = await jixiao(args);
      expect(r.code).toBe(0);
      const help = unwrapped(r.out);
      expect(help).toContain(shown);
      expect(help, args[0]).toContain('数据库模式（缺省）下按交换布局 <方案族>/<年度>.json 只用作名称，指明数据库中的方案');
      expect(help, args[0]).toContain('不直接读写该文件；--files 时为方案文件本身');
      expect(help, args[0]).toContain('<family>/<year>.json only names the document');
      expect(help, args[0]).not.toContain('方案文件（scheme file）');
    }
  });

  it('new-year --out says it names the new draft in the database and is the output file only with --files', async () => {
    const help = unwrapped((await jixiao(['new-year', '--help'])).out);
    expect(help).toContain('--out <scheme>');
    expect(help).toContain('数据库模式下以 <方案族>/<年度>.json 指明新方案的名称（不写文件）');
    expect(help).toContain('--files 时为输出文件');
  });

  it('the commands that only read files still call their path a 方案文件', async () => {
    for (const cmd of ['score', 'validate', 'explain', 'template', 'import', 'report']) {
      const help = unwrapped((await jixiao([cmd, '--help'])).out);
      expect(help, cmd).toContain('方案文件');
      expect(help, cmd).not.toContain('数据库');
    }
  });
});

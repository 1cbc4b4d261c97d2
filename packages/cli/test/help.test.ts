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

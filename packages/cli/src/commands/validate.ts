/**
 * `jixiao validate <scheme>`: every problem of a scheme document (JSON Schema, then semantic checks:
 * points that do not add up, tier gaps and overlaps, unknown rule kinds, undeclared facts…), or
 * "OK 方案有效"; a published document whose content no longer matches its recorded hash is an error.
 * Errors exit 1; warnings alone do not.
 */
import { checkPublication, validateScheme } from '@jixiao/engine';
import { inputError, type Io } from '../io.ts';
import { countText, errorsOf, issueLines } from '../issues.ts';
import { readJsonFile } from '../json-file.ts';
import { caseNotScheme, looksLikeCase } from '../doc-kind.ts';
import { upgradeFile } from '../upgrade.ts';

/** Runs `validate`. @throws CliError (1: invalid scheme or malformed JSON; 2: no such file). */
export function validateCommand(file: string, io: Io): void {
  const read = readJsonFile(file, io.cwd, '方案文件');
  if (looksLikeCase(read.doc)) {
    const i = caseNotScheme(read.shown);
    throw inputError(issueLines([i]), { file: read.shown, issues: [i] });
  }
  // validated as read through the format's migrations (a newer format version is refused by upgradeFile)
  const { file: f, notice } = upgradeFile(read, 'scheme');
  const issues = [...notice, ...validateScheme(f.doc)];
  // a published document must still match the hash recorded at publication
  if (!errorsOf(issues).length) issues.push(...checkPublication(f.doc));
  const n = countText(issues);
  if (errorsOf(issues).length) {
    throw inputError([`方案 ${f.shown} 无效：${n.zh}（invalid scheme: ${n.en}）`, ...issueLines(issues, f.doc)], { file: f.shown, issues });
  }
  if (issues.length) io.err(issueLines(issues, f.doc).join('\n') + '\n');
  io.out(`OK 方案有效：${f.shown}${issues.length ? `（${n.zh}）` : ''}（scheme is valid${issues.length ? `, ${n.en}` : ''}）\n`);
}

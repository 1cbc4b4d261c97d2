/**
 * The server keeps schemes, cases and their history in its database (SQLite data/jixiao.sqlite by default,
 * PostgreSQL for a bureau), so the editor's text must not say they are written to files: a save says it
 * went to the database, 修改历史 says where it is recorded, and no Chinese text of the editor names a
 * scheme/case file or a `.history` folder. Files appear only where the user picks one (upload, export).
 */
import './dom.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { SaveBar } from '../src/components/SaveBar.tsx';
import { HistoryPanel } from '../src/versions/HistoryPanel.tsx';
import { stubServer } from './fetch-stub.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const noop = () => {};

describe('storage wording', () => {
  it('a save says the draft went to the server’s database, not to a file', () => {
    const { getByTestId, container } = render(
      <SaveBar
        family="shenzhen-department"
        year="2025"
        title="深圳市部门整体支出绩效评价"
        published={false}
        dirty
        saveState={{ kind: 'saved', warnings: 0 }}
        errorsCount={0}
        pending={false}
        onSave={noop}
        onDiscard={noop}
        onOverwrite={noop}
        onReloadServer={noop}
        onIssueClick={noop}
        publishBlocker={null}
        onPublish={noop}
        doc={null}
        liveIssues={null}
      />,
    );
    const saved = getByTestId('save-result').textContent ?? '';
    expect(saved).toContain('数据库');
    expect(saved).not.toContain('文件');
    const dirtyHint = container.querySelector('.dirty')?.getAttribute('title') ?? '';
    expect(dirtyHint).toContain('数据库');
    expect(dirtyHint).not.toContain('文件');
  });

  it('修改历史 says the records are kept in the database, not in a .history folder', async () => {
    stubServer((r) => (r.method === 'GET' && r.url.endsWith('/history') ? { status: 200, body: { entries: [] } } : undefined));
    render(<HistoryPanel family="shenzhen-department" year={2025} published={false} etag={'"a"'} dirty={false} refreshKey={0} onRestored={noop} />);
    const panel = await screen.findByRole('region', { name: '修改历史' });
    expect(panel.textContent).toContain('数据库');
    expect(panel.textContent).not.toContain('.history');
    expect(panel.textContent).not.toContain('文件');
  });

  // Phrases that say a scheme or case is stored as a file (the publish dialog's "文件中会记录…", the old
  // "保存后写入方案文件", "方案文件旁的 .history 文件夹"): none may come back in the editor's source.
  const FILE_STORAGE = [/方案文件/, /案例文件/, /\.history 文件夹/, /文件夹中/, /文件中/, /写入文件/, /用作文件名/];

  it('no editor text describes the stored documents as files', () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
    const files = (readdirSync(src, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const f of files) {
      readFileSync(join(src, f), 'utf8')
        .split('\n')
        .forEach((line, n) => {
          const code = line.trim();
          if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return; // comments are for developers
          if (FILE_STORAGE.some((re) => re.test(code))) found.push(`${f}:${n + 1}: ${code}`);
        });
    }
    expect(found).toEqual([]);
  });
});

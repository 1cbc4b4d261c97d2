/**
 * The message of a refused case save: the server's own sentence (which ends with 。) is followed by what the
 * form keeps, with one full stop between them, never "。。" (a fresh-eyes review found "…您的修改。。您的修改仍保留…").
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/client.ts';
import { saveProblemOf } from '../src/state/useCaseDoc.ts';

describe('saveProblemOf', () => {
  it('a 412 with the server\'s sentence: one full stop, the server\'s words kept', () => {
    const server = '案例已被其他窗口或他人修改，本次保存未执行。请先查看最新版本，再决定如何处理您的修改。';
    const p = saveProblemOf(new ApiError(412, { error: 'case-conflict', message: server, messageEn: 'The case was changed.' }), '保存');
    expect(p.kind).toBe('conflict');
    expect(p.message).toContain('再决定如何处理您的修改。您的修改仍保留在表单中');
    expect(p.message).not.toContain('。。');
  });

  it('a 409 without a message: the form\'s fallback sentence, also with one full stop', () => {
    const p = saveProblemOf(new ApiError(409, { error: 'case-conflict', message: '', messageEn: '' }), '状态变更');
    expect(p.message.startsWith('状态变更未完成：案例已被他人修改。您的修改仍保留在表单中')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { compactTextDiff, textHunks } from '../src/index.ts';

describe('compactTextDiff', () => {
  it('shows a replaced word with context and … where the text goes on', () => {
    expect(compactTextDiff('甲乙丙丁戊己庚辛壬癸一般采用社会调查的方式进行', '甲乙丙丁戊己庚辛壬癸一般采取社会调查的方式进行')).toBe('…戊己庚辛壬癸一般“采用”→“采取”社会调查的方式进…');
  });

  it('shows a deletion and an insertion, without … at the ends of the text', () => {
    expect(compactTextDiff('核算制度得1分，未按规定', '核算制度，未按规定')).toBe('核算制度〔删去“得1分”〕，未按规定');
    expect(compactTextDiff('内部控制等制度', '内部控制、采购管理等制度')).toBe('内部控制〔增加“、采购管理”〕等制度');
  });

  it('separates distant changes and merges close ones', () => {
    const a = '第一句话没有变化。第二句话也没有变化。第三句话还是没有变化。';
    const b = '第一句话有变化。第二句话也没有变化。第三句话还是有变化。';
    expect(textHunks(a, b)).toHaveLength(2);
    expect(compactTextDiff(a, b).split('；')).toHaveLength(2);
    expect(textHunks('满意度≥95%的，得6分', '满意度≥95%的，得5分')).toHaveLength(1);
  });

  it('cuts a very long changed stretch, giving its length', () => {
    const long = '甲'.repeat(100);
    // first 60 characters (MAX_SHOWN 80 − 20), then the length
    expect(compactTextDiff(`前文。${long}`, '前文。')).toBe(`前文。〔删去“${'甲'.repeat(60)}…（共100字）”〕`);
  });

  it('shows line breaks as ⏎ and gives "" for equal texts', () => {
    expect(compactTextDiff('甲。\n乙', '甲。\n丙')).toBe('甲。⏎“乙”→“丙”');
    expect(compactTextDiff('同样', '同样')).toBe('');
  });
});

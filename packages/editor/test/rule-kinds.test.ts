/** Rule-kind examples beside the 计分方式 selector are marked as examples. */
import { describe, expect, it } from 'vitest';
import { kindExample } from '../src/model/rule-kinds.ts';

describe('rule kind examples', () => {
  it('start with 例：', () => {
    expect(kindExample('ratio')).toBe('例：政府采购执行率得分=政府采购执行率×1分');
    expect(kindExample('no-such-kind')).toBeUndefined();
  });
});

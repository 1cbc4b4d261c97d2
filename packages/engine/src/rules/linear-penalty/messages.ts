/** Messages of 线性扣分 (linearPenalty). */
import { defineMessages } from '../../errors/catalogue.ts';

export const linearPenaltyMessages = defineMessages({
  'penalty-step': {
    zh: (_p: Record<string, never>) => '步长应大于0',
    en: (_p: Record<string, never>) => 'step must be positive',
  },
  'penalty-deduct': {
    zh: (_p: Record<string, never>) => '每步扣分应大于0分',
    en: (_p: Record<string, never>) => 'deduct must be positive',
  },
});

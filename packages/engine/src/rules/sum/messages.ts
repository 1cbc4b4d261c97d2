/** Messages of 分项合计 (sum). */
import { defineMessages } from '../../errors/catalogue.ts';

export const sumMessages = defineMessages({
  'duplicate-id': {
    zh: (p: { id: string }) => `分项标识“${p.id}”重复`,
    en: (p: { id: string }) => `duplicate part id "${p.id}"`,
  },
});

/** Messages of the scheme store's file checks (save.ts). */
import { defineMessages } from '@jixiao/engine';

export const storeMessages = defineMessages({
  /** `file`: the scheme file's path as given. */
  'not-found': {
    zh: (p: { file: string }) => `找不到方案文件 ${p.file}`,
    en: (p: { file: string }) => `no such file: ${p.file}`,
  },
  /** `detail`: the JSON parser's own message, when there is one. */
  'json-syntax': {
    zh: (p: { file: string; detail?: string }) => `${p.file} 不是有效的 JSON`,
    en: (p: { file: string; detail?: string }) => `${p.file}: ${p.detail ?? 'invalid JSON'}`,
  },
});

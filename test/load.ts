/** Test helpers: load every scheme and case under schemes/ (layout schemes/<family>/<year>.json, cases/<year>/*.json). */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseDoc, Scheme } from '@jixiao/engine';
import { isBundled } from './bundled-schemes.ts';

export const SCHEMES_DIR = fileURLToPath(new URL('../schemes/', import.meta.url));

export interface LoadedScheme {
  file: string;
  doc: Scheme;
}
export interface LoadedCase {
  file: string;
  doc: CaseDoc;
  scheme: LoadedScheme;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Every scheme document: schemes/<family>/<year>.json. */
export function allSchemes(): LoadedScheme[] {
  const out: LoadedScheme[] = [];
  for (const family of readdirSync(SCHEMES_DIR, { withFileTypes: true })) {
    if (!family.isDirectory()) continue;
    for (const f of readdirSync(join(SCHEMES_DIR, family.name))) {
      if (/^\d{4}\.json$/.test(f) && isBundled(join(SCHEMES_DIR, family.name, f))) out.push({ file: join(SCHEMES_DIR, family.name, f), doc: readJson<Scheme>(join(SCHEMES_DIR, family.name, f)) });
    }
  }
  return out;
}

/** Every case of a family (all years), each with the scheme it names. */
export function casesOf(family: string): LoadedCase[] {
  const schemes = allSchemes();
  const root = join(SCHEMES_DIR, family, 'cases');
  if (!existsSync(root)) return [];
  const out: LoadedCase[] = [];
  for (const year of readdirSync(root)) {
    for (const f of readdirSync(join(root, year)).filter((x) => x.endsWith('.json')).sort()) {
      const file = join(root, year, f);
      if (!isBundled(file)) continue;
      const doc = readJson<CaseDoc>(file);
      const scheme = schemes.find((s) => s.doc.id === doc.scheme.id && s.doc.year === doc.scheme.year);
      if (!scheme) throw new Error(`${file}: scheme ${doc.scheme.id} ${doc.scheme.year} not found`);
      out.push({ file, doc, scheme });
    }
  }
  return out;
}

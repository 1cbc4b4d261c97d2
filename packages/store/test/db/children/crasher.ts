/**
 * A writer process for the crash test: saves its own texts to one document in a loop, as fast as it
 * can, and after each save the store acknowledged prints `ack <version> <sha256>` on stdout before
 * going on — until it is killed (kill -9). A conflict with another writer means: read the current
 * version and go on.
 */
import { openStore, StoreConflictError, type DocumentRef } from '../../../src/db/index.ts';
import { roundText } from './texts.ts';

const store = await openStore(JSON.parse(process.env['JIXIAO_CHILD_DB']!));
const ref = JSON.parse(process.env['JIXIAO_CHILD_REF']!) as DocumentRef;
const name = process.env['JIXIAO_CHILD_NAME']!;
let version = (await store.read(ref))!.version;
process.stdout.write('ready\n');
for (let n = 1; ; n++) {
  try {
    const r = await store.save(ref, roundText(name, n), { author: name, basedOnVersion: version });
    version = r.version;
    process.stdout.write(`ack ${r.version} ${r.textSha256}\n`);
  } catch (e) {
    if (!(e instanceof StoreConflictError)) throw e;
    version = (await store.read(ref))!.version;
  }
}

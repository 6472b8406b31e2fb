import v8 from 'node:v8';

/**
 * V8 moves an allocation site's objects straight to the old generation once most of them have been seen
 * surviving a young-generation collection ("pretenuring"). An import's rows are checked and handed on a
 * batch at a time, so each row's objects are garbage within a batch; but a collection that lands while a
 * batch waits on the database sees that batch alive, and V8 then pretenures every later row of a million:
 * the old generation fills with garbage that only full collections free, and a one-million-row import
 * peaked at 400 MB of RSS instead of 240 MB (measured with npm run bench:ingest). The API turns it off.
 */
export function keepShortLivedObjectsYoung(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}

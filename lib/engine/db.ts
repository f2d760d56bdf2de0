import { openDb, seedBuiltinTerms, type DubaoDb } from '../db';
import { builtinGlossary } from '../glossary';

let opened: Promise<DubaoDb> | null = null;
let seeded: Promise<void> | null = null;

/**
 * The one database, in the extension's own origin. A failed open is forgotten, so the next message opens it
 * again: keeping the rejected promise failed every message until the worker restarted (storage full at first
 * open). Seeding the built-in glossary may fail the same way; the database is still served (lookups, saves of
 * what fits) and the seed is tried again on a later call.
 */
export function db(): Promise<DubaoDb> {
  opened ??= openDb().catch((err) => {
    opened = null;
    throw err;
  });
  return opened.then(async (d) => {
    seeded ??= (async () => {
      const entries = builtinGlossary();
      // The version follows the data, so a changed glossary re-seeds without touching user edits.
      await seedBuiltinTerms(d, entries, glossaryVersion(entries));
    })().catch((err) => {
      console.error('Dubao: the built-in glossary could not be stored; trying again later', err);
      setTimeout(() => (seeded = null), SEED_RETRY_MS);
    });
    await seeded;
    return d;
  });
}

const SEED_RETRY_MS = 5_000;

function glossaryVersion(entries: readonly object[]): string {
  // Every field counts (an alias given its own reading is a change the rows must take).
  let h = 0;
  for (const e of entries) {
    const part = JSON.stringify(e);
    for (let i = 0; i < part.length; i++) h = (Math.imul(h, 31) + part.charCodeAt(i)) | 0;
  }
  return `${entries.length}-${(h >>> 0).toString(36)}`;
}

import { openDb, seedBuiltinTerms, type DubaoDb } from '../../lib/db';
import { builtinGlossary } from '../../lib/glossary';

let opened: Promise<DubaoDb> | null = null;

/** The one database, in the extension's own origin; opened once per worker life. */
export function db(): Promise<DubaoDb> {
  opened ??= openDb().then(async (d) => {
    const entries = builtinGlossary();
    // The version follows the data, so a changed glossary re-seeds without touching user edits.
    await seedBuiltinTerms(d, entries, glossaryVersion(entries));
    return d;
  });
  return opened;
}

function glossaryVersion(entries: readonly object[]): string {
  // Every field counts (an alias given its own reading is a change the rows must take).
  let h = 0;
  for (const e of entries) {
    const part = JSON.stringify(e);
    for (let i = 0; i < part.length; i++) h = (Math.imul(h, 31) + part.charCodeAt(i)) | 0;
  }
  return `${entries.length}-${(h >>> 0).toString(36)}`;
}

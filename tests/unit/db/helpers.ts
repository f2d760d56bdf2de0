import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDb, type DubaoDb } from '../../../lib/db/schema';
import type { GlossaryEntry } from '../../../lib/db/glossary-entry';

/** A fresh, isolated database on its own fake IndexedDB. */
export function freshDb(): Promise<DubaoDb> {
  return openDb({ name: 'dubao-test', indexedDB: new IDBFactory(), IDBKeyRange });
}

export function glossaryEntry(
  over: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'id' | 'simplified'>,
): GlossaryEntry {
  return {
    traditional: over.simplified,
    pinyin: '',
    english: '',
    englishSource: 'official',
    explanation: '',
    category: 'slogan',
    status: 'current',
    related: [],
    ...over,
  };
}

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDb, type DubaoDb } from '../../../lib/db/schema';

/** A fresh, isolated database on its own fake IndexedDB. */
export function freshDb(): Promise<DubaoDb> {
  return openDb({ name: 'dubao-test', indexedDB: new IDBFactory(), IDBKeyRange });
}

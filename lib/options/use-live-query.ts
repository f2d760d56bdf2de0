import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The latest result of a Dexie query, re-run whenever the tables it read change, in this page or another
 * (Dexie broadcasts writes between same-origin contexts, so a word saved from a page shows at once).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (v) => setValue(() => v),
      error: (err) => console.error('Dubao: live query failed', err),
    });
    return () => sub.unsubscribe();
    // The caller names what the query depends on, as with useEffect's own list.
  }, deps);
  return value;
}

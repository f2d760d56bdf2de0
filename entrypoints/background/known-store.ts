import { storage } from '#imports';

/**
 * Bumped whenever the known words change (hover card, options page, backup restore, delete all). Readers watch it
 * to redraw pinyin, and the engine to reload the words; the words themselves live in IndexedDB.
 */
export const knownRevisionItem = storage.defineItem<number>('local:knownRevision', { fallback: 0 });

export async function bumpKnownRevision(): Promise<void> {
  await knownRevisionItem.setValue(((await knownRevisionItem.getValue()) ?? 0) + 1);
}

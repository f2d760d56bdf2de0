import type { DubaoDb } from '../db/schema';

/** The key that makes two saved words the same: list, word and context sentence. */
export const entryKey = (listId: number, word: string, sentence: string | undefined) =>
  `${listId}\u0000${word}\u0000${sentence ?? ''}`;

/** Finds lists by name, creating missing ones at the end of the user's order. Runs inside a transaction. */
export class ListsByName {
  private byName: Map<string, number> | null = null;
  private nextOrder = 0;
  constructor(private readonly db: DubaoDb) {}

  async idFor(name: string, created: number): Promise<{ id: number; created: boolean }> {
    if (!this.byName) {
      const all = await this.db.lists.orderBy('order').toArray();
      this.byName = new Map();
      for (const l of all) if (!this.byName.has(l.name)) this.byName.set(l.name, l.id!);
      this.nextOrder = (all.at(-1)?.order ?? -1) + 1;
    }
    const found = this.byName.get(name);
    if (found !== undefined) return { id: found, created: false };
    const id = await this.db.lists.add({ name, order: this.nextOrder++, created });
    this.byName.set(name, id);
    return { id, created: true };
  }
}

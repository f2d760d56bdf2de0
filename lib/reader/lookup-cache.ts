/**
 * Lookups kept in the page, newest last (a Map keeps insertion order, so the first key is the one to evict).
 * Holds promises: an answer still on its way is kept too, so a second ask for the same text waits for it. A
 * failed answer is forgotten, so the next ask tries again.
 */
export class LookupCache<T> {
  private map = new Map<string, Promise<T>>();
  /** Answers that have arrived; a WeakSet so dropped promises are not kept. */
  private settled = new WeakSet<Promise<T>>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.map.size;
  }

  has(text: string): boolean {
    return this.map.has(text);
  }

  /** The kept promise for `text`, and whether its answer has arrived. */
  get(text: string): { promise: Promise<T>; arrived: boolean } | undefined {
    const promise = this.map.get(text);
    return promise && { promise, arrived: this.settled.has(promise) };
  }

  /** Makes a kept answer the newest, so it is the last to be evicted. */
  touch(text: string): void {
    const p = this.map.get(text);
    if (!p) return;
    this.map.delete(text);
    this.map.set(text, p);
  }

  /** Keeps `p` as the newest answer for `text`, evicting the oldest beyond the cap. */
  remember(text: string, p: Promise<T>): void {
    // Oldest first out: Map keeps insertion order.
    while (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!);
    this.map.delete(text);
    this.map.set(text, p);
    void p.then(
      () => this.settled.add(p),
      () => this.map.get(text) === p && this.map.delete(text),
    );
  }

  clear(): void {
    this.map.clear();
  }

  /** The kept texts, oldest first (for tests and the bench). */
  keys(): string[] {
    return [...this.map.keys()];
  }
}

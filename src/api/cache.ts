// Aggregates (stats, timeline, map points) are the expensive reads of a large store and the ones a
// dashboard repeats. They are kept for a short while, keyed by their query; identical requests in
// flight share one computation; any write through this server clears them. Writes by other processes
// (the CLI, workers) show once the entry expires (`ttlMs`).
export class AggregateCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(private readonly ttlMs: number, private readonly maxEntries = 500) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The cached value for `key`, or `compute()`'s (kept when it succeeds). `hit` says which. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<{ value: T; hit: boolean }> {
    if (!this.enabled) return { value: await compute(), hit: false };
    const now = Date.now();
    const found = this.entries.get(key);
    if (found && now - found.at < this.ttlMs) return { value: (await found.value) as T, hit: true };
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => { if (this.entries.get(key)?.value === value) this.entries.delete(key); });
    return { value: await value, hit: false };
  }

  clear(): void {
    this.entries.clear();
  }
}

// A bounded cache that forgets in bulk: when the current generation fills, it becomes the previous one
// and the one before is dropped. Hits in the previous generation are promoted. Memory stays flat however
// long the stream, and recently used entries survive.
export class GenerationCache<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(k: K): V | undefined {
    const v = this.current.get(k);
    if (v !== undefined) return v;
    const old = this.previous.get(k);
    if (old !== undefined) this.set(k, old);
    return old;
  }

  set(k: K, v: V): void {
    if (this.current.size >= this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(k, v);
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
  }
}

// An in-memory stand-in for the store's side of resolution: mentions indexed by country and week, each
// document's mentions resolved against the block its windows select, as the store does in its
// transaction. Used by the benchmark and the tests; also a reference for store implementations.
import type { Cluster, MentionRecord, Resolver } from './contract.js';
import { dateSpan } from './dates.js';

const BUCKET_DAYS = 7;

interface Entry {
  m: MentionRecord;
  from: number | null;
  to: number | null;
  country: string;
}

export class BlockIndex {
  /** Bucket (week) number → country → mention ids; mentions without a date are kept apart in `undated`. */
  private readonly buckets = new Map<number, Map<string, Set<string>>>();
  private readonly undated = new Map<string, Set<string>>();
  private readonly entries = new Map<string, Entry>();
  private readonly incidentOf = new Map<string, string>();
  private readonly members = new Map<string, Set<string>>();
  private readonly backgroundOnly = new Set<string>();
  /** Largest block a document was resolved against. */
  maxBlock = 0;

  constructor(private readonly resolver: Resolver) {}

  get size(): number { return this.entries.size; }

  /** Resolves one document's mentions against what is indexed; returns the clusters it touched. */
  addDocument(mentions: MentionRecord[]): Cluster[] {
    for (const m of mentions) this.insert(m);
    const block = new Map<string, MentionRecord>();
    for (const m of mentions) {
      const w = this.resolver.window(m.incident);
      const country = m.incident.location?.countryCode ?? '';
      const ids = new Set<string>();
      if (w.from === null || w.to === null) {
        for (const id of this.undated.get(country) ?? []) ids.add(id);
      } else {
        const from = dateSpan(w.from)!.from;
        const to = dateSpan(w.to)!.to;
        for (let b = Math.floor(from / BUCKET_DAYS); b <= Math.floor(to / BUCKET_DAYS); b++) {
          for (const id of this.buckets.get(b)?.get(country) ?? []) {
            const e = this.entries.get(id)!;
            if (e.from! <= to && e.to! >= from) ids.add(id);
          }
        }
      }
      // Plus every mention of the incidents found, so that an incident is always clustered whole.
      for (const id of ids) {
        const inc = this.incidentOf.get(id);
        for (const other of inc ? this.members.get(inc) ?? [id] : [id]) block.set(other, this.entries.get(other)!.m);
      }
    }
    this.maxBlock = Math.max(this.maxBlock, block.size);
    const clusters = this.resolver.cluster([...block.values()]);
    for (const c of clusters) this.assign(c);
    return clusters;
  }

  incidentOfMention(id: string): string | undefined { return this.incidentOf.get(id); }

  /** Incident id → mention ids, background-only clusters included. */
  partition(): Map<string, string[]> {
    return new Map([...this.members].map(([k, v]) => [k, [...v].sort()]));
  }

  isBackgroundOnly(incidentId: string): boolean { return this.backgroundOnly.has(incidentId); }

  /**
   * Drops every incident whose mentions all end before `day` (days since 1970), as a store's working
   * set would; calls `onEvict` with each incident's final mentions first.
   */
  evictBefore(day: number, onEvict?: (incidentId: string, mentions: MentionRecord[]) => void): void {
    const last = Math.floor(day / BUCKET_DAYS) - 1;
    for (const b of [...this.buckets.keys()]) {
      if (b > last) continue;
      for (const ids of this.buckets.get(b)!.values()) {
        for (const id of ids) {
          const inc = this.incidentOf.get(id);
          if (!inc || !this.members.has(inc)) continue;
          const ms = [...this.members.get(inc)!].map((x) => this.entries.get(x)!);
          if (ms.some((e) => e.to === null || e.to >= day)) continue;
          onEvict?.(inc, ms.map((e) => e.m));
          for (const e of ms) this.remove(e);
          this.members.delete(inc);
          this.backgroundOnly.delete(inc);
        }
      }
      if ([...this.buckets.get(b)!.values()].every((s) => s.size === 0)) this.buckets.delete(b);
    }
  }

  private insert(m: MentionRecord): void {
    if (this.entries.has(m.id)) return;
    const span = dateSpan(m.incident.date);
    const e: Entry = { m, from: span?.from ?? null, to: span?.to ?? null, country: m.incident.location?.countryCode ?? '' };
    this.entries.set(m.id, e);
    for (const set of this.setsOf(e, true)) set.add(m.id);
  }

  private remove(e: Entry): void {
    for (const set of this.setsOf(e, false)) set.delete(e.m.id);
    this.entries.delete(e.m.id);
    this.incidentOf.delete(e.m.id);
  }

  private setsOf(e: Entry, create: boolean): Set<string>[] {
    const get = (map: Map<string, Set<string>>): Set<string> | undefined => {
      let s = map.get(e.country);
      if (!s && create) map.set(e.country, (s = new Set()));
      return s;
    };
    if (e.from === null || e.to === null) return [get(this.undated)].filter((s): s is Set<string> => !!s);
    const out: Set<string>[] = [];
    for (let b = Math.floor(e.from / BUCKET_DAYS); b <= Math.floor(e.to / BUCKET_DAYS); b++) {
      let byCountry = this.buckets.get(b);
      if (!byCountry) {
        if (!create) continue;
        this.buckets.set(b, (byCountry = new Map()));
      }
      const s = get(byCountry);
      if (s) out.push(s);
    }
    return out;
  }

  private assign(c: Cluster): void {
    for (const id of c.mentionIds) {
      const old = this.incidentOf.get(id);
      if (old === c.incidentId) continue;
      if (old) {
        const set = this.members.get(old)!;
        set.delete(id);
        if (set.size === 0) { this.members.delete(old); this.backgroundOnly.delete(old); }
      }
      this.incidentOf.set(id, c.incidentId);
      let set = this.members.get(c.incidentId);
      if (!set) this.members.set(c.incidentId, (set = new Set()));
      set.add(id);
    }
    if (c.backgroundOnly) this.backgroundOnly.add(c.incidentId);
    else this.backgroundOnly.delete(c.incidentId);
  }
}

// An in-memory stand-in for the store's side of resolution: mentions indexed by country and week, each
// document's mentions resolved as the store does in its transaction — the block its windows select,
// related() against that block, the component the new mentions join, cluster() of that component only.
// Used by the benchmark and the tests; also a reference for store implementations.
//
// Unlike the store, the index remembers the links it found (each mention's related mentions, both ways:
// windows are symmetric, a mention is in another's window exactly when that one is in its window), so
// following a change beyond the new mention's block (resolveLocally) costs no further scoring.
import type { Cluster, MentionRecord, Resolver } from './contract.js';
import { resolveLocally } from './component.js';
import { COMPONENT_LIMIT } from './config.js';
import { dateSpan } from './dates.js';

const BUCKET_DAYS = 7;

interface Entry {
  m: MentionRecord;
  from: number | null;
  to: number | null;
  country: string;
  /** Mentions this one is related to (Resolver.related), both directions. */
  links: Set<Entry>;
}

export class BlockIndex {
  /** Bucket (week) number → country → mentions; mentions without a date are kept apart in `undated`. */
  private readonly buckets = new Map<number, Map<string, Set<Entry>>>();
  private readonly undated = new Map<string, Set<Entry>>();
  private readonly entries = new Map<string, Entry>();
  private readonly incidentOf = new Map<string, string>();
  private readonly members = new Map<string, Set<string>>();
  private readonly backgroundOnly = new Set<string>();
  /** Largest block (window) a mention was related against, and largest component clustered. */
  maxBlock = 0;
  maxComponent = 0;

  constructor(private readonly resolver: Resolver) {}

  get size(): number { return this.entries.size; }

  /** Resolves one document's mentions against what is indexed; returns the clusters it touched. */
  addDocument(mentions: MentionRecord[]): Cluster[] {
    const fresh: Entry[] = [];
    for (const m of mentions) {
      const e = this.insert(m);
      if (e) fresh.push(e);
    }
    // 1. Each new mention against its block only: linear, and the links are kept.
    for (const e of fresh) {
      const block = this.blockOf(e);
      this.maxBlock = Math.max(this.maxBlock, block.length);
      for (const r of this.resolver.related(e.m, block.map((b) => b.m))) {
        const other = this.entries.get(r.id)!;
        e.links.add(other);
        other.links.add(e);
      }
    }
    // 2–3. The component the new mentions join, clustered by the existing deterministic cluster(): the
    // whole connected component when it is small; else its part around the new mentions (resolveLocally).
    const seeds = mentions.map((m) => this.entries.get(m.id)!);
    const whole = this.component(seeds, COMPONENT_LIMIT);
    const { members, clusters } = whole
      ? { members: whole.map((x) => x.m), clusters: this.resolver.cluster(whole.map((x) => x.m)) }
      : resolveLocally(seeds.map((x) => x.m), {
        related: (m) => [...this.entries.get(m.id)!.links].map((x) => x.m),
        incidentOf: (m) => this.incidentOf.get(m.id),
        membersOf: (id) => [...this.members.get(id) ?? []].map((x) => this.entries.get(x)!.m),
      }, this.resolver.cluster);
    this.maxComponent = Math.max(this.maxComponent, members.length);
    for (const c of clusters) this.assign(c);
    return clusters;
  }

  /** The seeds' connected component through links and incidents, or null beyond `limit` mentions. */
  private component(seeds: Entry[], limit: number): Entry[] | null {
    const inside = new Set<Entry>();
    const queue: Entry[] = [];
    const reach = (x: Entry): void => { if (!inside.has(x)) { inside.add(x); queue.push(x); } };
    for (const x of seeds) reach(x);
    while (queue.length > 0) {
      if (inside.size > limit) return null;
      const x = queue.pop()!;
      for (const y of x.links) reach(y);
      for (const inc of [this.incidentOf.get(x.m.id), x.m.pinnedIncident]) {
        if (!inc) continue;
        for (const id of this.members.get(inc) ?? []) reach(this.entries.get(id)!);
      }
    }
    return inside.size > limit ? null : [...inside];
  }

  incidentOfMention(id: string): string | undefined { return this.incidentOf.get(id); }

  /** Incident id → mention ids, background-only clusters included. */
  partition(): Map<string, string[]> {
    return new Map([...this.members].map(([k, v]) => [k, [...v].sort()]));
  }

  isBackgroundOnly(incidentId: string): boolean { return this.backgroundOnly.has(incidentId); }

  /**
   * Drops every incident whose mentions all end before `day` (days since 1970), as a store's working
   * set would; calls `onEvict` with each incident's final mentions first. Links to dropped mentions go too.
   */
  evictBefore(day: number, onEvict?: (incidentId: string, mentions: MentionRecord[]) => void): void {
    const last = Math.floor(day / BUCKET_DAYS) - 1;
    for (const [b, byCountry] of [...this.buckets]) {
      if (b > last) continue;
      for (const set of byCountry.values()) {
        for (const entry of set) {
          const inc = this.incidentOf.get(entry.m.id);
          if (!inc || !this.members.has(inc)) continue;
          const ms = [...this.members.get(inc)!].map((x) => this.entries.get(x)!);
          if (ms.some((e) => e.to === null || e.to >= day)) continue;
          onEvict?.(inc, ms.map((e) => e.m));
          for (const e of ms) this.remove(e);
          this.members.delete(inc);
          this.backgroundOnly.delete(inc);
        }
      }
      if ([...byCountry.values()].every((s) => s.size === 0)) this.buckets.delete(b);
    }
  }

  /** The indexed mentions (other than `e`) whose date span overlaps e's window, in its country. */
  private blockOf(e: Entry): Entry[] {
    const w = this.resolver.window(e.m.incident);
    const out: Entry[] = [];
    if (w.from === null || w.to === null) {
      for (const x of this.undated.get(e.country) ?? []) if (x !== e) out.push(x);
      return out;
    }
    const from = dateSpan(w.from)!.from;
    const to = dateSpan(w.to)!.to;
    const seen = new Set<Entry>();
    for (let b = Math.floor(from / BUCKET_DAYS); b <= Math.floor(to / BUCKET_DAYS); b++) {
      for (const x of this.buckets.get(b)?.get(e.country) ?? []) {
        if (x === e || x.from! > to || x.to! < from || seen.has(x)) continue;
        seen.add(x);
        out.push(x);
      }
    }
    return out;
  }

  private insert(m: MentionRecord): Entry | null {
    if (this.entries.has(m.id)) return null;
    const span = dateSpan(m.incident.date);
    const e: Entry = { m, from: span?.from ?? null, to: span?.to ?? null, country: m.incident.location?.countryCode ?? '', links: new Set() };
    this.entries.set(m.id, e);
    for (const set of this.setsOf(e, true)) set.add(e);
    return e;
  }

  private remove(e: Entry): void {
    for (const set of this.setsOf(e, false)) set.delete(e);
    for (const other of e.links) other.links.delete(e);
    e.links.clear();
    this.entries.delete(e.m.id);
    this.incidentOf.delete(e.m.id);
  }

  private setsOf(e: Entry, create: boolean): Set<Entry>[] {
    const get = (map: Map<string, Set<Entry>>): Set<Entry> | undefined => {
      let s = map.get(e.country);
      if (!s && create) map.set(e.country, (s = new Set()));
      return s;
    };
    if (e.from === null || e.to === null) return [get(this.undated)].filter((s): s is Set<Entry> => !!s);
    const out: Set<Entry>[] = [];
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

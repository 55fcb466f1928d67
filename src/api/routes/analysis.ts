// Aggregates over the current filter (stats, timeline) and full-text search over documents.
import type { FastifyReply } from 'fastify';
import type { ApiContext, Routes } from '../route.js';
import { filterQuery, pointsQuery, searchQuery, timelineQuery } from '../schemas.js';

/** Serves an aggregate from the cache, saying whether it was. */
async function cached<T>(ctx: ApiContext, reply: FastifyReply, key: string, compute: () => Promise<T>): Promise<T> {
  const { value, hit } = await ctx.aggregates.get(key, compute);
  if (ctx.aggregates.enabled) void reply.header('x-vigil-cache', hit ? 'hit' : 'miss');
  return value;
}

const keyOf = (route: string, query: object) => route + JSON.stringify(Object.entries(query).sort());

export function analysisRoutes(r: Routes, ctx: ApiContext): void {
  const { store } = ctx;
  r.add({
    method: 'GET', url: '/api/stats', tag: 'analysis',
    summary: 'Totals and breakdowns by type, country, group, status and month for a filter',
    query: filterQuery,
    handler: async ({ query, reply }) => cached(ctx, reply, keyOf('stats', query), () => store.stats(query)),
  });

  r.add({
    method: 'GET', url: '/api/timeline', tag: 'analysis',
    summary: 'Incidents and killed per week or month for a filter: [{period, incidents, killed}]',
    query: timelineQuery,
    async handler({ query, reply }) {
      const { interval, ...filter } = query;
      return cached(ctx, reply, keyOf('timeline', query), async () => ({ interval, periods: await store.timeline(filter, interval) }));
    },
  });

  r.add({
    method: 'GET', url: '/api/points', tag: 'analysis',
    summary: 'Located incidents for the map, deadliest first, as compact tuples: {total, points: [[id, lat, lon, killed, type], ...]}',
    query: pointsQuery,
    handler: async ({ query, reply }) => cached(ctx, reply, keyOf('points', query), async () => {
      const { limit, ...filter } = query;
      const page = await store.listIncidents({ ...filter, sort: 'killed', order: 'desc', limit });
      const points: [string, number, number, number, string][] = [];
      for (const i of page.items) {
        const loc = i.location;
        if (loc && typeof loc.lat === 'number' && typeof loc.lon === 'number') {
          points.push([i.id, loc.lat, loc.lon, i.killed && typeof i.killed === 'object' ? i.killed.value : 0, i.type]);
        }
      }
      return { total: page.total, truncated: page.total > page.items.length, points };
    }),
  });

  r.add({
    method: 'GET', url: '/api/search', tag: 'documents',
    summary: 'Full-text search over documents: [{docId, title, published, snippet, rank}]',
    query: searchQuery,
    handler: async ({ query }) => ({ q: query.q, hits: await store.search(query.q, query.limit) }),
  });
}

// Incidents: the filtered list, one incident with its evidence, alternatives and audit, and review.
import type { IncidentFilter } from '../../store/store.js';
import { badRequest, notFound } from '../errors.js';
import type { ApiContext, Routes } from '../route.js';
import { editBody, idParams, incidentsQuery, mergeBody, splitBody } from '../schemas.js';

export function incidentRoutes(r: Routes, { store }: ApiContext): void {
  r.add({
    method: 'GET', url: '/api/incidents', tag: 'incidents',
    summary: 'Incidents matching a filter, sorted and paged: {total, offset, limit, items}',
    query: incidentsQuery,
    async handler({ query }) {
      const filter: IncidentFilter = query;
      const page = await store.listIncidents(filter);
      return { total: page.total, offset: query.offset, limit: query.limit, items: page.items };
    },
  });

  r.add({
    method: 'GET', url: '/api/incidents/:id', tag: 'incidents', errors: [404],
    summary: 'One incident with its mentions, evidence, alternatives (every source\'s values), source documents and audit trail',
    params: idParams,
    async handler({ params }) {
      const detail = await store.getIncident(params.id);
      if (!detail) throw notFound(`incident ${params.id} not found`);
      return detail;
    },
  });

  const action = (verb: 'accept' | 'reject') => r.add({
    method: 'POST', url: `/api/incidents/:id/${verb}`, tag: 'review', role: 'reviewer', errors: [401, 403, 404],
    summary: verb === 'accept' ? 'Accept an incident as correct' : 'Reject an incident (not an incident, or out of scope)',
    params: idParams,
    async handler({ params, who }) {
      await store[verb](params.id, who!.name);
      const detail = await store.getIncident(params.id);
      if (!detail) throw notFound(`incident ${params.id} not found`);
      return detail.incident;
    },
  });
  action('accept');
  action('reject');

  r.add({
    method: 'PATCH', url: '/api/incidents/:id', tag: 'review', role: 'reviewer', errors: [401, 403, 404],
    summary: 'Correct one field: {field, value}; the correction outlives later ingestion',
    params: idParams, body: editBody,
    async handler({ params, body, who }) {
      return store.editField(params.id, body.field, body.value, who!.name);
    },
  });

  r.add({
    method: 'POST', url: '/api/incidents/:id/merge', tag: 'review', role: 'reviewer', errors: [401, 403, 404],
    summary: 'Merge incident {other} into this one; returns the surviving incident',
    params: idParams, body: mergeBody,
    async handler({ params, body, who }) {
      if (body.other === params.id) throw badRequest('cannot merge an incident with itself');
      return store.merge(params.id, body.other, who!.name);
    },
  });

  r.add({
    method: 'POST', url: '/api/incidents/:id/split', tag: 'review', role: 'reviewer', errors: [401, 403, 404],
    summary: 'Move the given mentions out of this incident into a new one; returns the new incident',
    params: idParams, body: splitBody,
    async handler({ params, body, who }) {
      return store.split(params.id, body.mentionIds, who!.name);
    },
  });
}

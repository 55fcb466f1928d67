// Documents: the list, one document with its text, quotes and mentions, and uploads.
import type { FastifyInstance } from 'fastify';
import type { IncidentRow } from '../../store/store.js';
import { HttpError, notFound } from '../errors.js';
import { parseMultipart, type UploadedFile } from '../multipart.js';
import type { ApiContext, Routes } from '../route.js';
import { idParams, pagingQuery, uploadQuery } from '../schemas.js';
import { MAX_UPLOAD_BYTES, UPLOAD_EXTENSIONS, checkUpload, ingestUpload, type FileOutcome } from '../upload.js';

export type UploadIngester = typeof ingestUpload;

/** Multipart form data (any number of `file` parts) or one raw file named by ?filename= or X-Filename. */
function uploadedFiles(body: unknown, contentType: string, filename: string | undefined): UploadedFile[] {
  const data = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  if (/^multipart\/form-data/i.test(contentType)) {
    const files = parseMultipart(data, contentType);
    if (files.length === 0) throw new HttpError(400, 'the form holds no file');
    return files;
  }
  if (!filename) throw new HttpError(400, 'name the file: send multipart/form-data, or the raw file with ?filename= or an X-Filename header');
  return [{ name: filename, data }];
}

export function documentRoutes(r: Routes, { store }: ApiContext): void {
  r.add({
    method: 'GET', url: '/api/documents', tag: 'documents',
    summary: 'Documents, most recently ingested first: {total, offset, limit, items}',
    query: pagingQuery,
    async handler({ query }) {
      const page = await store.listDocuments(query);
      return { total: page.total, offset: query.offset, limit: query.limit, items: page.items };
    },
  });

  r.add({
    method: 'GET', url: '/api/documents/:id', tag: 'documents', errors: [404],
    summary: 'One document: metadata, full text, quotes, mentions (with evidence offsets into the text) and incident ids',
    params: idParams,
    async handler({ params }) {
      const doc = await store.getDocument(params.id);
      if (!doc) throw notFound(`document ${params.id} not found`);
      return doc;
    },
  });

}

/** Register within a scope that has `rawUploadParsers`. */
export function uploadRoute(r: Routes, { store }: ApiContext, ingest: UploadIngester = ingestUpload): void {
  r.add({
    method: 'POST', url: '/api/documents', tag: 'documents', role: 'admin', errors: [401, 403, 413, 415, 422],
    summary: `Upload reports (${UPLOAD_EXTENSIONS.join(' ')}, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB each): read, extracted and stored; returns the incidents they produced`,
    query: uploadQuery,
    consumes: ['multipart/form-data', 'application/octet-stream'],
    bodyLimit: MAX_UPLOAD_BYTES + 256 * 1024,
    async handler({ query, request, reply }) {
      const header = request.headers['x-filename'];
      const filename = query.filename ?? (typeof header === 'string' ? decodeURIComponent(header) : undefined);
      const files = uploadedFiles(request.body, request.headers['content-type'] ?? '', filename);
      files.forEach(checkUpload);
      const outcomes: FileOutcome[] = [];
      for (const file of files) outcomes.push(await ingest(store, file));
      const documents = outcomes.flatMap((o) => o.documents);
      if (documents.length === 0) {
        const reasons = outcomes.flatMap((o) => o.failures.map((f) => `${f.input}: ${f.reason}`));
        throw new HttpError(422, reasons.join('; ') || 'no document could be read from the upload');
      }
      const ids = [...new Set(outcomes.flatMap((o) => o.incidentIds))];
      const incidents: IncidentRow[] = [];
      for (const id of ids) {
        const detail = await store.getIncident(id);
        if (detail) incidents.push(detail.incident);
      }
      void reply.code(documents.some((d) => d.status === 'new') ? 201 : 200);
      return { files: outcomes, incidents };
    },
  });
}

/** Upload bodies reach the route as raw bytes, whatever their type (JSON files included). */
export function rawUploadParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES + 256 * 1024 }, (_req, body, done) => done(null, body));
}

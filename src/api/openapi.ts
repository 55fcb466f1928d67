// The OpenAPI 3.1 document, generated from the routes' own declarations and zod schemas.
import { z } from 'zod';
import type { AnyRoute } from './route.js';

type Json = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input', 401: 'Authentication required (servers bound to a non-loopback address)',
  403: 'Not allowed (role, origin or host)', 404: 'Not found', 413: 'Upload too large',
  415: 'Unsupported file type', 422: 'Nothing could be read from the upload',
};

const jsonSchema = (s: z.ZodType): Json => {
  const out = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
};

function parameters(where: 'query' | 'path', schema: z.ZodType | undefined): Json[] {
  if (!schema) return [];
  const js = jsonSchema(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name, in: where, required: where === 'path' || (js.required ?? []).includes(name) && s.default === undefined, schema: s,
  }));
}

function operation(route: AnyRoute): Json {
  const op: Json = {
    summary: route.summary,
    tags: [route.tag],
    operationId: `${route.method.toLowerCase()}${route.url.replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    parameters: [...parameters('path', route.params), ...parameters('query', route.query)],
    responses: {
      200: {
        description: 'OK',
        content: Object.fromEntries((route.produces ?? ['application/json']).map((t) => [t, {}])),
      },
      ...Object.fromEntries([400, ...(route.errors ?? [])].map((s) => [s, { $ref: `#/components/responses/E${s}` }])),
    },
  };
  if (route.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } };
  if (route.consumes) {
    op.requestBody = {
      required: true,
      content: Object.fromEntries(route.consumes.map((t) => [t, t.startsWith('multipart/')
        ? { schema: { type: 'object', properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } } } }
        : { schema: { type: 'string', format: 'binary' } }])),
    };
  }
  if (route.role) {
    op.security = [{ bearer: [] }];
    op.description = `A write: needs a ${route.role} token (\`Authorization: Bearer <token>\`) when the server listens on a non-loopback address.`;
  }
  return op;
}

export function openApiDocument(routes: readonly AnyRoute[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[r.method.toLowerCase()] = operation(r);
  }
  paths['/api/openapi.json'] = { get: { summary: 'This document', tags: ['meta'], operationId: 'getOpenapi', responses: { 200: { description: 'OK', content: { 'application/json': {} } } } } };
  const error = { type: 'object', required: ['error'], properties: { error: { type: 'string' } } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Vigil API',
      version,
      description: 'Incidents of terrorism and political violence extracted from news reports, with the source sentence of every fact. Every error is JSON {"error": message}.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Created with `vigil token create --role reviewer|admin`' } },
      schemas: { Error: error },
      responses: Object.fromEntries(Object.entries(STATUS_TEXT).map(([s, d]) => [`E${s}`, {
        description: d, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      }])),
    },
  };
}

// Every API error is JSON `{error: message}` with its HTTP status.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);

/** Validates `data` against `schema`; a failure is a 400 naming each bad field. */
export function parse<S extends z.ZodType>(schema: S, data: unknown, where: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message);
  throw badRequest(`invalid ${where}: ${issues.join('; ')}`);
}

/** The store's NotFoundError, and its deliberate refusals ("vigil: field x cannot be edited"). */
function storeStatus(err: Error): number | null {
  if (err.name === 'NotFoundError' || /\bnot found\b/i.test(err.message)) return 404;
  if (err.message.startsWith('vigil:')) return 400;
  return null;
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    let status = 500;
    let message = 'internal error';
    if (err instanceof HttpError) {
      status = err.status;
      message = err.message;
    } else if ('statusCode' in err && typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      message = err.message;
    } else {
      const s = storeStatus(err);
      if (s) {
        status = s;
        message = err.message.replace(/^vigil:\s*/, '');
      }
    }
    if (status >= 500) request.log.error({ err }, 'request failed');
    void reply.code(status).type('application/json; charset=utf-8').send({ error: message });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
}

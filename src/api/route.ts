// A route is declared once, with its zod schemas: the handler gets validated input, the guard checks
// writes, and the same declaration feeds the OpenAPI document.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { z } from 'zod';
import type { Guard } from './auth.js';
import type { AggregateCache } from './cache.js';
import { parse } from './errors.js';
import { withoutEmpty } from './schemas.js';
import type { Principal, Role } from './tokens.js';
import type { Store } from '../store/store.js';

export interface ApiContext {
  store: Store;
  guard: Guard;
  aggregates: AggregateCache;
}

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteSpec<Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined, B extends Schema | undefined = undefined> {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  summary: string;
  tag: string;
  query?: Q;
  params?: P;
  body?: B;
  /** Writes name the role they need. */
  role?: Role;
  /** OpenAPI: the media types of a non-JSON response, and of a non-JSON request body. */
  produces?: string[];
  consumes?: string[];
  /** OpenAPI: error statuses this route may answer besides 400. */
  errors?: number[];
  bodyLimit?: number;
  handler(input: { query: Out<Q>; params: Out<P>; body: Out<B>; who: Principal | null; request: FastifyRequest; reply: FastifyReply }): Promise<unknown>;
}

export type AnyRoute = RouteSpec<Schema | undefined, Schema | undefined, Schema | undefined>;

export class Routes {
  constructor(private readonly app: FastifyInstance, private readonly guard: Guard, readonly list: AnyRoute[] = [], private readonly onWrite?: () => void) {}

  /** The same registry, adding routes to a child scope of the server (own content-type parsers). */
  within(app: FastifyInstance): Routes {
    return new Routes(app, this.guard, this.list, this.onWrite);
  }

  add<Q extends Schema | undefined, P extends Schema | undefined, B extends Schema | undefined>(spec: RouteSpec<Q, P, B>): void {
    this.list.push(spec as unknown as AnyRoute);
    const guard = this.guard;
    const onWrite = this.onWrite;
    const options: RouteOptions = {
      method: spec.method,
      url: spec.url,
      bodyLimit: spec.bodyLimit,
      handler: async (request, reply) => {
        guard.checkHost(request);
        const who = spec.role ? await guard.authorize(request, spec.role) : null;
        const query = (spec.query ? parse(spec.query, withoutEmpty(request.query), 'query') : undefined) as Out<Q>;
        const params = (spec.params ? parse(spec.params, request.params, 'path') : undefined) as Out<P>;
        const body = (spec.body ? parse(spec.body, request.body ?? {}, 'body') : undefined) as Out<B>;
        try {
          return await spec.handler({ query, params, body, who, request, reply });
        } finally {
          if (spec.role) onWrite?.();
        }
      },
    };
    this.app.route(options);
  }
}

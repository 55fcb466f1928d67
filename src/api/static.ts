// The dashboard: the files esbuild wrote to web/dist/, served from memory. Only those files exist;
// no path from the request ever reaches the file system.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ROOT } from '../paths.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.map': 'application/json; charset=utf-8',
};

export const WEB_DIST = join(ROOT, 'web', 'dist');

export function dashboardRoutes(app: FastifyInstance, dir = WEB_DIST): void {
  const files = new Map<string, { body: Buffer; type: string }>();
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      const type = TYPES[extname(name)];
      if (type) files.set('/' + name, { body: readFileSync(join(dir, name)), type });
    }
  }
  const index = files.get('/index.html');
  app.get('/', async (_request, reply) => {
    if (!index) return reply.code(503).type('text/plain; charset=utf-8').send('The dashboard is not built: run `npm run build:web`.\n');
    return reply.type(index.type).header('cache-control', 'no-cache').send(index.body);
  });
  for (const [path, file] of files) {
    if (path === '/index.html') continue;
    app.get(path, async (_request, reply) => reply.type(file.type).header('cache-control', 'no-cache').send(file.body));
  }
}

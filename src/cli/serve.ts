// vigil serve — the HTTP API and the dashboard in one process; vigil token — API tokens for writes.
import type { Command, Option } from 'commander';
import { z } from 'zod';
import { openStore } from '../store/open.js';
import { serve } from '../api/server.js';
import { createToken, openTokenStore, ROLES } from '../api/tokens.js';
import { UsageError } from './options.js';
import { table } from './render.js';

export function serveCommands(program: Command, db: () => Option): void {
  program.command('serve').description('serve the HTTP API and the dashboard (writes need a token beyond 127.0.0.1)')
    .addOption(db())
    .option('--port <n>', 'port', '8080')
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--require-tokens', 'ask for a token on writes even on 127.0.0.1 (behind a proxy)')
    .action(async (f: { db?: string; port: string; host: string; requireTokens?: boolean }) => {
      const port = z.coerce.number().int().min(0).max(65535).safeParse(f.port);
      if (!port.success) throw new UsageError('--port: expected a port number from 0 to 65535');
      const location = f.db || process.env.VIGIL_DB || './vigil.db';
      const store = await openStore(location);
      const server = await serve({ store, port: port.data, host: f.host, location, requireTokens: f.requireTokens }).catch(async err => {
        await store.close();
        throw err;
      });
      process.stdout.write(`vigil: serving ${store.kind} ${location} at ${server.url}  (Ctrl-C to stop)\n`);
      const stop = async () => { await server.close(); await store.close(); process.exit(0); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  const token = program.command('token').description('API tokens: needed for writes when serving beyond 127.0.0.1');
  token.command('create').description('create a token (shown once)').addOption(db())
    .requiredOption('--role <role>', 'reviewer (review actions) or admin (also uploads)')
    .option('--name <name>', 'who it is for')
    .action(async (f: { db?: string; role: string; name?: string }) => {
      const role = z.enum(ROLES).safeParse(f.role);
      if (!role.success) throw new UsageError('--role: expected reviewer or admin');
      const tokens = await openTokenStore(f.db || process.env.VIGIL_DB || './vigil.db');
      try {
        const { token: secret, record } = await createToken(tokens, { role: role.data, name: f.name });
        process.stdout.write(`${secret}\n`);
        process.stderr.write(`vigil: token ${record.id} (${record.role}, ${record.name}) created; it is shown only now\n`);
      } finally {
        await tokens.close();
      }
    });
  token.command('list').description('list tokens (never their secrets)').addOption(db())
    .action(async (f: { db?: string }) => {
      const tokens = await openTokenStore(f.db || process.env.VIGIL_DB || './vigil.db');
      try {
        const items = await tokens.list();
        process.stdout.write(table(['ID', 'ROLE', 'NAME', 'CREATED', 'REVOKED'],
          items.map(t => [t.id, t.role, t.name, t.createdAt, t.revokedAt ?? ''])) + '\n');
      } finally {
        await tokens.close();
      }
    });
  token.command('revoke').description('revoke a token').argument('<id>').addOption(db())
    .action(async (id: string, f: { db?: string }) => {
      const tokens = await openTokenStore(f.db || process.env.VIGIL_DB || './vigil.db');
      try {
        const ok = await tokens.revoke(id, new Date().toISOString());
        if (!ok) throw new UsageError(`no active token ${id}`);
        process.stdout.write(`revoked ${id}\n`);
      } finally {
        await tokens.close();
      }
    });
}

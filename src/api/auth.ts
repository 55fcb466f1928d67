// Who may write. Bound to a loopback address, the server trusts its (local) callers; bound to any
// other address, every write needs `Authorization: Bearer <token>`. In both cases a write from a web
// page of another origin is refused (CSRF), and on loopback so is a foreign Host header (DNS rebinding).
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';
import { hasRole, verifyToken, type Principal, type Role, type TokenStore } from './tokens.js';

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

const hostName = (hostHeader: string): string => hostHeader.replace(/:\d+$/, '');

export interface AuthOptions {
  /** The address the server listens on. */
  host: string;
  tokens?: TokenStore;
  /** The name recorded in the audit trail for unauthenticated local writes. */
  localUser: string;
  /** Demand tokens even on a loopback address (behind a reverse proxy, say). */
  requireTokens?: boolean;
}

export class Guard {
  readonly tokensRequired: boolean;

  constructor(private readonly opts: AuthOptions) {
    this.tokensRequired = Boolean(opts.requireTokens) || !isLoopback(opts.host);
  }

  /** Refuses requests to a loopback server that arrive under a foreign host name. */
  checkHost(request: FastifyRequest): void {
    if (this.tokensRequired) return;
    const host = request.headers.host;
    if (host && !isLoopback(hostName(host))) throw new HttpError(403, `host ${host} is not allowed on a loopback server`);
  }

  /** The principal allowed to perform a write needing `role`; throws 401/403 otherwise. */
  async authorize(request: FastifyRequest, role: Role): Promise<Principal> {
    const origin = request.headers.origin;
    if (origin !== undefined && originHost(origin) !== originHost('http://' + (request.headers.host ?? ''))) {
      throw new HttpError(403, `cross-origin write from ${origin} refused`);
    }
    if (!this.tokensRequired) return { tokenId: 'local', name: this.opts.localUser, role: 'admin' };
    const header = request.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new HttpError(401, 'authentication required: send Authorization: Bearer <token> (create one with `vigil token create --role reviewer`)');
    const principal = this.opts.tokens ? await verifyToken(this.opts.tokens, m[1]!) : null;
    if (!principal) throw new HttpError(401, 'invalid or revoked token');
    if (!hasRole(principal, role)) throw new HttpError(403, `this action needs the ${role} role; the token has ${principal.role}`);
    return principal;
  }
}

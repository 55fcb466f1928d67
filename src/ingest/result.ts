import type { Document } from './document.js';

/** What reading one input gives: a document, or the input that could not be read and why. */
export type ReadResult = { ok: true; doc: Document } | { ok: false; input: string; reason: string };

/** A reason an input cannot be read; readers throw it, `readInputs` turns it into a failed ReadResult. */
export class ReadError extends Error {}

export const failure = (input: string, reason: string): ReadResult => ({ ok: false, input, reason });

/** The reason carried by anything thrown while reading, as one short line. */
export function reasonOf(err: unknown): string {
  if (err instanceof ReadError) return err.message;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  const message = err instanceof Error ? err.message : String(err);
  return (code ? code + ': ' : '') + message.split('\n')[0];
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

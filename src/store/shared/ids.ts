import { createHash } from 'node:crypto';

/** `men_<doc hash>_<n>`: a document's n-th extracted incident. */
export function mentionId(docId: string, n: number): string {
  return `men_${docId.replace(/^doc_/, '')}_${n}`;
}

/** The id of the incident a split creates: derived from the mentions it takes. */
export function splitIncidentId(mentionIds: string[]): string {
  const h = createHash('sha256').update([...mentionIds].sort().join('\n')).digest('hex').slice(0, 16);
  return 'inc_' + h;
}

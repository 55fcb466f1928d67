// vigil accept | reject | edit | merge | split — a person's decisions, recorded in the audit trail.
import type { Command, Option } from 'commander';
import { userInfo } from 'node:os';
import { openStore } from '../store/open.js';
import { incidentTable } from './render.js';

const who = (flags: { as?: string }) => flags.as ?? process.env.VIGIL_USER ?? userInfo().username;

export function reviewCommands(program: Command, db: () => Option): void {
  const run = async (dbPath: string | undefined, fn: (s: Awaited<ReturnType<typeof openStore>>) => Promise<void>) => {
    const store = await openStore(dbPath);
    try { await fn(store); } finally { await store.close(); }
  };
  const as = '--as <name>';
  program.command('accept').description('mark an incident as reviewed and correct').argument('<id>').addOption(db()).option(as, 'reviewer name')
    .action((id: string, f: { db?: string; as?: string }) => run(f.db, async s => { await s.accept(id, who(f)); process.stdout.write(`accepted ${id}\n`); }));
  program.command('reject').description('reject an incident (not a real incident); hidden from lists').argument('<id>').addOption(db()).option(as, 'reviewer name')
    .action((id: string, f: { db?: string; as?: string }) => run(f.db, async s => { await s.reject(id, who(f)); process.stdout.write(`rejected ${id}\n`); }));
  program.command('edit').description('correct one field; the value is JSON or a plain string (vigil edit ID killed 12)')
    .argument('<id>').argument('<field>').argument('<value>').addOption(db()).option(as, 'reviewer name')
    .action((id: string, field: string, raw: string, f: { db?: string; as?: string }) => run(f.db, async s => {
      let value: unknown = raw;
      try { value = JSON.parse(raw); } catch { /* a plain string */ }
      const row = await s.editField(id, field, value, who(f));
      process.stdout.write(incidentTable([row]) + '\n');
    }));
  program.command('merge').description('merge incident B into A (same real event)').argument('<a>').argument('<b>').addOption(db()).option(as, 'reviewer name')
    .action((a: string, b: string, f: { db?: string; as?: string }) => run(f.db, async s => {
      const row = await s.merge(a, b, who(f));
      process.stdout.write(`merged ${b} into ${a}\n` + incidentTable([row]) + '\n');
    }));
  program.command('split').description('move mentions out of an incident into a new one (mention ids from vigil show)')
    .argument('<id>').argument('<mentions...>').addOption(db()).option(as, 'reviewer name')
    .action((id: string, mentions: string[], f: { db?: string; as?: string }) => run(f.db, async s => {
      const row = await s.split(id, mentions, who(f));
      process.stdout.write(`split ${mentions.length} mention(s) out of ${id}\n` + incidentTable([row]) + '\n');
    }));
}

#!/usr/bin/env node
// vigil — the command line. Each command opens the store (SQLite file or PostgreSQL URL) it needs.
import { Command, CommanderError, Option } from 'commander';
import { ingestCommand, extractCommand, demoCommand } from './ingest.js';
import { incidentsCommand, showCommand, docsCommand, docCommand, searchCommand, statsCommand } from './query.js';
import { reviewCommands } from './review.js';
import { teamCommands } from './team.js';
import { serveCommands } from './serve.js';
import { UsageError } from './options.js';

const program = new Command('vigil')
  .description('Sourced, queryable incidents of terrorism and political violence from open-source reporting.')
  .version('0.1.0')
  .showSuggestionAfterError()
  .exitOverride();

const db = () => new Option('--db <path|url>', 'SQLite file or postgres:// URL (default $VIGIL_DB or ./vigil.db)');

program.command('ingest').description('read reports (files, folders, - for stdin), extract incidents, store them')
  .argument('<paths...>').addOption(db())
  .option('--threads <n>', 'extraction threads (default: one per core)')
  .option('--policy <policy>', 'headline casualties: latest | conservative', 'latest')
  .option('--queue', 'store the documents as jobs for `vigil worker` instead of extracting here')
  .action(ingestCommand);

program.command('extract').description('print the incidents of each document as JSON lines; touches no database')
  .argument('<paths...>')
  .option('--jsonl', 'one JSON document per line (the default)')
  .option('--pretty', 'indented JSON')
  .option('--threads <n>', 'extraction threads (default: one per core)')
  .action(extractCommand);

program.command('demo').description('ingest the bundled examples/ into the database and list the incidents found')
  .addOption(db()).action(demoCommand);

const filters = (c: Command) => c
  .option('--from <date>', 'on or after (2015-11-13, 2015-11, 2015)')
  .option('--to <date>', 'on or before')
  .option('--country <name>', 'country name or ISO code')
  .option('--type <type>', 'bombing, armed_assault, assassination, kidnapping, hostage_taking, hijacking, arson, vehicle_ramming, unarmed_assault, other')
  .option('--status <status>', 'carried_out, failed, foiled, threatened')
  .option('--group <name>', 'perpetrator organization')
  .option('--min-killed <n>', 'at least this many killed')
  .option('--q <text>', 'free text');

filters(program.command('incidents').description('list incidents'))
  .addOption(db())
  .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv', 'geojson', 'gtd']).default('table'))
  .option('--sort <field>', 'date, killed, injured, country, type, updated', 'date')
  .option('--order <order>', 'asc or desc', 'desc')
  .option('--limit <n>', 'at most this many (table: 50; exports: all)')
  .option('--offset <n>', 'skip this many')
  .action(incidentsCommand);

program.command('show').description('an incident, every field with the sentence it came from')
  .argument('<id>').addOption(db()).action(showCommand);
program.command('docs').description('list stored documents').addOption(db())
  .option('--limit <n>', 'at most this many', '50').option('--offset <n>', 'skip this many', '0').action(docsCommand);
program.command('doc').description('a stored document: metadata, its incidents, its quotes and statements')
  .argument('<id>').addOption(db()).option('--text', 'the whole text').action(docCommand);
program.command('search').description('full-text search over the documents').argument('<query>').addOption(db())
  .option('--limit <n>', 'at most this many', '20').action(searchCommand);
filters(program.command('stats').description('counts and killed by type, country, group, status and month'))
  .addOption(db()).option('--json', 'as JSON').action(statsCommand);

reviewCommands(program, db);
teamCommands(program, db);
serveCommands(program, db);

// A reader that stops early (vigil incidents --format json | head) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); throw err; });

program.parseAsync().catch((err: unknown) => {
  // Commander has already printed its one-line message (unknown option, bad choice…); help and --version exit 0.
  if (err instanceof CommanderError) { process.exitCode = err.exitCode === 0 ? 0 : 2; return; }
  const msg = err instanceof Error ? err.message : String(err);
  process.stderr.write(`vigil: ${msg}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
});

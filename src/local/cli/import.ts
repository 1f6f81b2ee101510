/** `club-pulse import`: an export (HelloAsso, Eventbrite, Mailchimp, Google Forms, PALMS…) into the tabs. */

import type { Command } from 'commander';
import type { ImportPreview } from '../../core/api';
import { cliSay } from '../cli-messages';
import { CliError, type CliIo, checkToday, todayOption, withSession } from './shared';

interface ImportOptions {
  today?: string;
  source?: string;
  map?: string[];
  dryRun?: boolean;
  eventDate?: string;
  eventTitle?: string;
  eventId?: string;
}

function printImport(result: ImportPreview, lang: 'fr' | 'en', io: CliIo): void {
  io.out(`${result.sourceLabel}${lang === 'fr' ? ' : ' : ': '}${result.summary}`);
  for (const a of result.additions) io.out(`  + ${a.rows} → ${a.tabName}`);
  for (const s of result.skipped.slice(0, 30)) io.out(cliSay(lang, 'skippedLine', s));
  if (result.skipped.length > 30) io.out(cliSay(lang, 'moreSkipped', { count: result.skipped.length - 30 }));
  for (const n of result.notes) io.out(`  ! ${n}`);
  if (result.mapping) {
    io.out(cliSay(lang, result.mapping.confirmed ? 'columnsGiven' : 'columnsProposed'));
    for (const [column, field] of Object.entries(result.mapping.columns))
      io.out(`    ${column} → ${field || cliSay(lang, 'ignored')}`);
  }
}

/** `--map "Question text=nps"` (repeatable): the Google Forms columns the user confirms or corrects. */
function mappingOf(pairs: string[] | undefined): Record<string, string> | undefined {
  if (!pairs || pairs.length === 0) return undefined;
  const mapping: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    if (at <= 0)
      throw new CliError(
        `Invalid --map "${pair}": use "Column header=field" (field empty to ignore the column).`,
        2,
      );
    mapping[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return mapping;
}

async function importFile(file: string, exportPath: string, options: ImportOptions, io: CliIo) {
  const today = checkToday(options.today);
  await withSession(file, today, async (session, lang) => {
    const { readExportFile } = await import('../import-file');
    const exported = await readExportFile(exportPath, session.model.meta.locale);
    const event =
      options.eventDate || options.eventTitle || options.eventId
        ? { date: options.eventDate, title: options.eventTitle, id: options.eventId }
        : undefined;
    const request = { ...exported, source: options.source, event, mapping: mappingOf(options.map) };
    const api = session.bundle.api;
    const result = options.dryRun ? api.previewImport(request) : api.applyImport(request);
    if (!result.ok) throw new CliError(result.message, 2);
    printImport(result, lang, io);
    if (options.dryRun) {
      io.out(cliSay(lang, 'dryRun'));
      return;
    }
    io.out(cliSay(lang, 'saved', { file: await session.save() }));
  });
}

export function register(program: Command, io: CliIo): void {
  program
    .command('import')
    .description(
      'import an export (HelloAsso, Eventbrite, Meetup, Mailchimp, MailerLite, Brevo, Google Forms, PALMS)',
    )
    .argument('<file>', 'the .xlsx workbook')
    .argument('<export>', 'the export file (.csv or .xlsx)')
    .option(
      '--source <name>',
      'the source, when it cannot be detected (helloasso_payments, eventbrite, mailchimp…)',
    )
    .option('--dry-run', 'show what would be added and skipped, write nothing')
    .option(
      '--map <column=field>',
      'Google Forms: map a column to a Responses field (repeatable)',
      (v: string, all: string[] = []) => [...all, v],
    )
    .option('--event-date <date>', 'ticketing and attendee exports: the date of the event')
    .option('--event-title <title>', 'ticketing and attendee exports: the title of the event')
    .option('--event-id <id>', 'ticketing and attendee exports: the event ID to use')
    .addOption(todayOption())
    .action((file: string, exported: string, options: ImportOptions) =>
      importFile(file, exported, options, io),
    );
}

/**
 * The `club-pulse` command line (SPEC §11): runs the very add-on bundle (dist/Code.js) on an .xlsx
 * workbook through the local Apps Script runtime. `init` makes a workbook with the tracking tabs
 * (optionally the demo club), `refresh` computes the KPIs and writes the Dashboard tab, with
 * `--json` and `--html` outputs. Exit codes: 0 done (data issues included), 1 internal error,
 * 2 bad arguments / bad period / unreadable file, 3 the workbook is busy.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { ImportPreview, RefreshResult } from '../core/api';
import { parseCsvText } from '../core/imports/csv';
import { decodeExport } from '../core/imports/encoding';
import { normalizeLabel } from '../core/normalize';
import { tabSpec } from '../core/schema';
import { chartToSvg } from './chart-svg';
import { cliSay, langOfWorkbook } from './cli-messages';
import { generateClub } from './demo/generator';
import { doctor } from './doctor';
import { sheetToHtml } from './html-export';
import { readExportFile } from './import-file';
import { registerMemberCommands } from './member';
import { openWorkbook, todayOf, WorkbookBusyError, withWorkbookLock } from './session';
import { answerSurvey, UnknownSurveyError } from './surveys';
import { fillTabs } from './workbook/fill';
import { newSheetModel, newWorkbookModel } from './workbook/model';
import { WorkbookFileError } from './workbook/xlsx';

/** A user-facing failure with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 3,
  ) {
    super(message);
  }
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const LOCALES = {
  fr: { locale: 'fr_FR', timeZone: 'Europe/Paris' },
  en: { locale: 'en_GB', timeZone: 'Europe/London' },
};

function checkToday(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new CliError(`Invalid --today "${value}": use YYYY-MM-DD.`, 2);
  }
  return value;
}

async function init(
  file: string,
  options: { lang: 'fr' | 'en'; demo?: boolean; force?: boolean; today?: string },
  io: CliIo,
) {
  if (existsSync(file) && !options.force)
    throw new CliError(`${file} already exists: add --force to replace it.`, 2);
  const today = checkToday(options.today);
  await withWorkbookLock(file, async () => {
    const { locale, timeZone } = LOCALES[options.lang];
    const model = newWorkbookModel({ locale, timeZone, name: 'Club Pulse' });
    // A new Google spreadsheet starts with one empty sheet; the add-on then adds its tabs.
    const first = newSheetModel(model.meta.nextSheetId++, options.lang === 'fr' ? 'Feuille 1' : 'Sheet1');
    model.sheets.push(first);
    const session = await openWorkbook(file, model, { today });
    const result = session.bundle.api.setupTrackingTabs();
    model.sheets = model.sheets.filter((s) => s !== first);
    if (options.demo) {
      const club = generateClub({
        scale: 'demo',
        lang: options.lang,
        today: today ?? todayOf(model),
        messy: true,
      });
      fillTabs(model, club.tabs);
      model.meta.name = club.name;
    }
    await session.save(file);
    const demo = options.demo ? cliSay(options.lang, 'initDemo') : '';
    io.out(cliSay(options.lang, 'initDone', { file, count: result.created.length, demo }));
  });
}

async function dev(file: string | undefined, options: { port: string; today?: string }, io: CliIo) {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`Invalid --port "${options.port}".`, 2);
  const path = file ?? 'club-pulse-demo.xlsx';
  if (!file && !existsSync(path)) await init(path, { lang: 'fr', demo: true, today: options.today }, io);
  const { startDevServer } = await import('./dev/server');
  const dev = await startDevServer(path, port, { today: checkToday(options.today) });
  io.out(`Club Pulse on ${dev.url} — workbook ${path} (Ctrl+C to stop).`);
  await new Promise<void>((resolve) => dev.server.on('close', () => resolve()));
}

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
  await withWorkbookLock(file, async () => {
    const session = await openWorkbook(file, undefined, { today });
    const exported = await readExportFile(exportPath, session.model.meta.locale);
    const event =
      options.eventDate || options.eventTitle || options.eventId
        ? { date: options.eventDate, title: options.eventTitle, id: options.eventId }
        : undefined;
    const request = { ...exported, source: options.source, event, mapping: mappingOf(options.map) };
    const api = session.bundle.api;
    const result = options.dryRun ? api.previewImport(request) : api.applyImport(request);
    if (!result.ok) throw new CliError(result.message, 2);
    const lang = langOfWorkbook(session.model.meta.locale);
    printImport(result, lang, io);
    if (options.dryRun) {
      io.out(cliSay(lang, 'dryRun'));
      return;
    }
    io.out(cliSay(lang, 'saved', { file: await session.save() }));
  });
}

interface SurveyOptions {
  hot?: string;
  cold?: string;
  today?: string;
  newAnonymousForm?: boolean;
}

async function survey(file: string, options: SurveyOptions, io: CliIo) {
  if (Boolean(options.hot) === Boolean(options.cold))
    throw new CliError('Give either --hot EVENT_ID or --cold PERIOD.', 2);
  const today = checkToday(options.today);
  await withWorkbookLock(file, async () => {
    const session = await openWorkbook(file, undefined, { today });
    const extra = options.newAnonymousForm ? { newAnonymousForm: true } : undefined;
    // Exactly one of the two is given (checked above).
    const result = options.hot
      ? session.bundle.api.createHotSurvey(options.hot, extra)
      : session.bundle.api.createColdSurvey(options.cold ?? '', extra);
    if (!result.ok) throw new CliError(result.message, result.code === 'busy' ? 3 : 2);
    const lang = langOfWorkbook(session.model.meta.locale);
    const { surveyId: id, publicUrl: url, responseTab: tab } = result.survey;
    io.out(cliSay(lang, result.created ? 'surveyCreated' : 'surveyExisted', { id, url }));
    io.out(cliSay(lang, 'answersTab', { tab }));
    if (result.warning) io.out(`! ${result.warning}`);
    if (result.signedForm) io.out(cliSay(lang, 'newAnonymousForm', {}));
    io.out(cliSay(lang, 'saved', { file: await session.save() }));
  });
}

/** Answer rows from a CSV whose header names the Responses fields (ids like `nps`, or their labels). */
function answerRows(path: string): Array<Record<string, string>> {
  let text: string;
  try {
    text = decodeExport(readFileSync(path)).text;
  } catch {
    throw new CliError(`The answers file ${path} cannot be read.`, 2);
  }
  const [header, ...rows] = parseCsvText(text);
  if (!header) throw new CliError(`The answers file ${path} is empty.`, 2);
  const responses = tabSpec('responses').columns;
  const ids = header.map((h) => {
    const key = normalizeLabel(h);
    const column = responses.find((c) =>
      [c.id, c.label.fr, c.label.en].some((x) => normalizeLabel(x) === key),
    );
    return column ? column.id : h.trim();
  });
  return rows
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((r) => Object.fromEntries(ids.map((id, i) => [id, r[i] ?? ''])));
}

async function answer(file: string, options: { survey: string; answers: string; today?: string }, io: CliIo) {
  const rows = answerRows(options.answers);
  const today = checkToday(options.today);
  await withWorkbookLock(file, async () => {
    const session = await openWorkbook(file, undefined, { today });
    let report: ReturnType<typeof answerSurvey>;
    try {
      report = answerSurvey(session.bundle, options.survey, rows);
    } catch (error) {
      if (error instanceof UnknownSurveyError) throw new CliError(error.message, 2);
      throw error;
    }
    const lang = langOfWorkbook(session.model.meta.locale);
    const { surveyId: id, submitted } = report;
    io.out(cliSay(lang, 'answered', { id, submitted, refused: report.skipped.length }));
    for (const s of report.skipped) {
      // The line of the answers file (its header is line 1).
      const line = s.index + 1;
      const key = s.kind === 'required' ? 'refusedRequired' : s.kind ? 'refusedInvalid' : 'refusedOther';
      io.out(cliSay(lang, key, { line, question: s.question ?? '', message: s.message }));
    }
    if (report.unknownFields.length > 0)
      io.out(cliSay(lang, 'unknownColumns', { columns: report.unknownFields.join(', ') }));
    io.out(cliSay(lang, 'saved', { file: await session.save() }));
  });
}

interface RefreshOptions {
  period?: string;
  out?: string;
  json?: string;
  html?: string;
  today?: string;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

const STATUS_MARK: Record<string, string> = { green: '●', amber: '◐', red: '○', grey: '·' };

function printSummary(result: Extract<RefreshResult, { ok: true }>, lang: 'fr' | 'en', io: CliIo): void {
  io.out(cliSay(lang, 'refreshTitle', { period: result.period, previous: result.previous }));
  let family = '';
  for (const k of result.kpis) {
    if (k.familyLabel !== family) {
      family = k.familyLabel;
      io.out(`\n${family}`);
    }
    const status = k.status ? STATUS_MARK[k.status] : ' ';
    io.out(`  ${status} ${pad(k.label, 44)} ${pad(k.value, 16)} ${k.delta}`);
  }
  io.out(`\n${cliSay(lang, 'issues', { count: result.issueCount })}`);
}

async function refresh(file: string, options: RefreshOptions, io: CliIo) {
  const today = checkToday(options.today);
  await withWorkbookLock(file, async () => {
    const session = await openWorkbook(file, undefined, { today });
    const result = session.bundle.api.refreshKpis({
      period: options.period ?? '',
      today: today ?? todayOf(session.model),
      withReport: Boolean(options.json),
    });
    if (!result.ok) throw new CliError(result.message, result.code === 'busy' ? 3 : 2);
    const saved = await session.save(options.out);
    const lang = langOfWorkbook(session.model.meta.locale);
    printSummary(result, lang, io);
    if (options.json) writeFileSync(options.json, `${JSON.stringify(result.report, null, 2)}\n`);
    if (options.html) {
      const ss = session.bundle.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
      const name = session.model.meta.locale.startsWith('fr') ? 'Tableau de bord' : 'Dashboard';
      const sheet = session.model.sheets.find(
        (s) => s.name === name || s.name === 'Tableau de bord' || s.name === 'Dashboard',
      );
      if (sheet) {
        const display = ss.getSheetByName(sheet.name)!.getDataRange().getDisplayValues();
        const charts = sheet.charts.map((chart) => chartToSvg(chart, session.model));
        writeFileSync(options.html, sheetToHtml(sheet, display, `Club Pulse — ${result.period}`, charts));
      }
    }
    io.out(cliSay(lang, 'saved', { file: saved }));
  });
}

export function buildProgram(io: CliIo): Command {
  const program = new Command();
  program
    .name('club-pulse')
    .description('Club Pulse on a local .xlsx workbook: the add-on bundle in a local Apps Script runtime.')
    .option('--verbose', 'print details of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  program
    .command('init')
    .description('create a workbook with the tracking tabs')
    .argument('<file>', 'the .xlsx workbook to create')
    .addOption(new Option('--lang <lang>', 'language of the tabs').choices(['fr', 'en']).default('fr'))
    .option('--demo', 'fill it with the demo club')
    .option('--force', 'replace an existing file')
    .option('--today <date>', 'today, YYYY-MM-DD (the demo club ends on this day)')
    .action((file: string, options) => init(file, options, io));
  program
    .command('doctor')
    .description('run the installation check of the add-on (menu "Check installation") on a workbook')
    .argument('<file>', 'the .xlsx workbook (not modified)')
    .action(async (file: string) => {
      if ((await doctor(file, io.out)) > 0) throw new CliError('', 1);
    });
  program
    .command('refresh')
    .description('compute the KPIs and write the Dashboard tab')
    .argument('<file>', 'the .xlsx workbook')
    .option('--period <label>', 'period: 2026-03, 2026-Q1, 2026-S1, 2026, FY2026, 2026-01-15..2026-03-31')
    .option('--out <file>', 'save the result here instead of in place')
    .option('--json <file>', 'write the KPIs, issues and recommendations as JSON')
    .option('--html <file>', 'write the dashboard as an HTML page')
    .option('--today <date>', 'today, YYYY-MM-DD (default: the real date in the workbook time zone)')
    .action((file: string, options: RefreshOptions) => refresh(file, options, io));
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
    .option('--today <date>', 'today, YYYY-MM-DD (default: the real date in the workbook time zone)')
    .action((file: string, exported: string, options: ImportOptions) =>
      importFile(file, exported, options, io),
    );
  program
    .command('survey')
    .description('create the hot survey of an event or the cold survey of a semester (Google Forms)')
    .argument('<file>', 'the .xlsx workbook')
    .option('--hot <eventId>', 'the event of the hot survey')
    .option('--cold <period>', 'the semester of the cold survey, e.g. 2026-S1')
    .option(
      '--new-anonymous-form',
      'anonymous surveys: replace the survey’s form that asks for the member code by a new anonymous one',
    )
    .option('--today <date>', 'today, YYYY-MM-DD (default: the real date in the workbook time zone)')
    .action((file: string, options: SurveyOptions) => survey(file, options, io));
  program
    .command('answer')
    .description('answer a survey locally, as its respondents would, from a CSV of answers')
    .argument('<file>', 'the .xlsx workbook')
    .requiredOption('--survey <id>', 'the survey id, e.g. HOT-E1 or COLD-2026-S1')
    .requiredOption(
      '--answers <csv>',
      'a CSV whose header names the answers (member, nps, satisfaction, comment…)',
    )
    .option('--today <date>', 'today, YYYY-MM-DD (default: the real date in the workbook time zone)')
    .action((file: string, options: { survey: string; answers: string; today?: string }) =>
      answer(file, options, io),
    );
  program
    .command('dev')
    .description('the sidebar and the workbook in a browser, on localhost')
    .argument('[file]', 'the .xlsx workbook (default: club-pulse-demo.xlsx, made with the demo club)')
    .option('--port <n>', 'port', '8765')
    .option('--today <date>', 'today for a new demo workbook, YYYY-MM-DD')
    .action((file: string | undefined, options: { port: string; today?: string }) => dev(file, options, io));
  registerMemberCommands(program, io, checkToday);
  return program;
}

/** Runs the CLI; returns the exit code. */
export async function main(
  argv: string[],
  io: CliIo = { out: console.log, err: console.error },
): Promise<number> {
  const program = buildProgram(io);
  const verbose = argv.includes('--verbose');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
      )
        return 0;
      return 2;
    }
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof WorkbookBusyError) {
      io.err(error.message);
      return 3;
    }
    if (error instanceof WorkbookFileError) {
      io.err(error.message);
      return 2;
    }
    const e = error as Error;
    io.err(`Internal error: ${e?.message ?? String(error)}${verbose ? '' : ' (add --verbose for details)'}`);
    if (verbose && e?.stack) io.err(e.stack);
    return 1;
  }
}

if (process.argv[1] && /cli\.(mjs|ts)$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}

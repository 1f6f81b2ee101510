/** `club-pulse refresh`: compute the KPIs, write the Dashboard tab, optionally as JSON and HTML too. */

import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { RefreshResult } from '../../core/api';
import { cliSay } from '../cli-messages';
import type { WorkbookSession } from '../session';
import { CliError, type CliIo, checkToday, todayOption, withSession } from './shared';

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

type Refreshed = Extract<RefreshResult, { ok: true }>;

function printSummary(result: Refreshed, lang: 'fr' | 'en', io: CliIo): void {
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

/** The Dashboard tab as an HTML page, its charts drawn as SVG (the chart renderer loads only here). */
async function writeHtml(path: string, session: WorkbookSession, result: Refreshed): Promise<void> {
  const ss = session.bundle.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
  const name = session.model.meta.locale.startsWith('fr') ? 'Tableau de bord' : 'Dashboard';
  const sheet = session.model.sheets.find(
    (s) => s.name === name || s.name === 'Tableau de bord' || s.name === 'Dashboard',
  );
  if (!sheet) return;
  const [{ chartToSvg }, { sheetToHtml }] = await Promise.all([
    import('../chart-svg'),
    import('../html-export'),
  ]);
  const display = ss.getSheetByName(sheet.name)!.getDataRange().getDisplayValues();
  const charts = sheet.charts.map((chart) => chartToSvg(chart, session.model));
  writeFileSync(path, sheetToHtml(sheet, display, `Club Pulse — ${result.period}`, charts));
}

async function refresh(file: string, options: RefreshOptions, io: CliIo): Promise<void> {
  const today = checkToday(options.today);
  await withSession(file, today, async (session, lang) => {
    const { todayOf } = await import('../session');
    const result = session.bundle.api.refreshKpis({
      period: options.period ?? '',
      today: today ?? todayOf(session.model),
      withReport: Boolean(options.json),
    });
    if (!result.ok) throw new CliError(result.message, result.code === 'busy' ? 3 : 2);
    const saved = await session.save(options.out);
    printSummary(result, lang, io);
    if (options.json) writeFileSync(options.json, `${JSON.stringify(result.report, null, 2)}\n`);
    if (options.html) await writeHtml(options.html, session, result);
    io.out(cliSay(lang, 'saved', { file: saved }));
  });
}

export function register(program: Command, io: CliIo): void {
  program
    .command('refresh')
    .description('compute the KPIs and write the Dashboard tab')
    .argument('<file>', 'the .xlsx workbook')
    .option('--period <label>', 'period: 2026-03, 2026-Q1, 2026-S1, 2026, FY2026, 2026-01-15..2026-03-31')
    .option('--out <file>', 'save the result here instead of in place')
    .option('--json <file>', 'write the KPIs, issues and recommendations as JSON')
    .option('--html <file>', 'write the dashboard as an HTML page')
    .addOption(todayOption())
    .action((file: string, options: RefreshOptions) => refresh(file, options, io));
}

/**
 * `club-pulse network …` (issue 22): a club's anonymous snapshot from its workbook, and the
 * network coordinator's roll-up of any number of snapshots into a readable summary workbook and
 * `benchmarks.csv` beside it (which clubs import: src/core/imports/network.ts).
 *
 *   club-pulse network snapshot club.xlsx --out club.snapshot.json [--period 2026-S1] [--today …]
 *   club-pulse network rollup snapshots/ [more/ a.json …] --out network.xlsx [--network ID] [--currency EUR] [--lang fr]
 *
 * The roll-up streams: it reads one file (or one line of a `.jsonl` file) at a time, checks it
 * against the schema, folds its numbers into src/core/network/rollup.ts and drops it. Malformed
 * snapshots and duplicates (same club_id and period) are refused with one line each; the roll-up
 * goes on with the others.
 */

import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
import { dayFromIso } from '../core/dates';
import { fill, type Lang } from '../core/i18n';
import { kpiDefinition } from '../core/kpis/catalogue';
import { BAND_LABELS } from '../core/network/bands';
import { NETWORK_TEXT } from '../core/network/messages';
import {
  BENCHMARK_COLUMNS,
  benchmarkCells,
  DECILE_COLUMNS,
  MIN_CLUBS,
  Rollup,
  type RollupRow,
} from '../core/network/rollup';
import { validateSnapshot } from '../core/network/snapshot';
import type { CliIo } from './cli/shared';
import { langOfWorkbook } from './cli-messages';
import { openWorkbook, withWorkbookLock } from './session';
import { Workbook } from './workbook/exceljs';

/** Makes the CLI's error (exit code 2: bad arguments or file; 3: busy) without importing the CLI. */
export type Fail = (message: string, exitCode: 1 | 2 | 3) => Error;

/** A snapshot file is small (≈ 3 KB); anything over this is not one. */
export const SNAPSHOT_MAX_BYTES = 1024 * 1024;

const T = {
  snapshotDone: {
    fr: 'Instantané {period} ({band}, {count} indicateurs) écrit dans {file}. Il ne contient ni nom, ni e-mail, ni ligne des onglets.',
    en: 'Snapshot {period} ({band}, {count} KPIs) written to {file}. It holds no name, no e-mail, no row of the tabs.',
  },
  noNetwork: {
    fr: 'Paramètre network_id (id_reseau) vide : le coordinateur ne saura pas à quel réseau il appartient.',
    en: 'Setting network_id is empty: the coordinator will not know which network it belongs to.',
  },
  read: {
    fr: 'Instantanés lus : {read} ; retenus : {accepted} ; refusés : {rejected}.',
    en: 'Snapshots read: {read}; kept: {accepted}; rejected: {rejected}.',
  },
  rows: {
    fr: 'Lignes de repères : {rows} ; (période, indicateur, taille) non publiés, faute de {min} clubs : {withheld}.',
    en: 'Benchmark rows: {rows}; (period, KPI, size) withheld for want of {min} clubs: {withheld}.',
  },
  networks: {
    fr: 'Attention : plusieurs réseaux mélangés ({networks}) ; --network ID n’en garde qu’un.',
    en: 'Warning: several networks mixed ({networks}); --network ID keeps one.',
  },
  written: { fr: 'Écrit : {xlsx} et {csv}.', en: 'Written: {xlsx} and {csv}.' },
  notDir: {
    fr: '{path} n’est ni un dossier ni un fichier d’instantanés lisible.',
    en: '{path} is neither a folder nor a readable snapshot file.',
  },
  badToday: { fr: '--today « {v} » invalide : AAAA-MM-JJ.', en: 'Invalid --today "{v}": use YYYY-MM-DD.' },
  badCurrency: { fr: '--currency : un code à 3 lettres (EUR).', en: '--currency: a 3-letter code (EUR).' },
  keptMoney: { fr: 'Montants gardés en {currency}.', en: 'Amounts kept in {currency}.' },
};

/** How a snapshot without network_id is listed. */
const NONE = { fr: '(sans réseau)', en: '(no network)' };

const say = (lang: Lang, key: keyof typeof T, values: Record<string, string | number> = {}): string =>
  fill(T[key][lang], values);

// -----------------------------------------------------------------------------------------------
// Snapshot

export async function networkSnapshot(
  file: string,
  options: { out: string; period?: string; today?: string },
  io: CliIo,
  fail: Fail,
): Promise<void> {
  if (options.today !== undefined && dayFromIso(options.today) === null)
    throw fail(fill(T.badToday.en, { v: options.today }), 2);
  await withWorkbookLock(file, async () => {
    const session = await openWorkbook(file, undefined, { today: options.today });
    const lang = langOfWorkbook(session.model.meta.locale);
    const before = JSON.stringify(session.model.meta.documentProperties);
    const result = session.bundle.api.networkSnapshot({ period: options.period, today: options.today });
    if (!result.ok) throw fail(result.message, result.code === 'busy' ? 3 : 2);
    // The club id was just made: keep it in the workbook, so the next snapshot has the same one.
    if (JSON.stringify(session.model.meta.documentProperties) !== before) await session.save();
    const s = result.snapshot;
    writeFileSync(options.out, `${JSON.stringify(s, null, 2)}\n`);
    if (!s.network_id) io.out(`! ${T.noNetwork[lang]}`);
    io.out(
      fill(T.snapshotDone[lang], {
        period: s.period,
        band: BAND_LABELS[s.size_band][lang],
        count: s.kpis.length,
        file: options.out,
      }),
    );
  });
}

// -----------------------------------------------------------------------------------------------
// Roll-up

export interface RollupOptions {
  out: string;
  network?: string;
  currency?: string;
  lang?: Lang;
}

export interface RollupReport {
  read: number;
  accepted: number;
  rejected: Array<{ source: string; reason: string }>;
  rows: RollupRow[];
  withheld: number;
  networks: string[];
  csvPath: string;
}

/** The snapshot files of a folder (`.json`, `.jsonl`, `.ndjson`), by name; or the one file given. */
function snapshotFiles(path: string, lang: Lang, fail: Fail): string[] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    throw fail(fill(T.notDir[lang], { path }), 2);
  }
  if (stat.isFile()) return [path];
  return readdirSync(path)
    .filter((name) => /\.(json|jsonl|ndjson)$/i.test(name))
    .sort()
    .map((name) => join(path, name));
}

/** Yields each snapshot text of a file with its source name (`file` or `file:line`), or why it is unreadable. */
async function* snapshotTexts(
  path: string,
  lang: Lang,
): AsyncGenerator<{ source: string; text?: string; reason?: string }> {
  const name = basename(path);
  if (/\.json$/i.test(path)) {
    const size = statSync(path).size;
    if (size > SNAPSHOT_MAX_BYTES) {
      yield { source: name, reason: fill(NETWORK_TEXT.reject.tooBig[lang], { size }) };
      return;
    }
    yield { source: name, text: readFileSync(path, 'utf8') };
    return;
  }
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    if (text.length > SNAPSHOT_MAX_BYTES) {
      yield {
        source: `${name}:${line}`,
        reason: fill(NETWORK_TEXT.reject.tooBig[lang], { size: text.length }),
      };
    } else yield { source: `${name}:${line}`, text };
  }
}

/** Reads, checks and folds every snapshot; prints one line per refusal. */
export async function rollupSnapshots(
  inputs: string | string[],
  options: RollupOptions,
  io: CliIo,
  fail: Fail,
): Promise<RollupReport> {
  const lang = options.lang ?? 'fr';
  const currency = (options.currency ?? 'EUR').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw fail(T.badCurrency[lang], 2);
  const rollup = new Rollup({ lang, network: options.network, currency });
  const rejected: RollupReport['rejected'] = [];
  let read = 0;
  const reject = (source: string, reason: string) => {
    rejected.push({ source, reason });
    io.out(fill(NETWORK_TEXT.rejectedLine[lang], { file: source, reason }));
  };
  const files = (Array.isArray(inputs) ? inputs : [inputs]).flatMap((input) =>
    snapshotFiles(input, lang, fail),
  );
  for (const file of files) {
    for await (const item of snapshotTexts(file, lang)) {
      read++;
      if (item.text === undefined) {
        reject(item.source, item.reason ?? '');
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(item.text.replace(/^\uFEFF/, ''));
      } catch {
        reject(item.source, NETWORK_TEXT.reject.notJson[lang]);
        continue;
      }
      const check = validateSnapshot(value, lang);
      if (!check.ok) {
        reject(item.source, check.reason);
        continue;
      }
      const refused = rollup.add(check.snapshot, item.source);
      if (refused) reject(item.source, refused);
    }
  }
  const { rows, withheld } = rollup.rows();
  const csvPath = join(dirname(options.out), 'benchmarks.csv');
  writeFileSync(
    csvPath,
    `${Papa.unparse([BENCHMARK_COLUMNS, ...rows.map(benchmarkCells)], { newline: '\n' })}\n`,
  );
  const report: RollupReport = {
    read,
    accepted: rollup.accepted,
    rejected,
    rows,
    withheld,
    networks: [...rollup.networks].sort().map((n) => n || NONE[lang]),
    csvPath,
  };
  await writeSummaryWorkbook(options.out, report, lang, currency);
  io.out(say(lang, 'read', { read, accepted: rollup.accepted, rejected: rejected.length }));
  io.out(say(lang, 'rows', { rows: rows.length, withheld, min: MIN_CLUBS }));
  if (report.networks.length > 1)
    io.out(`! ${say(lang, 'networks', { networks: report.networks.join(', ') })}`);
  if (rollup.otherCurrency > 0)
    io.out(`! ${fill(NETWORK_TEXT.otherCurrency[lang], { count: rollup.otherCurrency, currency })}`);
  io.out(say(lang, 'written', { xlsx: options.out, csv: csvPath }));
  return report;
}

const SUMMARY = {
  sheet: { fr: 'Synthèse', en: 'Summary' },
  rejectedSheet: { fr: 'Refusés', en: 'Rejected' },
  title: { fr: 'Repères du réseau', en: 'Network benchmarks' },
  header: {
    fr: [
      'Période',
      'Indicateur',
      'Identifiant',
      'Taille de club',
      'Clubs',
      '1er quartile',
      'Médiane',
      '3e quartile',
    ],
    en: ['Period', 'KPI', 'Id', 'Club size', 'Clubs', '1st quartile', 'Median', '3rd quartile'],
  },
  rejectedHeader: { fr: ['Fichier', 'Motif'], en: ['File', 'Reason'] },
  networks: { fr: 'Réseau(x)', en: 'Network(s)' },
  method: {
    fr: 'Quantiles exacts (type 7, interpolation linéaire, comme PERCENTILE.INC) ; déciles à partir de 10 clubs ; moins de 5 clubs : non publié.',
    en: 'Exact quantiles (type 7, linear interpolation, as PERCENTILE.INC); deciles from 10 clubs; fewer than 5 clubs: withheld.',
  },
};

/** Excel number format of a KPI's unit. */
function formatOf(kpi: string): string {
  const unit = kpiDefinition(kpi)?.unit;
  if (unit === 'ratio') return '0.0%';
  if (unit === 'count' || unit === 'nps') return '0.0';
  return '#,##0.00';
}

/** The coordinator's workbook: a readable summary tab (French first) and the refusals. */
async function writeSummaryWorkbook(path: string, report: RollupReport, lang: Lang, currency: string) {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(SUMMARY.sheet[lang]);
  sheet.addRow([SUMMARY.title[lang]]).font = { bold: true, size: 14 };
  sheet.addRow([
    say(lang, 'read', { read: report.read, accepted: report.accepted, rejected: report.rejected.length }),
  ]);
  sheet.addRow([say(lang, 'rows', { rows: report.rows.length, withheld: report.withheld, min: MIN_CLUBS })]);
  sheet.addRow([`${SUMMARY.networks[lang]} : ${report.networks.join(', ') || '—'}`]);
  sheet.addRow([SUMMARY.method[lang], '', '', '', '', '', '', '', fill(T.keptMoney[lang], { currency })]);
  sheet.addRow([]);
  const header = sheet.addRow([...SUMMARY.header[lang], ...DECILE_COLUMNS.map((d) => d.toUpperCase())]);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  for (const row of report.rows) {
    const label = kpiDefinition(row.kpi)?.label[lang] ?? row.kpi;
    const values = [row.p25, row.median, row.p75, ...(row.deciles ?? [])];
    const added = sheet.addRow([
      row.period,
      label,
      row.kpi,
      BAND_LABELS[row.band][lang],
      row.clubs,
      ...values,
    ]);
    const format = formatOf(row.kpi);
    for (let c = 6; c < 6 + values.length; c++) added.getCell(c).numFmt = format;
  }
  [10, 40, 26, 22, 8, 13, 13, 13, ...DECILE_COLUMNS.map(() => 10)].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  const refused = workbook.addWorksheet(SUMMARY.rejectedSheet[lang]);
  refused.addRow(SUMMARY.rejectedHeader[lang]).font = { bold: true };
  for (const r of report.rejected) refused.addRow([r.source, r.reason]);
  refused.getColumn(1).width = 40;
  refused.getColumn(2).width = 90;
  await workbook.xlsx.writeFile(path);
}

/**
 * Peer benchmarks in the club (issue 22): the generated tab « Repères réseau » / « Network
 * benchmarks » (filled by importing the network's benchmarks.csv, src/core/imports/network.ts) read
 * back at refresh; each KPI with a row for the period — the club's size band first, else all clubs
 * — gets its place among the network's clubs ("2e quartile des 148 clubs du réseau"), and, when
 * Settings `network_colours` says so and the club set no target, its colour against the network's
 * median instead of the built-in benchmark.
 */

import { type Bilingual, fill, type Lang } from '../i18n';
import { statusOf } from '../kpis/benchmarks';
import { kpiDefinition } from '../kpis/catalogue';
import type { KpiResult } from '../kpis/types';
import { normalizeLabel } from '../normalize';
import { parsePeriod } from '../periods';
import type { RawTab } from '../read';
import type { Settings } from '../settings';
import { BAND_LABELS, type Band, bandFromText, type SizeBand } from './bands';
import { NETWORK_TEXT } from './messages';
import { DECILE_COLUMNS, MIN_CLUBS, type RollupRow } from './rollup';

export const NETWORK_TAB_NAME: Bilingual = { fr: 'Repères réseau', en: 'Network benchmarks' };

/** The tab's columns, French-first labels; the reader also takes the ids (benchmarks.csv's header). */
export const PEER_COLUMNS: Array<{ id: string; label: Bilingual }> = [
  { id: 'kpi', label: { fr: 'Indicateur', en: 'KPI' } },
  { id: 'label', label: { fr: 'Libellé', en: 'Label' } },
  { id: 'period', label: { fr: 'Période', en: 'Period' } },
  { id: 'band', label: { fr: 'Taille de club', en: 'Club size' } },
  { id: 'clubs', label: { fr: 'Clubs', en: 'Clubs' } },
  { id: 'p25', label: { fr: '1er quartile', en: '1st quartile' } },
  { id: 'median', label: { fr: 'Médiane', en: 'Median' } },
  { id: 'p75', label: { fr: '3e quartile', en: '3rd quartile' } },
  ...DECILE_COLUMNS.map((id) => ({ id, label: { fr: id.toUpperCase(), en: id.toUpperCase() } })),
];

/** A row of the tab: a roll-up row without its deciles (the dashboard uses the quartiles). */
export type PeerRow = Omit<RollupRow, 'deciles'>;

/** Where a KPI's value stands among the network's clubs. */
export interface PeerPosition extends PeerRow {
  /** 1 to 4, from the lowest values up. */
  quartile: number;
}

/** `0,4`, `0.4`, ` 12 ` or a number cell → a number; anything else null. */
export function numberCell(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(text) ? Number(text) : null;
}

/** Column index by id, from a header of ids or of French or English labels. */
export function peerColumnsOf(header: unknown[]): Map<string, number> {
  const found = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = normalizeLabel(String(cell ?? ''));
    const column = PEER_COLUMNS.find(
      (c) =>
        key === normalizeLabel(c.id) ||
        key === normalizeLabel(c.label.fr) ||
        key === normalizeLabel(c.label.en),
    );
    if (column && !found.has(column.id)) found.set(column.id, i);
  });
  return found;
}

/** One line's row, or why it cannot be used (a sentence key of NETWORK_TEXT.line). */
export function peerRowOf(
  cells: unknown[],
  columns: Map<string, number>,
): { ok: true; row: PeerRow } | { ok: false; reason: keyof typeof LINE_TEXT } {
  const at = (id: string) => (columns.has(id) ? cells[columns.get(id)!] : undefined);
  const kpi = String(at('kpi') ?? '').trim();
  const def = kpiDefinition(kpi);
  if (!def || def.unit === 'list') return { ok: false, reason: 'kpi' };
  const period = String(at('period') ?? '').trim();
  if (!parsePeriod(period)) return { ok: false, reason: 'period' };
  const band = bandFromText(String(at('band') ?? ''));
  if (!band) return { ok: false, reason: 'band' };
  const clubs = numberCell(at('clubs'));
  if (clubs === null || !Number.isInteger(clubs)) return { ok: false, reason: 'clubs' };
  if (clubs < MIN_CLUBS) return { ok: false, reason: 'fewClubs' };
  const [p25, median, p75] = ['p25', 'median', 'p75'].map((id) => numberCell(at(id)));
  if (p25 === null || median === null || p75 === null) return { ok: false, reason: 'quartiles' };
  if (!(p25 <= median && median <= p75)) return { ok: false, reason: 'order' };
  return { ok: true, row: { kpi: def.id, period, band, clubs, p25, median, p75 } };
}

/** Why a line of benchmarks.csv (or of the tab) is left out. */
export const LINE_TEXT = {
  kpi: { fr: 'indicateur inconnu', en: 'unknown KPI' },
  period: { fr: 'période invalide', en: 'invalid period' },
  band: { fr: 'taille de club inconnue', en: 'unknown club size' },
  clubs: { fr: 'nombre de clubs invalide', en: 'invalid number of clubs' },
  fewClubs: {
    fr: `moins de ${MIN_CLUBS} clubs : non publié, pour qu’aucun club ne soit reconnaissable`,
    en: `fewer than ${MIN_CLUBS} clubs: not published, so that no club can be singled out`,
  },
  quartiles: { fr: 'quartiles ou médiane non numériques', en: 'quartiles or median not numbers' },
  order: {
    fr: 'quartiles dans le désordre (p25 ≤ médiane ≤ p75)',
    en: 'quartiles out of order (p25 ≤ median ≤ p75)',
  },
  twice: {
    fr: 'déjà donné plus haut (même indicateur, période et taille)',
    en: 'given above already (same KPI, period and size)',
  },
};

/** The peer table of the club's tabs: (period, KPI, band) → row; empty without the tab. */
export function readPeerTab(tabs: RawTab[]): Map<string, PeerRow> {
  const names = [NETWORK_TAB_NAME.fr, NETWORK_TAB_NAME.en].map(normalizeLabel);
  const tab = tabs.find((t) => names.includes(normalizeLabel(t.name)));
  const table = new Map<string, PeerRow>();
  if (!tab || tab.values.length < 2) return table;
  const columns = peerColumnsOf(tab.values[0]);
  for (const cells of tab.values.slice(1)) {
    const read = peerRowOf(cells, columns);
    if (read.ok) table.set(peerKey(read.row.period, read.row.kpi, read.row.band), read.row);
  }
  return table;
}

export const peerKey = (period: string, kpi: string, band: Band): string => `${period}|${kpi}|${band}`;

/**
 * 1 to 4: at or below p25, at or below the median, at or below p75, above. "At" allows for the 12
 * significant digits benchmarks.csv keeps: a club whose value is the median is in the 2nd quartile.
 */
export function quartileOf(value: number, row: PeerRow): number {
  const atOrBelow = (q: number) => value <= q + 1e-9 * Math.max(1, Math.abs(q));
  if (atOrBelow(row.p25)) return 1;
  if (atOrBelow(row.median)) return 2;
  if (atOrBelow(row.p75)) return 3;
  return 4;
}

/**
 * Puts each KPI's place among its peers on it (`peer`); with `network_colours`, a KPI without
 * target gets the network's median as its benchmark and its status from it.
 */
export function applyPeers(
  kpis: KpiResult[],
  table: Map<string, PeerRow>,
  context: { period: string; band: SizeBand; settings: Settings; lang: Lang },
): void {
  if (table.size === 0) return;
  for (const k of kpis) {
    if (typeof k.value !== 'number') continue;
    const row =
      table.get(peerKey(context.period, k.id, context.band)) ??
      table.get(peerKey(context.period, k.id, 'all'));
    if (!row) continue;
    k.peer = { ...row, quartile: quartileOf(k.value, row) };
    const def = kpiDefinition(k.id);
    if (context.settings.networkColours && k.target === null && def) {
      k.benchmark = {
        value: row.median,
        source: fill(NETWORK_TEXT.peer.source[context.lang], { clubs: row.clubs }),
      };
      k.status = statusOf(def, k.value, k.n, null, k.benchmark);
    }
  }
}

/** The dashboard's peer line: « Réseau : 2e quartile des 148 clubs du réseau (…) ». */
export function peerLine(peer: PeerPosition, lang: Lang, format: (x: number) => string): string {
  const t = NETWORK_TEXT.peer;
  return fill(t.line[lang], {
    colon: lang === 'fr' ? '\u00a0: ' : ': ',
    quartile: t.quartiles[lang][peer.quartile - 1],
    clubs: peer.clubs,
    band: peer.band === 'all' ? '' : fill(t.bandSuffix[lang], { band: BAND_LABELS[peer.band][lang] }),
    median: format(peer.median),
    p25: format(peer.p25),
    p75: format(peer.p75),
  });
}

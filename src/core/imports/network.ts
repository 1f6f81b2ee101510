/**
 * Importing the network's `benchmarks.csv` (issue 22): the roll-up's rows (kpi, period, band,
 * clubs, p25, median, p75, deciles) checked line by line and planned as the new content of the
 * generated tab « Repères réseau » / « Network benchmarks », which the dashboard reads beside the
 * built-in references (src/core/network/peers.ts). The tab is replaced whole: importing the same
 * file twice leaves it as it is, a newer file replaces the older one.
 */

import { fill, type Lang } from '../i18n';
import { kpiDefinition } from '../kpis/catalogue';
import { BAND_LABELS } from '../network/bands';
import {
  LINE_TEXT,
  NETWORK_TAB_NAME,
  numberCell,
  PEER_COLUMNS,
  peerColumnsOf,
  peerKey,
  peerRowOf,
} from '../network/peers';
import { DECILE_COLUMNS } from '../network/rollup';
import { SOURCE_LABELS, say } from './messages';
import type { ImportResult, SkippedLine } from './types';

const TEXT = {
  missing: {
    fr: 'Ce fichier de repères du réseau n’a pas les colonnes {columns}.',
    en: 'This network benchmarks file lacks the columns {columns}.',
  },
  nothing: {
    fr: 'Aucune ligne de repères utilisable dans ce fichier : l’onglet {tab} n’est pas modifié.',
    en: 'No usable benchmark line in this file: the {tab} tab is left as it is.',
  },
  planned: {
    fr: '{count} repère(s) remplacerai(en)t le contenu de l’onglet {tab}',
    en: '{count} benchmark(s) would replace the content of the {tab} tab',
  },
  done: {
    fr: '{count} repère(s) écrit(s) dans l’onglet {tab}',
    en: '{count} benchmark(s) written to the {tab} tab',
  },
  note: {
    fr: 'Le tableau de bord situe chaque indicateur parmi les clubs du réseau à la prochaine actualisation.',
    en: 'The dashboard places each KPI among the network’s clubs at the next refresh.',
  },
};

const REQUIRED = ['kpi', 'period', 'band', 'clubs', 'p25', 'median', 'p75'];

export function planNetworkBenchmarks(rows: string[][], lang: Lang): ImportResult {
  const columns = peerColumnsOf(rows[0]);
  const missing = REQUIRED.filter((id) => !columns.has(id));
  if (missing.length > 0)
    return { ok: false, message: fill(TEXT.missing[lang], { columns: missing.join(', ') }) };
  const tabName = NETWORK_TAB_NAME[lang];
  const skipped: SkippedLine[] = [];
  const out: Array<Array<string | number>> = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const read = peerRowOf(cells, columns);
    const reason = read.ok
      ? seen.has(peerKey(read.row.period, read.row.kpi, read.row.band))
        ? 'twice'
        : null
      : read.reason;
    if (!read.ok || reason) {
      skipped.push({ line, reason: LINE_TEXT[reason ?? 'kpi'][lang] });
      return;
    }
    const r = read.row;
    seen.add(peerKey(r.period, r.kpi, r.band));
    const deciles = DECILE_COLUMNS.map((id) =>
      columns.has(id) ? (numberCell(cells[columns.get(id)!]) ?? '') : '',
    );
    const label = kpiDefinition(r.kpi)!.label[lang];
    out.push([
      r.kpi,
      label,
      r.period,
      BAND_LABELS[r.band][lang],
      r.clubs,
      r.p25,
      r.median,
      r.p75,
      ...deciles,
    ]);
  });
  if (out.length === 0) return { ok: false, message: fill(TEXT.nothing[lang], { tab: tabName }) };
  const count = out.length;
  const sentence = (key: 'planned' | 'done') => {
    let text = fill(TEXT[key][lang], { count, tab: tabName }).replace(/\((s|en)\)/g, count > 1 ? '$1' : '');
    const lines = skipped.length;
    if (lines > 0)
      text += `, ${say(lang, 'summarySkipped', { count: lines }).replace(/\((e?s)\)/g, lines > 1 ? '$1' : '')}`;
    return `${text}.`;
  };
  return {
    ok: true,
    plan: {
      source: 'network_benchmarks',
      sourceLabel: SOURCE_LABELS.network_benchmarks[lang],
      additions: [],
      skipped,
      notes: [TEXT.note[lang]],
      generated: {
        names: NETWORK_TAB_NAME,
        tabName,
        header: PEER_COLUMNS.map((c) => c.label[lang]),
        rows: out,
      },
      summary: sentence('done'),
      plannedSummary: sentence('planned'),
    },
  };
}

/**
 * The History tab (SPEC §5): one row per (period, KPI), the rows of the refreshed period replaced,
 * the others kept, sorted by period label so that refreshing twice changes nothing. The rows of a
 * period are the KPI set it was refreshed with (issue 18): a KPI switched off since keeps its rows
 * — even those of the period refreshed now — so its past survives; switched on again, its rows
 * are refreshed like the others.
 */

import type { Report } from './compute';
import type { Bilingual, Lang } from './i18n';
import type { LayoutValue } from './layout';

export const HISTORY_NAME: Bilingual = { fr: 'Historique', en: 'History' };

export const HISTORY_HEADER: Record<Lang, string[]> = {
  fr: ['Période', 'KPI', 'Indicateur', 'Valeur', 'Précédent', 'Évolution', 'n', 'Unité', 'Statut'],
  en: ['Period', 'KPI', 'Indicator', 'Value', 'Previous', 'Change', 'n', 'Unit', 'Status'],
};

const plain = (v: number | string[] | null): LayoutValue =>
  v === null ? null : Array.isArray(v) ? v.join(', ') : v;

/** The new History grid (header first) from the tab's current values (header first, or empty). */
export function mergeHistory(existing: unknown[][], report: Report): LayoutValue[][] {
  const label = report.period.label;
  const refreshed = new Set(report.kpis.map((k) => k.id));
  const kept = existing
    .slice(1)
    .filter(
      (row) =>
        row.some((v) => v !== '' && v !== null) &&
        (String(row[0] ?? '') !== label || !refreshed.has(String(row[1] ?? ''))),
    )
    .map((row) =>
      HISTORY_HEADER.fr.map((_, i) =>
        row[i] === '' || row[i] === undefined ? null : (row[i] as LayoutValue),
      ),
    );
  const fresh: LayoutValue[][] = report.kpis.map((k) => [
    label,
    k.id,
    k.label,
    plain(k.value),
    plain(k.previous),
    k.delta,
    k.n,
    k.unit,
    k.status,
  ]);
  const rows = [...kept, ...fresh].map((row, index) => ({ row, index }));
  rows.sort((a, b) => String(a.row[0]).localeCompare(String(b.row[0])) || a.index - b.index);
  return [HISTORY_HEADER[report.lang], ...rows.map((r) => r.row)];
}

/**
 * The anonymous network snapshot (issue 22): what one club hands its network's coordinator for one
 * period — a random club id made once per club, the network id (Settings `network_id`), its size
 * band, the currency of its money KPIs, and the value, n and unit of each numeric KPI of the
 * catalogue (SPEC §3; lists and custom KPIs left out). Nothing else: no names, no e-mails, no rows,
 * no details. `validateSnapshot` is the coordinator's gate: any other shape is refused with one
 * reason, and a snapshot carrying any field beyond these is refused, so nothing personal travels
 * in it by mistake.
 */

import type { Report } from '../compute';
import { fill, type Lang } from '../i18n';
import { CATALOGUE, kpiDefinition } from '../kpis/catalogue';
import type { KpiContext, Unit } from '../kpis/types';
import { parsePeriod } from '../periods';
import { SIZE_BANDS, type SizeBand, sizeBandOf } from './bands';
import { NETWORK_TEXT } from './messages';

export const SNAPSHOT_VERSION = 1;

export interface SnapshotKpi {
  id: string;
  value: number;
  n: number;
  unit: Unit;
}

export interface Snapshot {
  schema_version: number;
  club_id: string;
  network_id: string;
  size_band: SizeBand;
  period: string;
  /** ISO 4217 code of the money KPIs (Settings `currency`). */
  currency: string;
  kpis: SnapshotKpi[];
}

const FIELDS = ['schema_version', 'club_id', 'network_id', 'size_band', 'period', 'currency', 'kpis'];
const KPI_FIELDS = ['id', 'value', 'n', 'unit'];
/** A club id: letters, digits, `-` and `_` (what `newClubId` makes is 36 characters). */
const CLUB_ID = /^[A-Za-z0-9_-]{8,64}$/;
const NETWORK_ID_MAX = 100;

/** The numeric KPIs a snapshot carries: the catalogue without lists. */
export const SNAPSHOT_KPIS = CATALOGUE.filter((def) => def.unit !== 'list');

/**
 * The snapshot of a computed report. Every numeric KPI of the catalogue is measured for the period
 * (a KPI the club turned off in `enabled_kpis` too: the network compares them all); a KPI without
 * data is left out, never sent as 0.
 */
export function buildSnapshot(report: Report, clubId: string): Snapshot {
  const ctx: KpiContext = {
    club: report.club,
    period: report.period,
    today: report.today,
    settings: report.settings,
    lang: report.lang,
    memo: new Map(),
  };
  const kpis: SnapshotKpi[] = [];
  let active = 0;
  for (const def of SNAPSHOT_KPIS) {
    const measure = def.compute(ctx);
    if (def.id === 'active_members' && typeof measure.value === 'number') active = measure.value;
    if (typeof measure.value !== 'number' || !Number.isFinite(measure.value)) continue;
    kpis.push({ id: def.id, value: measure.value, n: measure.n, unit: def.unit });
  }
  return {
    schema_version: SNAPSHOT_VERSION,
    club_id: clubId,
    network_id: report.settings.networkId,
    size_band: sizeBandOf(active),
    period: report.period.label,
    currency: report.settings.currency,
    kpis,
  };
}

export type SnapshotCheck = { ok: true; snapshot: Snapshot } | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a parsed JSON value against the snapshot schema; the reason is one sentence in `lang`. */
export function validateSnapshot(value: unknown, lang: Lang): SnapshotCheck {
  const t = NETWORK_TEXT.reject;
  const no = (key: keyof typeof t, values: Record<string, string | number> = {}): SnapshotCheck => ({
    ok: false,
    reason: fill(t[key][lang], values),
  });
  if (!isObject(value)) return no('notObject');
  const extra = Object.keys(value).find((k) => !FIELDS.includes(k));
  if (extra !== undefined) return no('extraField', { field: extra.slice(0, 40) });
  const missing = FIELDS.find((k) => !(k in value));
  if (missing !== undefined) return no('missingField', { field: missing });
  const v = value;
  if (v.schema_version !== SNAPSHOT_VERSION) return no('version', { version: SNAPSHOT_VERSION });
  if (typeof v.club_id !== 'string' || !CLUB_ID.test(v.club_id)) return no('clubId');
  if (typeof v.network_id !== 'string' || v.network_id.length > NETWORK_ID_MAX) return no('networkId');
  if (typeof v.size_band !== 'string' || !SIZE_BANDS.includes(v.size_band as SizeBand))
    return no('band', { bands: SIZE_BANDS.join(', ') });
  if (typeof v.period !== 'string' || parsePeriod(v.period) === null || v.period.trim() !== v.period)
    return no('period');
  if (typeof v.currency !== 'string' || !/^[A-Z]{3}$/.test(v.currency)) return no('currency');
  if (!Array.isArray(v.kpis)) return no('kpisList');
  if (v.kpis.length > SNAPSHOT_KPIS.length) return no('tooManyKpis', { max: SNAPSHOT_KPIS.length });
  const seen = new Set<string>();
  const kpis: SnapshotKpi[] = [];
  for (const [i, k] of v.kpis.entries()) {
    const at = i + 1;
    if (!isObject(k) || Object.keys(k).some((f) => !KPI_FIELDS.includes(f))) return no('kpiShape', { at });
    const def = typeof k.id === 'string' ? kpiDefinition(k.id) : undefined;
    if (!def || def.unit === 'list') return no('kpiUnknown', { at, id: String(k.id).slice(0, 40) });
    if (seen.has(def.id)) return no('kpiTwice', { id: def.id });
    seen.add(def.id);
    if (typeof k.value !== 'number' || !Number.isFinite(k.value)) return no('kpiValue', { id: def.id });
    if (typeof k.n !== 'number' || !Number.isInteger(k.n) || k.n < 0) return no('kpiN', { id: def.id });
    if (k.unit !== def.unit) return no('kpiUnit', { id: def.id, unit: def.unit });
    kpis.push({ id: def.id, value: k.value, n: k.n, unit: def.unit });
  }
  return {
    ok: true,
    snapshot: {
      schema_version: SNAPSHOT_VERSION,
      club_id: v.club_id,
      network_id: v.network_id,
      size_band: v.size_band as SizeBand,
      period: v.period,
      currency: v.currency,
      kpis,
    },
  };
}

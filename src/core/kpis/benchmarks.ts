/**
 * Built-in benchmarks with their sources (SPEC §5); Settings `benchmark.<id>` overrides them, and
 * the status rule (SPEC §12): a target (else the benchmark) decides green/amber/red within a band
 * that depends on the unit; grey without a value or on a sample under 5; none without either.
 */

import type { Settings } from '../settings';
import type { Benchmark, KpiDefinition, Status } from './types';

const MGI = {
  fr: 'MGI Membership Marketing Benchmarking Report 2019 (médiane)',
  en: 'MGI Membership Marketing Benchmarking Report 2019 (median)',
};
const SYNREZO = {
  fr: 'Synrezo (réseaux d’affaires français)',
  en: 'Synrezo (French business networks)',
};

/** Built-in benchmarks, each source worded in both languages (a French club reads no English). */
const BUILT_IN: Record<string, { value: number; source: { fr: string; en: string } }> = {
  renewal_rate: { value: 0.85, source: MGI },
  first_year_renewal_rate: { value: 0.74, source: MGI },
  nps: {
    value: 21,
    source: { fr: 'Enquête 2025 auprès de 46 associations', en: '2025 survey of 46 associations' },
  },
  email_open_rate: {
    value: 0.286,
    source: { fr: 'M+R Benchmarks 2025 (associations)', en: 'M+R Benchmarks 2025 (nonprofits)' },
  },
  email_click_rate: {
    value: 0.035,
    source: { fr: 'Campaign Monitor 2020 (associations)', en: 'Campaign Monitor 2020 (nonprofits)' },
  },
  show_up_rate: {
    value: 0.72,
    source: {
      fr: 'PheedLoop (taux médian d’absence aux événements gratuits : 28 %)',
      en: 'PheedLoop (median no-show rate of free events: 28%)',
    },
  },
  churn_rate: {
    value: 0.15,
    source: {
      fr: 'Complément de la référence de renouvellement (MGI 2019)',
      en: 'Complement of the renewal benchmark (MGI 2019)',
    },
  },
  participation_rate: { value: 0.75, source: SYNREZO },
  guest_conversion_rate: { value: 0.3, source: SYNREZO },
};

export const MIN_SAMPLE = 5;

export function benchmarkOf(id: string, settings: Settings, lang: 'fr' | 'en'): Benchmark | null {
  const own = settings.benchmarks[id];
  if (own !== undefined)
    return { value: own, source: lang === 'fr' ? 'Paramètres du club' : 'Club settings' };
  const built = BUILT_IN[id];
  return built ? { value: built.value, source: built.source[lang] } : null;
}

/** The tolerance below a target that is still amber. */
export function bandOf(def: KpiDefinition, target: number): number {
  switch (def.unit) {
    case 'ratio':
      return 0.05;
    case 'nps':
      return 10;
    case 'mean_1_5':
      return 0.25;
    default:
      return Math.abs(target) * 0.1;
  }
}

export function statusOf(
  def: KpiDefinition,
  value: number | string[] | null,
  n: number,
  target: number | null,
  benchmark: Benchmark | null,
): Status | null {
  const reference = target ?? benchmark?.value ?? null;
  if (reference === null) return null;
  if (typeof value !== 'number' || n < MIN_SAMPLE) return 'grey';
  const band = bandOf(def, reference);
  if (def.lowerIsBetter) {
    if (value <= reference) return 'green';
    return value <= reference + band ? 'amber' : 'red';
  }
  if (value >= reference) return 'green';
  return value >= reference - band ? 'amber' : 'red';
}

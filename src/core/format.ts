/**
 * KPI values as a club reads them, in the spreadsheet's language: `40,0 %`, `+21`, `4,35 / 5`,
 * `12 500 €`, deltas with their sign and unit (`+5,0 pts`), "pas de données" for no data. Used by
 * the sidebar summary and the dashboard's text cells; the dashboard's numbers keep number formats.
 */

import type { Lang } from './i18n';
import type { DisplayUnit, GoodDirection } from './kpis/types';

const NO_DATA = { fr: 'pas de données', en: 'no data' };

/**
 * Intl's number format for a language and a number of decimals, made once: making one costs about
 * as much as formatting a thousand numbers with it, and Apps Script runs the whole script (its
 * top-level tables included) again for every execution (issue 21).
 */
const intlFormats = new Map<string, Intl.NumberFormat>();

function intlFormatOf(lang: Lang, minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${lang}|${minDecimals}|${maxDecimals}`;
  let format = intlFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
    });
    intlFormats.set(key, format);
  }
  return format;
}

/** Intl's text; French thousands, which Intl writes with a narrow no-break space, get a plain one. */
function written(value: number, lang: Lang, minDecimals: number, maxDecimals: number): string {
  return intlFormatOf(lang, minDecimals, maxDecimals)
    .format(value)
    .replace(/\u202f/g, '\u00a0');
}

/** A number with up to `maxDecimals` decimals (`1,5`, `50`). */
export function formatUpTo(value: number, lang: Lang, maxDecimals: number): string {
  return written(value, lang, 0, maxDecimals);
}

export function formatNumber(value: number, lang: Lang, decimals: number): string {
  return written(value, lang, decimals, decimals);
}

export const CURRENCY_SYMBOLS: Record<string, string> = {
  EUR: '€',
  USD: '$',
  GBP: '£',
  CHF: 'CHF',
  CAD: '$',
};

export function formatMoney(value: number, lang: Lang, currency = 'EUR'): string {
  const symbol = CURRENCY_SYMBOLS[currency] ?? currency;
  const amount = formatNumber(value, lang, Math.abs(value) >= 1000 || Number.isInteger(value) ? 0 : 2);
  return lang === 'fr' ? `${amount}\u00a0${symbol}` : `${symbol}${amount}`;
}

/** An amount with its cents: `6,39 €`, `€6.39`. */
function formatMoneyCents(value: number, lang: Lang, currency: string): string {
  const symbol = CURRENCY_SYMBOLS[currency] ?? currency;
  const amount = formatNumber(value, lang, 2);
  return lang === 'fr' ? `${amount}\u00a0${symbol}` : `${symbol}${amount}`;
}

/** A KPI value, or "pas de données" / "no data". */
export function formatKpiValue(
  value: number | string[] | null,
  unit: DisplayUnit,
  lang: Lang,
  currency = 'EUR',
): string {
  if (value === null) return NO_DATA[lang];
  if (Array.isArray(value)) return value.join(', ');
  switch (unit) {
    case 'ratio':
      return `${formatNumber(value * 100, lang, 1)}\u00a0%`;
    case 'nps':
      return `${value > 0 ? '+' : ''}${formatNumber(value, lang, 0)}`;
    case 'mean_1_5':
      return `${formatNumber(value, lang, 2)} / 5`;
    case 'money':
      return formatMoney(value, lang, currency);
    case 'money_per_money':
      return formatMoneyCents(value, lang, currency);
    case 'count':
      return formatNumber(value, lang, 0);
    case 'hours':
      return `${formatNumber(value, lang, 0)}\u00a0h`;
    default:
      return formatNumber(value, lang, 1);
  }
}

/** A delta in the KPI's unit: rates in points (`+5,0 pts`), NPS in points, money in currency. */
export function formatDelta(delta: number | null, unit: DisplayUnit, lang: Lang, currency = 'EUR'): string {
  if (delta === null || unit === 'list') return '';
  const shown = shownDelta(delta, unit);
  const sign = shown > 0 ? '+' : shown < 0 ? '−' : '±';
  const abs = Math.abs(shown);
  switch (unit) {
    case 'ratio':
      return `${sign}${formatNumber(abs * 100, lang, 1)}\u00a0pts`;
    case 'nps':
      return `${sign}${formatNumber(abs, lang, 0)}\u00a0pts`;
    case 'mean_1_5':
      return `${sign}${formatNumber(abs, lang, 2)}`;
    case 'money':
      return `${sign}${formatMoney(abs, lang, currency)}`;
    case 'money_per_money':
      return `${sign}${formatMoneyCents(abs, lang, currency)}`;
    case 'count':
      return `${sign}${formatNumber(abs, lang, 0)}`;
    case 'hours':
      return `${sign}${formatNumber(abs, lang, 0)}\u00a0h`;
    default:
      return `${sign}${formatNumber(abs, lang, 1)}`;
  }
}

/** Decimals a delta is shown with, in the KPI's own unit (rates: 0.1 point = 0.001). */
const DELTA_DECIMALS: Partial<Record<DisplayUnit, number>> = {
  ratio: 3,
  nps: 0,
  mean_1_5: 2,
  money: 0,
  // Shown in cents: rounding to one decimal first would print 1.26 as « +1,30 € ».
  money_per_money: 2,
  count: 0,
  hours: 0,
};

/** The delta as it is shown: rounded to its displayed precision (a −0.0004 rate change is ±0.0 pt). */
export function shownDelta(delta: number, unit: DisplayUnit): number {
  const factor = 10 ** (DELTA_DECIMALS[unit] ?? 1);
  const rounded = Math.round(Math.abs(delta) * factor) / factor;
  return rounded === 0 ? 0 : Math.sign(delta) * rounded;
}

/**
 * Whether a change is good news, given the direction the KPI calls good; flat when it shows as zero
 * or when neither direction is good (a cost).
 */
export function trendOf(
  delta: number | null,
  unit: DisplayUnit,
  good: GoodDirection,
): 'good' | 'bad' | 'flat' | null {
  if (delta === null || unit === 'list') return null;
  const shown = shownDelta(delta, unit);
  if (shown === 0 || good === 'neither') return 'flat';
  return shown > 0 === (good === 'up') ? 'good' : 'bad';
}

/** `15/03/2026` or `15 Mar 2026`-style short date for a `yyyy-MM-dd`. */
export function formatIsoDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-');
  return lang === 'fr' ? `${d}/${m}/${y}` : `${d}/${m}/${y}`;
}

/**
 * The Sheets number format of a KPI value cell: thousands grouped everywhere (`1 728,5 %`) and the
 * currency glued to its amount by a no-break space inside the quoted literal, so `257 800 €` never
 * wraps in a narrow cell. Sheets shows a quoted literal as written and the `,` as the locale's
 * grouping separator: https://developers.google.com/sheets/api/guides/formats
 */
export function numberFormatOf(unit: DisplayUnit, currency = 'EUR'): string {
  const symbol = CURRENCY_SYMBOLS[currency] ?? currency;
  switch (unit) {
    case 'ratio':
      return '#,##0.0%';
    case 'nps':
      return '+#,##0;-#,##0;0';
    case 'mean_1_5':
      return '0.00';
    case 'money':
      return `#,##0"\u00a0${symbol}"`;
    case 'money_per_money':
      return `#,##0.00"\u00a0${symbol}"`;
    case 'count':
      return '#,##0';
    case 'hours':
      return `#,##0"\u00a0h"`;
    default:
      return '#,##0.0';
  }
}

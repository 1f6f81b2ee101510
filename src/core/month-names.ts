/**
 * Month names in the club's language: one table for sentences (« en mars 2026 ») and for chart axes
 * (« mars 2026 », "Mar 2026"), so a board never reads an ISO month such as "2026-03" on a chart.
 */

import type { Lang } from './i18n';
import type { Period } from './periods';

const LONG = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** The abbreviations of the Académie / Imprimerie nationale usage, and English's three letters. */
const SHORT = {
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** The full name of month `month` (1–12). */
export function monthName(month: number, lang: Lang): string {
  return LONG[lang][month - 1];
}

/** A month period's label on a chart axis: « mars 2026 », "Mar 2026"; other periods keep their label. */
export function monthAxisLabel(period: Period, lang: Lang): string {
  if (period.kind !== 'month') return period.label;
  return `${SHORT[lang][Number(period.label.slice(5, 7)) - 1]} ${period.label.slice(0, 4)}`;
}

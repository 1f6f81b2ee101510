/**
 * The two languages of Club Pulse. French first: every text a club sees exists in both. `Lang` is
 * decided once per run from the Settings tab (`language`) or else the spreadsheet locale.
 */

export type Lang = 'fr' | 'en';

/** A text in both languages. */
export interface Bilingual {
  fr: string;
  en: string;
}

/** The language of a spreadsheet locale: French for fr_*, English otherwise. */
export function langOfLocale(locale: string): Lang {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}

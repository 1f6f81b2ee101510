/** The wording helpers the rules share: both languages at once, rates, lists of names, format labels. */

import { formatKpiValue } from '../format';
import type { Lang } from '../i18n';
import type { Member } from '../model';
import { EVENT_FORMATS } from '../schema';

/** How many names a text lists before "and N more". */
const NAMES_SHOWN = 5;

export const both = (make: (lang: Lang) => string): { fr: string; en: string } => ({
  fr: make('fr'),
  en: make('en'),
});

/** The text for one or for several, in `lang`. */
export function byCount(count: number, lang: Lang, texts: Record<Lang, [one: string, many: string]>): string {
  return texts[lang][count === 1 ? 0 : 1];
}

export const pct = (v: number, lang: Lang): string => formatKpiValue(v, 'ratio', lang);

export function memberName(m: Member): string {
  return `${m.firstName} ${m.lastName}`.trim() || m.id;
}

/** `Alice Martin, Bruno Petit … et 3 autres`. */
export function names(list: string[], lang: Lang): string {
  const shown = list.slice(0, NAMES_SHOWN).join(', ');
  const rest = list.length - NAMES_SHOWN;
  if (rest <= 0) return shown;
  return lang === 'fr' ? `${shown} et ${rest} autre${rest > 1 ? 's' : ''}` : `${shown} and ${rest} more`;
}

export function formatLabel(format: string, lang: Lang): string {
  return EVENT_FORMATS.find((f) => f.id === format)?.label[lang] ?? format;
}

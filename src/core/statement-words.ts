/**
 * One member's statement (statements.ts) in the club's words, each figure with its unit — counts
 * as counts, amounts in the club's currency, business per euro of dues with its cents — and the
 * period in words. Shared by the renewal e-mails (renewal.ts) and the printable statement page
 * (statement-html.ts), so that a member reads the same lines in both.
 */

import { type Day, isoOf } from './dates';
import { formatKpiValue } from './format';
import { type Bilingual, fill, type Lang } from './i18n';
import type { MemberStatement } from './statements';

export interface StatementLine {
  label: string;
  value: string;
}

const LABELS: Array<{
  label: Bilingual;
  value: (s: MemberStatement, lang: Lang, currency: string) => string;
}> = [
  { label: { fr: 'Événements suivis', en: 'Events attended' }, value: (s, l) => count(s.eventsAttended, l) },
  {
    label: { fr: 'Recommandations données', en: 'Referrals given' },
    value: (s, l) => count(s.referralsGiven, l),
  },
  {
    label: { fr: 'Recommandations reçues', en: 'Referrals received' },
    value: (s, l) => count(s.referralsReceived, l),
  },
  {
    label: { fr: 'Affaires reçues', en: 'Business received' },
    value: (s, l, c) => formatKpiValue(s.businessReceived, 'money', l, c),
  },
  {
    label: { fr: 'Affaires apportées aux autres', en: 'Business brought to others' },
    value: (s, l, c) => formatKpiValue(s.businessGiven, 'money', l, c),
  },
  { label: { fr: 'Contenus partagés', en: 'Contents shared' }, value: (s, l) => count(s.contents, l) },
  {
    label: { fr: 'Cotisation payée', en: 'Dues paid' },
    value: (s, l, c) => formatKpiValue(s.duesPaid, 'money', l, c),
  },
  {
    label: { fr: 'Affaires reçues par euro de cotisation', en: 'Business received per euro of dues' },
    value: (s, l, c) =>
      s.businessPerDuesEuro === null
        ? NO_DUES[l]
        : formatKpiValue(s.businessPerDuesEuro, 'money_per_money', l, c),
  },
];

const NO_DUES: Bilingual = { fr: '— (aucune cotisation payée)', en: '— (no dues paid)' };

const count = (n: number, lang: Lang): string => formatKpiValue(n, 'count', lang);

/** The statement's figures, in order, each with its unit. */
export function statementLines(s: MemberStatement, lang: Lang, currency: string): StatementLine[] {
  return LABELS.map((l) => ({ label: l.label[lang], value: l.value(s, lang, currency) }));
}

const LINE: Bilingual = { fr: '- {label} : {value}', en: '- {label}: {value}' };

/** The figures as lines of plain text (the `{bilan}` field of the renewal e-mails). */
export function statementText(s: MemberStatement, lang: Lang, currency: string): string {
  return statementLines(s, lang, currency)
    .map((line) => fill(LINE[lang], { label: line.label, value: line.value }))
    .join('\n');
}

const PERIOD: Bilingual = { fr: 'du {start} au {end}', en: 'from {start} to {end}' };

/** `15/03/2026`, the way a club reads a date in both languages (the add-on's other texts do the same). */
export function dayText(day: Day): string {
  const [y, m, d] = isoOf(day).split('-');
  return `${d}/${m}/${y}`;
}

/** `du 01/01/2026 au 31/12/2026` / `from 01/01/2026 to 31/12/2026`. */
export function periodText(start: Day, end: Day, lang: Lang): string {
  return fill(PERIOD[lang], { start: dayText(start), end: dayText(end) });
}

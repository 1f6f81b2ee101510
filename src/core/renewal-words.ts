/**
 * The renewal season in the board's words, for the Dashboard tab (issue 20): where the statements
 * stand while they go — sent, waiting, left out and why — and, once the new term has started, the
 * members to call: those reminded who still have not paid, and those who cannot be written to. It
 * follows the payments: a member who pays leaves the list at the next refresh.
 */

import { dayFromIso } from './dates';
import { type Bilingual, fill, type Lang } from './i18n';
import type { RenewalPlan, RenewalSkipReason } from './renewal';
import { dayText } from './statement-words';

const T = {
  statements: {
    fr: 'Renouvellement {term} : {sent} bilan(s) envoyé(s), {waiting} en attente{skipped}.',
    en: 'Renewal {term}: {sent} statement(s) sent, {waiting} waiting{skipped}.',
  },
  skipped: { fr: ' ; non envoyés : {list}', en: '; not sent: {list}' },
  reminders: {
    fr: 'Renouvellement {term} : {sent} rappel(s) envoyé(s), {waiting} en attente{skipped}.',
    en: 'Renewal {term}: {sent} reminder(s) sent, {waiting} waiting{skipped}.',
  },
  toCall: {
    fr: '☎ Renouvellement {term} : {n} membre(s) à appeler, cotisation toujours pas payée : {list}',
    en: '☎ Renewal {term}: {n} member(s) to call, dues still unpaid: {list}',
  },
  noDues: {
    fr: 'Renouvellement {term} : pas d’onglet Cotisations, donc ni rappel ni liste à appeler.',
    en: 'Renewal {term}: no Dues tab, so no reminder and no list to call.',
  },
  reminded: { fr: 'rappel le {day}', en: 'reminded on {day}' },
  more: { fr: '… et {n} autre(s)', en: '… and {n} more' },
};

const REASONS: Record<RenewalSkipReason, Bilingual> = {
  erased: { fr: '{n} effacé(s)', en: '{n} erased' },
  no_address: { fr: '{n} sans adresse e-mail', en: '{n} without an e-mail address' },
  no_email: { fr: '{n} « pas d’e-mail »', en: '{n} "no e-mail"' },
};
const CALL_REASONS: Record<'no_address' | 'no_email', Bilingual> = {
  no_address: { fr: 'pas d’adresse e-mail', en: 'no e-mail address' },
  no_email: { fr: '« pas d’e-mail »', en: '"no e-mail"' },
};

/** Names shown in one line of the dashboard before « … et N autre(s) ». */
const MAX_NAMES = 15;

function skippedText(plan: RenewalPlan, lang: Lang): string {
  const counts = new Map<RenewalSkipReason, number>();
  for (const s of plan.skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  if (counts.size === 0) return '';
  const list = [...counts].map(([reason, n]) => fill(REASONS[reason][lang], { n })).join(', ');
  return fill(T.skipped[lang], { list });
}

/** The lines of the Dashboard tab: none when renewal is off or out of season. */
export function renewalNotes(plan: RenewalPlan, lang: Lang): string[] {
  if (!plan.on) return [];
  const term = plan.window.termLabel;
  const lines: string[] = [];
  const phase = plan.window.phase;
  if (phase === 'reminders' && plan.noDues) return [fill(T.noDues[lang], { term })];
  if (phase !== 'none') {
    const counts = { term, sent: plan.sent, waiting: plan.mails.length, skipped: skippedText(plan, lang) };
    lines.push(fill(phase === 'statements' ? T.statements[lang] : T.reminders[lang], counts));
  }
  if (plan.toCall.length > 0) {
    const names = plan.toCall.slice(0, MAX_NAMES).map((c) => {
      const name = `${c.member.firstName} ${c.member.lastName}`.trim() || c.member.id;
      const day = c.remindedOn ? dayFromIso(c.remindedOn) : null;
      const why =
        c.reason === 'reminded'
          ? fill(T.reminded[lang], { day: day === null ? (c.remindedOn ?? '') : dayText(day) })
          : CALL_REASONS[c.reason][lang];
      return `${name} (${why})`;
    });
    const more = plan.toCall.length - names.length;
    const list = names.join(', ') + (more > 0 ? fill(T.more[lang], { n: more }) : '');
    lines.push(fill(T.toCall[lang], { term, n: plan.toCall.length, list }));
  }
  return lines;
}

/**
 * One member's statement as a printable page (issue 20): what a board member prints for a member
 * before the renewal — the same figures, units and period as the renewal e-mails
 * (statement-words.ts), on the page layout of the member-data export (printable-page.ts), with the
 * renewal link of Settings. Every text from the workbook is escaped.
 */

import type { MemberStatementResult } from './api';
import { type Day, isoOf } from './dates';
import { fill, type Lang } from './i18n';
import { lookupMember } from './member-data';
import type { Club } from './model';
import { type Period, parsePeriod } from './periods';
import { htmlText, printablePage } from './printable-page';
import { statementPeriod } from './renewal';
import type { Settings } from './settings';
import { dayText, periodText, statementLines } from './statement-words';
import { memberStatements } from './statements';

const T = {
  title: { fr: 'Bilan de {name}', en: 'Statement of {name}' },
  intro: {
    fr: 'Ce que le réseau{club} a apporté à {name}{company}, {period}. Édité le {today}.',
    en: 'What the network{club} brought {name}{company}, {period}. Printed on {today}.',
  },
  figure: { fr: 'Indicateur', en: 'Figure' },
  value: { fr: 'Valeur', en: 'Value' },
  renew: { fr: 'Renouveler votre adhésion : {link}', en: 'Renew your membership: {link}' },
  badPeriod: {
    fr: 'Période « {p} » non reconnue (ex. 2026, FY2026, 2026-S1, 2026-03).',
    en: 'Period "{p}" not recognised (e.g. 2026, FY2026, 2026-S1, 2026-03).',
  },
  notMember: {
    fr: '{id} n’était pas membre sur la période {period} : pas de bilan.',
    en: '{id} was not a member over {period}: no statement.',
  },
};

export interface StatementPageInput {
  club: Club;
  settings: Settings;
  lang: Lang;
  today: Day;
  member: string;
  period?: string;
}

/** The page, or why there is none (unknown or ambiguous member, bad period, not a member then). */
export function memberStatementPage(input: StatementPageInput): MemberStatementResult {
  const { club, settings, lang, today } = input;
  const found = lookupMember(club, lang, input.member);
  if ('ok' in found) return found;
  const label = String(input.period ?? '').trim();
  const period: Period | null = label
    ? parsePeriod(label, settings.fyStartMonth)
    : statementPeriod(today, settings);
  if (!period)
    return { ok: false, code: 'bad_period', message: fill(T.badPeriod[lang], { p: label.slice(0, 50) }) };
  const end = Math.min(period.end, today);
  const words = end < period.start ? '' : periodText(period.start, end, lang);
  // A fiscal-year period counts that term's dues, as the renewal e-mails do.
  const fiscal = period.kind === 'fiscal_year' ? Number(isoOf(period.start).slice(0, 4)) : null;
  const statement = memberStatements(club, period, today, fiscal).find((s) => s.memberId === found.id);
  if (!statement || !words)
    return {
      ok: false,
      code: 'not_member',
      message: fill(T.notMember[lang], { id: found.id, period: words || period.label }),
    };
  const name = htmlText(statement.name);
  const rows = statementLines(statement, lang, settings.currency)
    .map((l) => `<tr><td>${htmlText(l.label)}</td><td class="n">${htmlText(l.value)}</td></tr>`)
    .join('');
  const link = settings.renewal.link
    ? `<p>${fill(T.renew[lang], { link: `<a href="${htmlText(settings.renewal.link)}">${htmlText(settings.renewal.link)}</a>` })}</p>`
    : '';
  const html = printablePage({
    lang,
    title: fill(T.title[lang], { name }),
    intro: fill(T.intro[lang], {
      club: settings.clubName ? ` ${htmlText(settings.clubName)}` : '',
      name,
      company: statement.company ? ` (${htmlText(statement.company)})` : '',
      period: htmlText(words),
      today: dayText(today),
    }),
    body: `<table><thead><tr><th>${T.figure[lang]}</th><th>${T.value[lang]}</th></tr></thead><tbody>${rows}</tbody></table>${link}`,
  });
  return { ok: true, memberId: found.id, period: words, html };
}

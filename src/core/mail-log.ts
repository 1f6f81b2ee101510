/**
 * The « Journal des envois » / « Mail log » tab as data (issue 17): one row per e-mail Club Pulse
 * sent or did not send — date, kind (invitation, reminder, nudge), survey or nudge, member id,
 * recipient address, outcome, quota left. It is the memory that makes every send exactly-once:
 * a row whose outcome is exactly « envoyé » or « sent » counts as sent, whatever the tab's language;
 * every other outcome says why nothing went. The old hidden `_ClubPulse_Mail` rows (survey,
 * recipient key, kind, day: all sent) are read too, so that nothing is sent again after the change.
 */

import type { Day } from './dates';
import { dayFromIso } from './dates';
import type { Bilingual, Lang } from './i18n';
import { normalizeLabel } from './normalize';
import { MAIL_LOG_TAB } from './schema';
import { logSurveyMail, parseSurveyMailLog, type SurveyMailLog } from './survey-invitations';
import { headerColumns } from './survey-registry';

export type MailKind = 'invitation' | 'reminder' | 'nudge' | 'edition';
export type Outcome = 'sent' | 'refused' | 'no_address' | 'no_email' | 'quota';

/** The subject of a nudge row (a survey row holds its survey id). */
export const NUDGE_SUBJECT: Bilingual = { fr: 'RELANCE', en: 'NUDGE' };

export const KIND_LABELS: Record<MailKind, Bilingual> = {
  invitation: { fr: 'invitation', en: 'invitation' },
  reminder: { fr: 'rappel', en: 'reminder' },
  nudge: { fr: 'relance', en: 'nudge' },
  // Issue 19: the members' edition by e-mail (subject `EDITION-<period>`).
  edition: { fr: 'édition', en: 'edition' },
};

export const OUTCOME_LABELS: Record<Outcome, Bilingual> = {
  sent: { fr: 'envoyé', en: 'sent' },
  refused: { fr: 'refusé : {reason}', en: 'refused: {reason}' },
  no_address: { fr: 'non envoyé : pas d’adresse e-mail', en: 'not sent: no e-mail address' },
  no_email: { fr: 'non envoyé : « pas d’e-mail » demandé', en: 'not sent: "no e-mail" asked' },
  quota: {
    fr: 'non envoyé : quota du jour épuisé, {count} en attente (repris demain)',
    en: 'not sent: daily quota used up, {count} waiting (resumed tomorrow)',
  },
};

export interface MailLogRow {
  date: string;
  kind: MailKind;
  /** Survey id, or the nudge subject. */
  subject: string;
  /** Member id (a fingerprint of the address for an anonymous survey). */
  key: string;
  email: string;
  outcome: string;
  quotaLeft: number | '';
}

export interface MailMemory {
  /** Survey e-mails sent: `${surveyId}|${key}|${kind}` → day (as planInvitations reads it). */
  surveys: SurveyMailLog;
  /** Member id → the last day a nudge was sent. */
  nudges: Map<string, Day>;
  /** `${subject}|${key}|${kind}|${outcome}` of every row: a skip is logged once. */
  logged: Set<string>;
  /** `${subject}|${key}|${kind}|${email}` refused by Gmail: not tried again for the same address. */
  refused: Set<string>;
  /** `${subject}|${key}` of every members' edition e-mail sent (issue 19). */
  editions: Set<string>;
}

const SENT = new Set([normalizeLabel(OUTCOME_LABELS.sent.fr), normalizeLabel(OUTCOME_LABELS.sent.en)]);

function kindOf(text: string): MailKind | null {
  const key = normalizeLabel(text);
  for (const [kind, label] of Object.entries(KIND_LABELS) as Array<[MailKind, Bilingual]>)
    if (key === normalizeLabel(label.fr) || key === normalizeLabel(label.en) || key === kind) return kind;
  return null;
}

function isNudgeSubject(text: string): boolean {
  const key = normalizeLabel(text);
  return key === normalizeLabel(NUDGE_SUBJECT.fr) || key === normalizeLabel(NUDGE_SUBJECT.en);
}

/** Column id → 0-based index of the tab's header (label in either language, or id). */
export function mailLogColumns(header: unknown[]): Map<string, number> {
  return headerColumns(header, MAIL_LOG_NAMES);
}

const MAIL_LOG_NAMES = MAIL_LOG_TAB.columns.map((c) => ({ id: c.id, names: [c.id, c.label.fr, c.label.en] }));

/** Reads the visible tab's grid (header first) and the old hidden log's grid into one memory. */
export function readMailMemory(visible: unknown[][], legacy: unknown[][] = []): MailMemory {
  const memory: MailMemory = {
    surveys: parseSurveyMailLog(legacy),
    nudges: new Map(),
    logged: new Set(),
    refused: new Set(),
    editions: new Set(),
  };
  const columns = mailLogColumns(visible[0] ?? []);
  const cell = (row: unknown[], id: string) => {
    const i = columns.get(id);
    return i === undefined ? '' : String(row[i] ?? '').trim();
  };
  for (const row of visible.slice(1)) {
    const kind = kindOf(cell(row, 'kind'));
    const subject = cell(row, 'subject');
    const key = cell(row, 'member_id');
    if (!kind || !subject || !key) continue;
    const outcome = cell(row, 'outcome');
    const date = cell(row, 'date');
    memory.logged.add(`${subject}|${key}|${kind}|${normalizeLabel(outcome)}`);
    if (!SENT.has(normalizeLabel(outcome))) {
      if (normalizeLabel(outcome).startsWith(normalizeLabel('refus')))
        memory.refused.add(`${subject}|${key}|${kind}|${cell(row, 'email').toLowerCase()}`);
      continue;
    }
    if (kind === 'edition') memory.editions.add(`${subject}|${key}`);
    else if (kind === 'nudge' || isNudgeSubject(subject)) {
      const day = dayFromIso(date.slice(0, 10));
      if (day !== null && day > (memory.nudges.get(key) ?? -Infinity)) memory.nudges.set(key, day);
    } else logSurveyMail(memory.surveys, subject, key, kind, date.slice(0, 10));
  }
  return memory;
}

/** Whether a skip of this outcome was already logged (a skip is written once, a send every time). */
export function alreadyLogged(memory: MailMemory, row: MailLogRow): boolean {
  return memory.logged.has(`${row.subject}|${row.key}|${row.kind}|${normalizeLabel(row.outcome)}`);
}

/** Records a row in the memory, as readMailMemory would read it back. */
export function remember(memory: MailMemory, row: MailLogRow, outcome: Outcome, today: Day): void {
  memory.logged.add(`${row.subject}|${row.key}|${row.kind}|${normalizeLabel(row.outcome)}`);
  if (outcome === 'refused')
    memory.refused.add(`${row.subject}|${row.key}|${row.kind}|${row.email.toLowerCase()}`);
  if (outcome !== 'sent') return;
  if (row.kind === 'nudge') memory.nudges.set(row.key, today);
  else if (row.kind === 'edition') memory.editions.add(`${row.subject}|${row.key}`);
  else logSurveyMail(memory.surveys, row.subject, row.key, row.kind, row.date);
}

/** The outcome text of a row, in the tab's language. */
export function outcomeText(
  outcome: Outcome,
  lang: Lang,
  values: { reason?: string; count?: number } = {},
): string {
  return OUTCOME_LABELS[outcome][lang]
    .replace('{reason}', values.reason ?? '')
    .replace('{count}', String(values.count ?? 0));
}

/** The header of a new Mail log tab. */
export function mailLogHeader(lang: Lang): string[] {
  return MAIL_LOG_TAB.columns.map((c) => c.label[lang]);
}

/** A row laid out by the tab's columns (`text` keeps strings as text). */
export function mailLogLine(
  row: MailLogRow,
  lang: Lang,
  columns: Map<string, number>,
  text: (v: unknown) => unknown,
): unknown[] {
  const values: Record<string, unknown> = {
    date: text(row.date),
    kind: KIND_LABELS[row.kind][lang],
    subject: text(row.subject),
    member_id: text(row.key),
    email: text(row.email),
    outcome: text(row.outcome),
    quota_left: row.quotaLeft,
  };
  const width = Math.max(...columns.values()) + 1;
  const line: unknown[] = Array(width).fill('');
  for (const [id, i] of columns) line[i] = values[id] ?? '';
  return line;
}

/**
 * Who owns the club's automation (issue 20, "automation that survives a change of board"), and
 * whether a daily run acts. Installable triggers "always run under the account of the person who
 * created them" (https://developers.google.com/apps-script/guides/triggers/installable#restrictions)
 * and a user sees and deletes only their own (ScriptApp.getProjectTriggers returns the triggers of
 * "the current project and current user":
 * https://developers.google.com/apps-script/reference/script/script-app#getprojecttriggers). So a
 * board member who takes the automation over installs their own trigger and is recorded as the
 * owner; the former owner's trigger may keep firing, and its runs do nothing but note it.
 *
 * The owner is known by the ids of the triggers they installed (what each run's event carries as
 * `triggerUid`) and, when Google gives it, by their e-mail (Session.getEffectiveUser, which may be
 * blank: https://developers.google.com/apps-script/reference/base/user#getEmail()).
 */

import type { Lang } from './i18n';

export interface AutomationOwner {
  /** The owner's e-mail, '' when Google did not give it. */
  email: string;
  /** yyyy-MM-dd: the day they switched it on or took it over. */
  since: string;
  /** The ids of the daily triggers they installed (`Trigger.getUniqueId()`). */
  triggerIds: string[];
}

export type RunVerdict =
  /** Nobody recorded (switched on before owners were kept): every trigger acts, as before. */
  | 'no_owner'
  /** The run's trigger is the owner's. */
  | 'owner'
  /** Neither the trigger nor the e-mail can tell: it acts (the Mail log keeps it exactly-once). */
  | 'unknown'
  /** A former owner's trigger: the run does nothing but note it. */
  | 'not_owner';

/** Lower-case, trimmed: how two addresses are compared. */
export function sameEmail(a: string, b: string): boolean {
  const x = a.trim().toLowerCase();
  return x !== '' && x === b.trim().toLowerCase();
}

/**
 * Whether the run of the trigger `triggerUid`, running under `runAs` (its creator's e-mail, '' when
 * unknown), acts: yes when nobody is recorded; by trigger id when both are known; else by e-mail
 * when both are known; else yes.
 */
export function runVerdict(owner: AutomationOwner | null, triggerUid: string, runAs: string): RunVerdict {
  if (!owner) return 'no_owner';
  if (triggerUid && owner.triggerIds.length > 0)
    return owner.triggerIds.includes(triggerUid) ? 'owner' : 'not_owner';
  if (runAs.trim() && owner.email.trim()) return sameEmail(runAs, owner.email) ? 'owner' : 'not_owner';
  return 'unknown';
}

export function runActs(verdict: RunVerdict): boolean {
  return verdict !== 'not_owner';
}

/**
 * The addresses of the « Bureau (e-mails) » setting (separated by commas, semicolons, spaces or
 * lines), lower-case, once each; what is not an address is handed back to be reported.
 */
export function boardEmails(text: string): { emails: string[]; invalid: string[] } {
  const tokens = text
    .split(/[\s,;]+/)
    .map((s) => s.trim().replace(/^<|>$/g, ''))
    .filter((s) => s !== '');
  const valid = (s: string) => /^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$/.test(s);
  return {
    emails: [...new Set(tokens.filter(valid).map((s) => s.toLowerCase()))],
    invalid: tokens.filter((s) => !valid(s)),
  };
}

/** True when the club lists its board and the owner's known address is not in it. */
export function ownerOffBoard(owner: AutomationOwner | null, board: string[]): boolean {
  if (!owner || !owner.email.trim() || board.length === 0) return false;
  return !board.some((b) => sameEmail(b, owner.email));
}

/** `yyyy-MM-dd` as the club reads it: dd/MM/yyyy in French. */
function day(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && lang === 'fr' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Who the owner is, in words: their address, or a neutral mention when Google did not give it. */
export function ownerName(owner: AutomationOwner, lang: Lang): string {
  if (owner.email.trim()) return owner.email.trim();
  return lang === 'fr'
    ? 'un membre du bureau (adresse non communiquée par Google)'
    : 'a board member (address not given by Google)';
}

/** The one sentence for the Dashboard tab (and the sidebar) when the owner left the board list. */
export function offBoardNote(owner: AutomationOwner, lang: Lang): string {
  return lang === 'fr'
    ? `Automatisation : son responsable (${ownerName(owner, lang)}, depuis le ${day(owner.since, lang)}) n’est plus dans la liste « Bureau (e-mails) » des Paramètres ; un membre du bureau peut la reprendre depuis le panneau latéral (Enquêtes › Automatisation › Reprendre l’automatisation).`
    : `Automation: its owner (${ownerName(owner, lang)}, since ${day(owner.since, lang)}) is no longer in the "Board (e-mails)" list of Settings; a board member can take it over from the sidebar (Surveys › Automation › Take over the automation).`;
}

/** What the last ignored run of a former owner's trigger says (sidebar). */
export function ignoredRunNote(ignored: { day: string; email: string }, lang: Lang): string {
  const who = ignored.email.trim() || (lang === 'fr' ? 'un ancien responsable' : 'a former owner');
  return lang === 'fr'
    ? `Le déclencheur de ${who} a encore tourné le ${day(ignored.day, lang)} et n’a rien fait (seul son créateur peut le supprimer, en désactivant l’automatisation de son côté).`
    : `The trigger of ${who} still ran on ${day(ignored.day, lang)} and did nothing (only its creator can remove it, by switching the automation off on their side).`;
}

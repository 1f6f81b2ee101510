/**
 * The automation's owner in document properties (issue 20): who switched it on or took it over,
 * since when, and the ids of their daily triggers; the last run of a former owner's trigger that
 * did nothing. Installable triggers "always run under the account of the person who created them"
 * (https://developers.google.com/apps-script/guides/triggers/installable#restrictions), so each run
 * asks whether its trigger is the owner's (core/automation-owner.ts) before doing anything.
 * https://developers.google.com/apps-script/reference/properties/properties-service#getdocumentproperties
 */

import {
  type AutomationOwner,
  offBoardNote,
  ownerOffBoard,
  type RunVerdict,
  runVerdict,
} from '../../core/automation-owner';
import type { Lang } from '../../core/i18n';

const OWNER_KEY = 'clubpulse.automation.owner';
const IGNORED_KEY = 'clubpulse.automation.ignoredRun';

/**
 * The e-mail of the user the script runs as: in a trigger's run its creator, else the user at the
 * keyboard (https://developers.google.com/apps-script/reference/base/session#getEffectiveUser()).
 * '' when Google does not give it (https://developers.google.com/apps-script/reference/base/user#getEmail())
 * or the call fails: the owner is then known by trigger ids only.
 */
export function effectiveEmail(): string {
  try {
    return String(Session.getEffectiveUser().getEmail() ?? '').trim();
  } catch (_e) {
    return '';
  }
}

function parse<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch (_e) {
    return null;
  }
}

export function readOwner(): AutomationOwner | null {
  const o = parse<Partial<AutomationOwner>>(PropertiesService.getDocumentProperties().getProperty(OWNER_KEY));
  if (!o || typeof o !== 'object') return null;
  return {
    email: typeof o.email === 'string' ? o.email : '',
    since: typeof o.since === 'string' ? o.since : '',
    triggerIds: Array.isArray(o.triggerIds) ? o.triggerIds.map(String) : [],
  };
}

export function writeOwner(owner: AutomationOwner | null): void {
  const props = PropertiesService.getDocumentProperties();
  if (owner) props.setProperty(OWNER_KEY, JSON.stringify(owner));
  else props.deleteProperty(OWNER_KEY);
}

/** True when the current user is the recorded owner (by one of their trigger ids, else by e-mail). */
export function ownerIsMe(owner: AutomationOwner | null, myTriggerIds: string[], me: string): boolean {
  if (!owner) return false;
  if (myTriggerIds.some((id) => owner.triggerIds.includes(id))) return true;
  return me !== '' && owner.email.trim().toLowerCase() === me.toLowerCase();
}

/** The `triggerUid` of a time-driven event, '' when absent. */
export function asTriggerUid(e: { triggerUid?: string } | undefined): string {
  return e?.triggerUid ? String(e.triggerUid) : '';
}

export function lastIgnoredRun(): { day: string; email: string } | null {
  return parse(PropertiesService.getDocumentProperties().getProperty(IGNORED_KEY));
}

/**
 * Whether the run of trigger `triggerUid` acts. A former owner's trigger does nothing but note its
 * run (day, its creator's e-mail) for the sidebar: two owners never both send.
 */
export function runMayAct(triggerUid: string, day: string): { acts: boolean; verdict: RunVerdict } {
  const runAs = effectiveEmail();
  const verdict = runVerdict(readOwner(), triggerUid, runAs);
  if (verdict !== 'not_owner') return { acts: true, verdict };
  PropertiesService.getDocumentProperties().setProperty(IGNORED_KEY, JSON.stringify({ day, email: runAs }));
  return { acts: false, verdict };
}

/** The Dashboard tab's sentence when the owner is no longer in the board list (none otherwise). */
export function ownerOffBoardNotes(board: string[], lang: Lang): string[] {
  const owner = readOwner();
  return owner && ownerOffBoard(owner, board) ? [offBoardNote(owner, lang)] : [];
}

/**
 * Where the automation keeps what it needs between runs, and what the sidebar shows: document
 * properties for this document's daily trigger ids (`getUniqueId()`, to find one's own again among
 * `ScriptApp.getProjectTriggers()`) and for the last run / last error — add-on triggers send no
 * failure e-mails (https://developers.google.com/workspace/add-ons/concepts/editor-triggers), so
 * this is how a board member learns that a run failed. User properties map a trigger id to the
 * spreadsheet id, the way back to the document when a time-driven run does not see it
 * (docs/PLATFORM.md). https://developers.google.com/apps-script/reference/properties/properties-service
 */

import type { AutomationRun, AutomationStatus } from '../../core/api';
import { ownerOffBoard } from '../../core/automation-owner';
import { isoOf } from '../../core/dates';
import type { ClubContext } from '../surveys/registry';
import { effectiveEmail, lastIgnoredRun, ownerIsMe, readOwner } from './owner';

export const AUTOMATION_HANDLER = 'onAutomationTick';
const TRIGGERS_KEY = 'clubpulse.automation.triggers';
const RUN_KEY = 'clubpulse.automation.lastRun';
const ERROR_KEY = 'clubpulse.automation.lastError';
const DOC_KEY = 'clubpulse.automation.doc.';

function parse<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch (_e) {
    return fallback;
  }
}

/** The trigger ids installed from this document (by every board member who switched it on). */
export function storedTriggerIds(): string[] {
  return parse<string[]>(PropertiesService.getDocumentProperties().getProperty(TRIGGERS_KEY), []);
}

export function storeTriggerIds(ids: string[]): void {
  PropertiesService.getDocumentProperties().setProperty(TRIGGERS_KEY, JSON.stringify([...new Set(ids)]));
}

/** The spreadsheet a trigger was installed from (for a run that does not see it). */
export function rememberDocument(triggerUid: string, spreadsheetId: string): void {
  PropertiesService.getUserProperties().setProperty(DOC_KEY + triggerUid, spreadsheetId);
}

export function forgetDocument(triggerUid: string): void {
  PropertiesService.getUserProperties().deleteProperty(DOC_KEY + triggerUid);
}

export function documentOf(triggerUid: string): string | null {
  return PropertiesService.getUserProperties().getProperty(DOC_KEY + triggerUid);
}

/** The current user's daily triggers of this document. */
export function myTriggers(): GoogleAppsScript.Script.Trigger[] {
  const ids = new Set(storedTriggerIds());
  return ScriptApp.getProjectTriggers().filter(
    (t) => ids.has(t.getUniqueId()) && t.getHandlerFunction() === AUTOMATION_HANDLER,
  );
}

export function recordRun(run: AutomationRun): void {
  const props = PropertiesService.getDocumentProperties();
  props.setProperty(RUN_KEY, JSON.stringify(run));
  if (run.error) props.setProperty(ERROR_KEY, JSON.stringify({ day: run.day, error: run.error }));
}

export function lastRun(): AutomationRun | null {
  return parse<AutomationRun | null>(PropertiesService.getDocumentProperties().getProperty(RUN_KEY), null);
}

export function statusOf(ctx: ClubContext): AutomationStatus {
  const auto = ctx.settings.automation;
  const owner = readOwner();
  const mine = myTriggers().map((t) => t.getUniqueId());
  return {
    lang: ctx.lang,
    on: auto.on,
    since: auto.since === null ? null : isoOf(auto.since),
    lastEvent: auto.lastEvent,
    installedForMe: mine.length > 0,
    lastRun: lastRun(),
    lastError: lastAutomationError(),
    owner: owner ? { email: owner.email, since: owner.since } : null,
    ownerIsMe: ownerIsMe(owner, mine, effectiveEmail()),
    ownerOffBoard: auto.on && ownerOffBoard(owner, ctx.settings.boardEmails),
    ignoredRun: lastIgnoredRun(),
  };
}

/** The last run that failed, if any, and its error (document properties). */
export function lastAutomationError(): { day: string; error: string } | null {
  return parse(PropertiesService.getDocumentProperties().getProperty(ERROR_KEY), null);
}

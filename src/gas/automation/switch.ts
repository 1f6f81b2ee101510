/**
 * The board member's switch (sidebar, menu, `club-pulse automation --on|--off`): writes the
 * Settings keys (`automatisation`, `automatisation_depuis` the first day it is on, and
 * `automatisation_dernier_evenement` when asked), creates the Templates tab, and installs or
 * removes this user's one daily time-driven trigger for this document.
 *
 * An add-on may hold one trigger of each kind per user per document, 20 per user in all, and its
 * time-driven triggers run at most hourly: https://developers.google.com/workspace/add-ons/concepts/editor-triggers
 * and https://developers.google.com/apps-script/guides/services/quotas. Two board members who
 * both switch it on get two daily runs; the Mail log, written under the document lock, makes the
 * second send nothing already sent. A trigger is created with
 * https://developers.google.com/apps-script/reference/script/clock-trigger-builder#everydaysn and
 * found again by its id (https://developers.google.com/apps-script/reference/script/trigger#getuniqueid),
 * kept in document properties. Test deployments of an add-on cannot install triggers ("Installable
 * triggers aren't supported when testing": https://developers.google.com/workspace/add-ons/how-tos/testing-editor-addons):
 * the switch then says so and the rest still works by hand (`club-pulse tick` locally).
 */

import type { AutomationRequest, AutomationResult } from '../../core/api';
import { ownerName } from '../../core/automation-owner';
import { AUTOMATION_KEYS, type AutomationSettings } from '../../core/automation-settings';
import { fill, type Lang } from '../../core/i18n';
import { normalizeLabel } from '../../core/normalize';
import { tabSpec } from '../../core/schema';
import { withDocumentLock } from '../lock';
import { asText } from '../sheets';
import { busyOf, type ClubContext, findTab, loadClub } from '../surveys/registry';
import { ensureTemplatesTab } from '../templates';
import { effectiveEmail, ownerIsMe, readOwner, writeOwner } from './owner';
import {
  AUTOMATION_HANDLER,
  forgetDocument,
  myTriggers,
  rememberDocument,
  statusOf,
  storedTriggerIds,
  storeTriggerIds,
} from './status';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What the switch says, French and English. */
const TEXT = {
  triggerFailed: {
    fr: 'Le déclencheur quotidien n’a pas pu être installé ({reason}). Un déploiement de test du module ne peut pas installer de déclencheur : installez le module publié, ou lancez les envois à la main depuis le panneau Enquêtes.',
    en: 'The daily trigger could not be installed ({reason}). A test deployment of the add-on cannot install triggers: install the published add-on, or send from the Surveys panel by hand.',
  },
  ownedByAnother: {
    fr: 'L’automatisation a déjà un responsable ({owner}) : votre déclencheur est installé mais ne fera rien tant que vous ne l’avez pas reprise (« Reprendre l’automatisation »).',
    en: 'The automation already has an owner ({owner}): your trigger is installed but does nothing until you take it over ("Take over the automation").',
  },
  offMineOnly: {
    fr: 'Vos déclencheurs sont supprimés, et seulement les vôtres : l’automatisation reste active au nom de {owner}.',
    en: 'Your triggers are removed, and only yours: the automation stays on under {owner}.',
  },
  offClub: {
    fr: 'Automatisation désactivée. Seuls vos déclencheurs sont supprimés : ceux d’un autre membre du bureau restent à son nom (Google ne laisse que leur créateur les supprimer) et ne font plus rien.',
    en: 'Automation off. Only your triggers are removed: another board member’s stay under their name (Google lets only their creator remove them) and no longer do anything.',
  },
};

/** Writes Settings keys (the row of the key in either spelling, else a new row), values as text. */
function writeSettings(ss: Spreadsheet, lang: Lang, values: Array<[keyof AutomationSettings, string]>): void {
  let sheet = findTab(ss.getSheets(), 'settings');
  if (!sheet) {
    const spec = tabSpec('settings');
    sheet = ss.insertSheet(spec.name[lang], ss.getSheets().length);
    sheet.getRange(1, 1, 1, 2).setValues([spec.columns.map((c) => c.label[lang])]);
  }
  const grid = sheet.getDataRange().getValues();
  let last = grid.length;
  while (last > 0 && grid[last - 1]!.every((v) => v === '')) last--;
  for (const [field, value] of values) {
    const spec = AUTOMATION_KEYS.find((k) => k.field === field)!;
    const names = [spec.fr, spec.en].map(normalizeLabel);
    const at = grid.findIndex((row) => names.includes(normalizeLabel(String(row[0] ?? ''))));
    const row = at >= 0 ? at + 1 : ++last;
    if (row > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), row - sheet.getMaxRows());
    if (at >= 0) sheet.getRange(row, 2).setValue(asText(value));
    else sheet.getRange(row, 1, 1, 2).setValues([[asText(spec[lang]), asText(value)]]);
  }
}

/** Installs this user's daily trigger when missing; null when done, else the reason it failed. */
function installTrigger(ss: Spreadsheet): string | null {
  if (myTriggers().length > 0) return null;
  try {
    const trigger = ScriptApp.newTrigger(AUTOMATION_HANDLER).timeBased().everyDays(1).atHour(7).create();
    storeTriggerIds([...storedTriggerIds(), trigger.getUniqueId()]);
    rememberDocument(trigger.getUniqueId(), ss.getId());
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function removeTriggers(): void {
  const mine = myTriggers();
  const gone = new Set(mine.map((t) => t.getUniqueId()));
  for (const t of mine) {
    ScriptApp.deleteTrigger(t);
    forgetDocument(t.getUniqueId());
  }
  storeTriggerIds(storedTriggerIds().filter((id) => !gone.has(id)));
}

/** Switches it on (or takes it over): Settings, Templates tab, this user's trigger, the owner. */
function switchOn(ss: Spreadsheet, ctx: ClubContext, lastEvent: boolean, takeOver: boolean): string | null {
  const auto = ctx.settings.automation;
  const values: Array<[keyof AutomationSettings, string]> = [['on', ctx.lang === 'fr' ? 'oui' : 'yes']];
  // Switching on does not reach back: the day it is switched on, unless it was on already.
  if (!auto.on || auto.since === null) values.push(['since', ctx.today]);
  if (lastEvent) values.push(['lastEvent', ctx.lang === 'fr' ? 'oui' : 'yes']);
  const failed = installTrigger(ss);
  // A take-over that cannot install its trigger changes nothing (the owner's runs go on).
  if (failed && takeOver) return fill(TEXT.triggerFailed[ctx.lang], { reason: failed });
  writeSettings(ss, ctx.lang, values);
  ensureTemplatesTab(ss, ctx.lang);
  if (failed) return fill(TEXT.triggerFailed[ctx.lang], { reason: failed });
  const owner = readOwner();
  const mine = myTriggers().map((t) => t.getUniqueId());
  const me = effectiveEmail();
  if (takeOver || !auto.on || !owner || ownerIsMe(owner, mine, me)) {
    const kept = owner && ownerIsMe(owner, mine, me) && auto.on ? owner.since : ctx.today;
    writeOwner({ email: me, since: kept || ctx.today, triggerIds: mine });
    return null;
  }
  return fill(TEXT.ownedByAnother[ctx.lang], { owner: ownerName(owner, ctx.lang) });
}

/**
 * Switches it off for the club when the current user owns it (or nobody does); else only removes
 * this user's triggers. Either way only this user's triggers go: another user's cannot be removed
 * by them (https://developers.google.com/apps-script/guides/triggers/installable#restrictions).
 */
function switchOff(ss: Spreadsheet, ctx: ClubContext): string {
  const owner = readOwner();
  const mine = myTriggers().map((t) => t.getUniqueId());
  const mineOnly = ctx.settings.automation.on && owner !== null && !ownerIsMe(owner, mine, effectiveEmail());
  removeTriggers();
  if (mineOnly) return fill(TEXT.offMineOnly[ctx.lang], { owner: ownerName(owner, ctx.lang) });
  writeSettings(ss, ctx.lang, [['on', ctx.lang === 'fr' ? 'non' : 'no']]);
  writeOwner(null);
  return TEXT.offClub[ctx.lang];
}

function switched(request: { on: boolean; lastEvent?: boolean; takeOver?: boolean }): AutomationResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock<AutomationResult>(
    () => {
      const ctx = loadClub(ss);
      const warning = request.on
        ? switchOn(ss, ctx, request.lastEvent === true, request.takeOver === true)
        : switchOff(ss, ctx);
      return { ok: true, status: statusOf(loadClub(ss)), warning };
    },
    () => busyOf(ss),
  );
}

export function setAutomation(request: AutomationRequest): AutomationResult {
  return switched({ on: request?.on === true, lastEvent: request?.lastEvent === true });
}

/** « Reprendre l'automatisation / Take over the automation » (issue 20). */
export function takeOverAutomation(): AutomationResult {
  return switched({ on: true, takeOver: true });
}

export function automationStatus() {
  return statusOf(loadClub(SpreadsheetApp.getActiveSpreadsheet()));
}

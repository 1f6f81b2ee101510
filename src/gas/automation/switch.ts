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
import { AUTOMATION_KEYS, type AutomationSettings } from '../../core/automation-settings';
import { fill, type Lang } from '../../core/i18n';
import { normalizeLabel } from '../../core/normalize';
import { tabSpec } from '../../core/schema';
import { withDocumentLock } from '../lock';
import { asText } from '../sheets';
import { busyOf, findTab, loadClub } from '../surveys/registry';
import { ensureTemplatesTab } from '../templates';
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

const TRIGGER_FAILED = {
  fr: 'Le déclencheur quotidien n’a pas pu être installé ({reason}). Un déploiement de test du module ne peut pas installer de déclencheur : installez le module publié, ou lancez les envois à la main depuis le panneau Enquêtes.',
  en: 'The daily trigger could not be installed ({reason}). A test deployment of the add-on cannot install triggers: install the published add-on, or send from the Surveys panel by hand.',
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

export function setAutomation(request: AutomationRequest): AutomationResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock<AutomationResult>(
    () => {
      const ctx = loadClub(ss);
      const auto = ctx.settings.automation;
      let warning: string | null = null;
      if (request?.on) {
        const values: Array<[keyof AutomationSettings, string]> = [['on', ctx.lang === 'fr' ? 'oui' : 'yes']];
        // Switching on does not reach back: the day it is switched on, unless it was on already.
        if (!auto.on || auto.since === null) values.push(['since', ctx.today]);
        if (request.lastEvent) values.push(['lastEvent', ctx.lang === 'fr' ? 'oui' : 'yes']);
        writeSettings(ss, ctx.lang, values);
        ensureTemplatesTab(ss, ctx.lang);
        const failed = installTrigger(ss);
        if (failed) warning = fill(TRIGGER_FAILED[ctx.lang], { reason: failed });
      } else {
        writeSettings(ss, ctx.lang, [['on', ctx.lang === 'fr' ? 'non' : 'no']]);
        removeTriggers();
      }
      return { ok: true, status: statusOf(loadClub(ss)), warning };
    },
    () => busyOf(ss),
  );
}

export function automationStatus() {
  return statusOf(loadClub(SpreadsheetApp.getActiveSpreadsheet()));
}

/**
 * « Exporter l'instantané réseau » (issue 22): the club's anonymous snapshot of a period, computed
 * from the tracking tabs (nothing is written to them). The club id is random, made once per club
 * with Utilities.getUuid() (https://developers.google.com/apps-script/reference/utilities/utilities#getUuid())
 * and kept in the document's properties
 * (https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()),
 * which travel with the spreadsheet and that only its editors' scripts read. Made under the
 * document lock, so two first exports at once still agree on one id. No new scope: the sidebar
 * builds the file in the browser from the answer and downloads it.
 */

import type { NetworkSnapshotRequest, NetworkSnapshotResult } from '../core/api';
import { computeReport } from '../core/compute';
import { langOfLocale } from '../core/i18n';
import type { GeneratedTab } from '../core/imports/types';
import { buildSnapshot } from '../core/network/snapshot';
import { BUSY, withDocumentLock } from './lock';
import { setValuesKeepingText } from './plain-text';
import { asText, readTrackingTabs, todayIn } from './sheets';

export const CLUB_ID_KEY = 'clubpulse.network.club_id';

/** The club's id, made on first use. */
function clubId(): string {
  const props = PropertiesService.getDocumentProperties();
  const kept = props.getProperty(CLUB_ID_KEY);
  if (kept && /^[A-Za-z0-9_-]{8,64}$/.test(kept)) return kept;
  const made = Utilities.getUuid();
  props.setProperty(CLUB_ID_KEY, made);
  return made;
}

export function networkSnapshot(request: NetworkSnapshotRequest = {}): NetworkSnapshotResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  return withDocumentLock<NetworkSnapshotResult>(
    () => {
      const timeZone = ss.getSpreadsheetTimeZone();
      const outcome = computeReport({
        tabs: readTrackingTabs(ss),
        locale: ss.getSpreadsheetLocale(),
        timeZone,
        today: request.today || todayIn(timeZone),
        period: request.period,
      });
      if (!outcome.ok) return { ok: false, code: outcome.code, message: outcome.message };
      const snapshot = buildSnapshot(outcome.report, clubId());
      const safePeriod = snapshot.period.replace(/[^0-9A-Za-z-]/g, '_');
      return {
        ok: true,
        snapshot,
        fileName: `club-${snapshot.club_id.slice(0, 8)}-${safePeriod}.snapshot.json`,
      };
    },
    () => ({ ok: false, code: 'busy', message: BUSY[lang] }),
  );
}

/**
 * Writes a generated tab an import replaces whole (the network's benchmarks): under either of its
 * names, or a new one at the end; cleared, then the header and rows in one write, text as text.
 */
export function writeGeneratedTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tab: GeneratedTab): void {
  const sheet =
    ss.getSheetByName(tab.names.fr) ??
    ss.getSheetByName(tab.names.en) ??
    ss.insertSheet(tab.tabName, ss.getSheets().length);
  const grid: unknown[][] = [tab.header, ...tab.rows].map((row) => row.map(asText));
  const width = tab.header.length;
  if (sheet.getMaxRows() < grid.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.clearContents();
  setValuesKeepingText(sheet.getRange(1, 1, grid.length, width), grid);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(1);
}

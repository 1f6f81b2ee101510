/**
 * Keeps a club's tabs where they were when a survey makes tabs. Where
 * Form.setDestination puts the response tab, and whether it becomes the active sheet, is not
 * documented (https://developers.google.com/apps-script/reference/forms/form#setdestinationtype,-id;
 * docs/PLATFORM.md, switches `responseTabAppended` and `responseTabActivated`): under every answer
 * the new tab ends up last and the sheet the volunteer was looking at stays active.
 */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What to remember before linking a form: the tabs there were and the active one. */
export interface TabsBefore {
  ids: Set<number>;
  active: Sheet;
}

export function tabsBefore(ss: Spreadsheet): TabsBefore {
  return { ids: new Set(ss.getSheets().map((s) => s.getSheetId())), active: ss.getActiveSheet() };
}

/**
 * After an action that made tabs (a form's response tab, the add-on's own): the new tabs go after
 * every tab the club had, in the order they came
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#moveactivesheetpos
 * moves the active sheet, hence the activation), and the sheet the volunteer was on is active again
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheet makes
 * the new sheet active).
 */
export function keepClubTabsInPlace(ss: Spreadsheet, before: TabsBefore): void {
  const sheets = ss.getSheets();
  const isNew = (s: Sheet) => !before.ids.has(s.getSheetId());
  const firstNew = sheets.findIndex(isNew);
  if (firstNew >= 0 && sheets.slice(firstNew).some((s) => !isNew(s))) {
    for (const sheet of sheets.filter(isNew)) {
      ss.setActiveSheet(sheet);
      ss.moveActiveSheet(sheets.length);
    }
  }
  if (ss.getActiveSheet().getSheetId() !== before.active.getSheetId()) ss.setActiveSheet(before.active);
}

/**
 * Which OAuth scope each Apps Script service the add-on calls needs, from the "Authorization"
 * section of each method's page in Google's reference ("Scripts that use this method require
 * authorization with one or more of the following scopes"). `accepted` lists the scopes the page
 * gives (any one suffices); `chosen` is the narrowest, the one the manifest (appsscript.json) must
 * declare. Services whose reference pages have no Authorization section need no scope.
 * test/e2e/manifest-scopes.test.ts scans dist/Code.js and checks the manifest's oauthScopes are
 * exactly the chosen scopes of what it calls. The same table is in docs/PLATFORM.md ("Services
 * and OAuth scopes").
 */

const AUTH = 'https://www.googleapis.com/auth/';

export interface ScopeRow {
  /** What is called, as the reference names it. */
  api: string;
  /**
   * How it shows in the bundle: a global service (`SpreadsheetApp.x`), a method name
   * (`.showSidebar(`), or one method of one service (`SpreadsheetApp.openById`).
   */
  detect: { global: string } | { method: string } | { member: string };
  accepted: string[];
  /** The scope declared in the manifest; null when the service needs none. */
  chosen: string | null;
  /** Google's reference page (its Authorization section). */
  source: string;
}

const REF = 'https://developers.google.com/apps-script/reference/';

export const SCOPE_TABLE: ScopeRow[] = [
  {
    api: 'SpreadsheetApp (getActiveSpreadsheet, getUi, flush, newDataValidation)',
    detect: { global: 'SpreadsheetApp' },
    accepted: [`${AUTH}spreadsheets.currentonly`, `${AUTH}spreadsheets`],
    chosen: `${AUTH}spreadsheets.currentonly`,
    source: `${REF}spreadsheet/spreadsheet-app#getActiveSpreadsheet()`,
  },
  {
    // The daily automation's fallback when a time-driven run does not see its document (issue 17,
    // docs/PLATFORM.md): only the broader scope lets a script open a spreadsheet by id.
    api: 'SpreadsheetApp.openById',
    detect: { member: 'SpreadsheetApp.openById' },
    accepted: [`${AUTH}spreadsheets`],
    chosen: `${AUTH}spreadsheets`,
    source: `${REF}spreadsheet/spreadsheet-app#openById(String)`,
  },
  {
    api: 'Spreadsheet.toast',
    detect: { method: 'toast' },
    accepted: [`${AUTH}spreadsheets.currentonly`, `${AUTH}spreadsheets`],
    chosen: `${AUTH}spreadsheets.currentonly`,
    source: `${REF}spreadsheet/spreadsheet#toast(String)`,
  },
  {
    api: 'Ui.showSidebar',
    detect: { method: 'showSidebar' },
    accepted: [`${AUTH}script.container.ui`],
    chosen: `${AUTH}script.container.ui`,
    source: `${REF}base/ui#showSidebar(Object)`,
  },
  {
    api: 'Ui.showModalDialog',
    detect: { method: 'showModalDialog' },
    accepted: [`${AUTH}script.container.ui`],
    chosen: `${AUTH}script.container.ui`,
    source: `${REF}base/ui#showModalDialog(Object,String)`,
  },
  {
    api: 'Ui.createAddonMenu',
    detect: { method: 'createAddonMenu' },
    accepted: [],
    chosen: null,
    source: `${REF}base/ui#createAddonMenu()`,
  },
  {
    api: 'FormApp (create, openById, openByUrl)',
    detect: { global: 'FormApp' },
    accepted: [`${AUTH}forms`],
    chosen: `${AUTH}forms`,
    source: `${REF}forms/form-app#create(String)`,
  },
  {
    api: 'ScriptApp (newTrigger, getUserTriggers, getProjectTriggers, deleteTrigger)',
    detect: { global: 'ScriptApp' },
    accepted: [`${AUTH}script.scriptapp`],
    chosen: `${AUTH}script.scriptapp`,
    source: `${REF}script/script-app#newTrigger(String)`,
  },
  {
    api: 'MailApp (sendEmail, getRemainingDailyQuota)',
    detect: { global: 'MailApp' },
    accepted: [`${AUTH}script.send_mail`],
    chosen: `${AUTH}script.send_mail`,
    source: `${REF}mail/mail-app#sendEmail(String,String,String,Object)`,
  },
  ...['HtmlService', 'CacheService', 'LockService', 'PropertiesService', 'Utilities', 'Logger', 'Charts'].map(
    (global): ScopeRow => ({
      api: global,
      detect: { global },
      accepted: [],
      chosen: null,
      source: `${REF}${
        {
          HtmlService: 'html/html-service',
          CacheService: 'cache/cache-service',
          LockService: 'lock/lock-service',
          PropertiesService: 'properties/properties-service',
          Utilities: 'utilities/utilities',
          Logger: 'base/logger',
          Charts: 'charts/charts',
        }[global]
      }`,
    }),
  ),
  {
    api: 'Session (getActiveUserLocale, getScriptTimeZone)',
    detect: { global: 'Session' },
    accepted: [],
    chosen: null,
    source: `${REF}base/session#getActiveUserLocale()`,
  },
  {
    api: 'Session.getActiveUser / getEffectiveUser (User.getEmail)',
    detect: { method: 'getEmail' },
    accepted: [`${AUTH}userinfo.email`],
    chosen: `${AUTH}userinfo.email`,
    source: `${REF}base/user#getEmail()`,
  },
];

/** Apps Script globals a bundle may name; every one it names must have a row above (else the test fails). */
export const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'FormApp',
  'ScriptApp',
  'MailApp',
  'HtmlService',
  'CacheService',
  'LockService',
  'PropertiesService',
  'Utilities',
  'Logger',
  'Charts',
  'Session',
  'DriveApp',
  'UrlFetchApp',
  'GmailApp',
  'DocumentApp',
  'CalendarApp',
  'SlidesApp',
  'ContactsApp',
  'CardService',
  'XmlService',
  'ContentService',
  'Browser',
  'Jdbc',
  'Maps',
  'LanguageApp',
  'GroupsApp',
  'DataStudioApp',
];

/**
 * The emulated services beside SpreadsheetApp, one test per fact of the reference: Properties
 * (§6 quota), Cache (§6 limits), ScriptApp triggers (§5.3), Ui and HtmlService (§7, §9), Session
 * (§10), Utilities, Logger; and the emulator's own rules: service-call counting, `Not emulated`,
 * the authorization modes (§5.2) and custom functions' read-only Spreadsheet (§3).
 */
import { describe, expect, test } from 'vitest';
import type { AuthMode } from '../../../src/local/emulator/index';
import { emulator, expectException, workbook } from './helpers';

describe('PropertiesService', () => {
  test('getProperty returns a string, or null when absent; values are stored as strings in meta', () => {
    const em = emulator();
    const props = em.globals.PropertiesService.getDocumentProperties();
    expect(props.getProperty('k')).toBeNull();
    props.setProperty('k', 42 as unknown as string);
    expect(props.getProperty('k')).toBe('42');
    expect(em.workbook.meta.documentProperties).toEqual({ k: '42' });
  });

  test('getProperties returns a copy, not a live view', () => {
    const em = emulator();
    const props = em.globals.PropertiesService.getUserProperties();
    props.setProperty('a', '1');
    const copy = props.getProperties();
    copy.a = 'changed';
    props.setProperty('b', '2');
    expect(copy).toEqual({ a: 'changed' });
    expect(props.getProperty('a')).toBe('1');
  });

  test('setProperties(obj, deleteAllOthers), deleteProperty, deleteAllProperties, script store', () => {
    const em = emulator();
    const props = em.globals.PropertiesService.getScriptProperties();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ c: '3' }, true);
    expect(props.getKeys()).toEqual(['c']);
    props.deleteProperty('c');
    props.setProperty('d', '4').deleteAllProperties();
    expect(em.workbook.meta.scriptProperties).toEqual({});
  });

  test('a value over 9 KB: You have exceeded the property storage quota. Please remove some properties and try again.', () => {
    const props = emulator().globals.PropertiesService.getDocumentProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expectException(
      () => props.setProperty('big', 'x'.repeat(9 * 1024 + 1)),
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
  });

  test('a store over 500 KB: the same quota error, and nothing is written', () => {
    const em = emulator();
    const props = em.globals.PropertiesService.getDocumentProperties();
    const value = 'x'.repeat(9000);
    for (let i = 0; i < 56; i++) props.setProperty(`k${String(i).padStart(2, '0')}`, value); // 56 × 9003 B = 504,168 B
    expectException(
      () => props.setProperty('k56', value), // 57 × 9003 B = 513,171 B > 512,000 B
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(props.getProperty('k56')).toBeNull();
  });
});

describe('CacheService', () => {
  test('get returns a string or null; default expiry 600 s (uses the emulator clock)', () => {
    let now = 1_000_000;
    const cache = emulator(workbook(), { now: () => now }).globals.CacheService.getScriptCache()!;
    cache.put('k', 'v');
    expect(cache.get('k')).toBe('v');
    now += 599_000;
    expect(cache.get('k')).toBe('v');
    now += 1_000;
    expect(cache.get('k')).toBeNull();
  });

  test('put ttl between 1 and 21600 s; outside it throws', () => {
    let now = 0;
    const cache = emulator(workbook(), { now: () => now }).globals.CacheService.getDocumentCache()!;
    cache.put('k', 'v', 21_600);
    now = 21_599_000;
    expect(cache.get('k')).toBe('v');
    expectException(() => cache.put('k', 'v', 21_601), 'Invalid argument: expirationInSeconds');
    expectException(() => cache.put('k', 'v', 0), 'Invalid argument: expirationInSeconds');
  });

  test('keys are at most 250 characters', () => {
    const cache = emulator().globals.CacheService.getUserCache()!;
    cache.put('k'.repeat(250), 'v');
    expectException(() => cache.put('k'.repeat(251), 'v'), 'Argument too large: key');
  });

  test('values are at most 100 KB', () => {
    const cache = emulator().globals.CacheService.getScriptCache()!;
    cache.put('k', 'x'.repeat(100 * 1024));
    expectException(() => cache.put('k', 'x'.repeat(100 * 1024 + 1)), 'Argument too large: value');
  });

  test('getAll / putAll / remove / removeAll; at most 1,000 entries (oldest evicted)', () => {
    const cache = emulator().globals.CacheService.getScriptCache()!;
    cache.putAll({ a: '1', b: '2' });
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ a: '1', b: '2' });
    cache.remove('a');
    cache.removeAll(['b']);
    expect(cache.getAll(['a', 'b'])).toEqual({});
    for (let i = 0; i < 1001; i++) cache.put(`k${i}`, 'v');
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k1000')).toBe('v');
  });
});

describe('ScriptApp triggers', () => {
  test('newTrigger(fn).forSpreadsheet(ss).onFormSubmit().create() is persisted in meta.triggers', () => {
    const em = emulator();
    const { ScriptApp } = em.globals;
    const t = ScriptApp.newTrigger('onFormSubmitted').forSpreadsheet(em.ss).onFormSubmit().create();
    expect(t.getHandlerFunction()).toBe('onFormSubmitted');
    expect(t.getEventType()).toBe(ScriptApp.EventType.ON_FORM_SUBMIT);
    expect(t.getTriggerSourceId()).toBe(em.ss.getId());
    expect(em.workbook.meta.triggers).toEqual([
      {
        uniqueId: t.getUniqueId(),
        handlerFunction: 'onFormSubmitted',
        eventType: 'ON_FORM_SUBMIT',
        triggerSource: 'SPREADSHEETS',
        triggerSourceId: em.ss.getId(),
        // The document the trigger was installed from (a time-driven run opens it by id).
        documentId: em.ss.getId(),
        // Its creator, under whose account it runs and to whom alone it is listed.
        userEmail: 'user@example.com',
      },
    ]);
  });

  test('each user lists and deletes only their own triggers; ids are unique across users', () => {
    const wb = workbook();
    const alice = emulator(wb, { userEmail: 'alice@club.fr' }).globals.ScriptApp;
    const bruno = emulator(wb, { userEmail: 'bruno@club.fr' }).globals.ScriptApp;
    const a = alice.newTrigger('daily').timeBased().everyDays(1).create();
    expect(bruno.getProjectTriggers()).toHaveLength(0);
    const b = bruno.newTrigger('daily').timeBased().everyDays(1).create();
    expect(b.getUniqueId()).not.toBe(a.getUniqueId());
    expect(alice.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([a.getUniqueId()]);
    alice.deleteTrigger(alice.getProjectTriggers()[0]!);
    expect(wb.meta.triggers.map((t) => t.userEmail)).toEqual(['bruno@club.fr']);
    expect(bruno.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([b.getUniqueId()]);
  });

  test('timeBased().everyHours(n).create(); getProjectTriggers; deleteTrigger', () => {
    const em = emulator();
    const { ScriptApp } = em.globals;
    ScriptApp.newTrigger('hourly').timeBased().everyHours(6).create();
    ScriptApp.newTrigger('opened').forSpreadsheet(em.ss).onOpen().create();
    const triggers = ScriptApp.getProjectTriggers();
    expect(triggers.map((t) => String(t.getEventType()))).toEqual(['CLOCK', 'ON_OPEN']);
    ScriptApp.deleteTrigger(triggers[0]!);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['opened']);
  });

  test('everyMinutes accepts only 1, 5, 10, 15, 30', () => {
    const { ScriptApp } = emulator().globals;
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(15)).not.toThrow();
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(7)).toThrow();
  });

  test('the 21st trigger: This script has too many triggers. Triggers must be deleted from the script before more can be added.', () => {
    const { ScriptApp } = emulator().globals;
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expectException(
      () => ScriptApp.newTrigger('f20').timeBased().everyHours(1).create(),
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  });
});

describe('Ui and HtmlService', () => {
  test('menus show only after addToUi; items, separators and sub-menus are recorded', () => {
    const em = emulator();
    const ui = em.globals.SpreadsheetApp.getUi();
    const menu = ui.createAddonMenu().addItem('Refresh', 'refreshKpis').addSeparator();
    expect(em.ui.menus).toEqual([]);
    menu.addSubMenu(ui.createMenu('More').addItem('Help', 'showHelp')).addToUi();
    expect(em.ui.menus).toHaveLength(1);
    expect(em.ui.menus[0]!.items.map((i) => i.kind)).toEqual(['item', 'separator', 'subMenu']);
    expect(em.ui.menus[0]!.items[0]).toMatchObject({ caption: 'Refresh', functionName: 'refreshKpis' });
    expect(em.ui.menus[0]!.items[2]!.subMenu!.items[0]!.functionName).toBe('showHelp');
  });

  test('showSidebar records the HtmlOutput content and title (from the bundle HTML files)', () => {
    const em = emulator(workbook(), { htmlFiles: { Sidebar: '<p>hi</p>' } });
    const html = em.globals.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Club Pulse');
    em.globals.SpreadsheetApp.getUi().showSidebar(html);
    expect(em.ui.sidebars).toEqual([{ title: 'Club Pulse', html: '<p>hi</p>' }]);
  });

  test('a missing HTML file throws', () => {
    const { HtmlService } = emulator().globals;
    expectException(() => HtmlService.createHtmlOutputFromFile('Nope'), 'No HTML file named Nope was found.');
  });

  test('HtmlOutput: createHtmlOutput, append, getContent, setWidth/setHeight, setSandboxMode has no effect', () => {
    const em = emulator();
    const { HtmlService } = em.globals;
    const out = HtmlService.createHtmlOutput('<b>')
      .append('x</b>')
      .setWidth(400)
      .setHeight(300)
      .setSandboxMode(HtmlService.SandboxMode.NATIVE);
    expect([out.getContent(), out.getWidth(), out.getHeight(), out.getTitle()]).toEqual([
      '<b>x</b>',
      400,
      300,
      '',
    ]);
    em.globals.SpreadsheetApp.getUi().showModalDialog(out, 'Dialog');
    expect(em.ui.dialogs[0]).toMatchObject({ title: 'Dialog', html: '<b>x</b>', modal: true, width: 400 });
  });

  test('alert returns OK (the first button of its set) and is recorded', () => {
    const em = emulator();
    const ui = em.globals.SpreadsheetApp.getUi();
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(ui.alert('Title', 'Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(em.ui.alerts.map((a) => [a.title, a.prompt])).toEqual([
      ['', 'Done'],
      ['Title', 'Sure?'],
    ]);
  });

  test('toast is recorded; a null timeout defaults to 5 seconds', () => {
    const em = emulator(workbook(), { now: () => 123 });
    em.ss.toast('Saved', 'Club Pulse');
    em.ss.toast('Forever', 'x', -1);
    expect(em.ui.toasts).toEqual([
      { message: 'Saved', title: 'Club Pulse', timeoutSeconds: 5, at: 123 },
      { message: 'Forever', title: 'x', timeoutSeconds: -1, at: 123 },
    ]);
  });
});

describe('Session, Utilities, Logger', () => {
  test('Session: user locale, script time zone = spreadsheet time zone, users', () => {
    const { Session } = emulator(workbook(), { userLocale: 'en', userEmail: 'a@b.c' }).globals;
    expect(Session.getActiveUserLocale()).toBe('en');
    expect(Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(Session.getActiveUser().getEmail()).toBe('a@b.c');
    expect(Session.getEffectiveUser().getEmail()).toBe('a@b.c');
  });

  test('Session in an installable trigger’s run: the trigger’s creator; addresses blank under the switches', () => {
    const em = emulator(workbook(), { userEmail: 'runtime@club.fr' });
    em.setTimeDriven(true, 'creator@club.fr');
    expect(em.globals.Session.getEffectiveUser().getEmail()).toBe('creator@club.fr');
    expect(em.globals.Session.getActiveUser().getEmail()).toBe('creator@club.fr');
    em.setTimeDriven(false);
    expect(em.globals.Session.getEffectiveUser().getEmail()).toBe('runtime@club.fr');
    const blank = emulator(workbook(), {
      userEmail: 'a@b.c',
      platform: { activeUserEmailKnown: false, effectiveUserEmailKnown: false },
    }).globals.Session;
    expect([blank.getActiveUser().getEmail(), blank.getEffectiveUser().getEmail()]).toEqual(['', '']);
    const activeOnly = emulator(workbook(), { userEmail: 'a@b.c', platform: { activeUserEmailKnown: false } })
      .globals.Session;
    expect([activeOnly.getActiveUser().getEmail(), activeOnly.getEffectiveUser().getEmail()]).toEqual([
      '',
      'a@b.c',
    ]);
  });

  test('Session.getActiveUser().getEmail() is blank in custom functions', () => {
    const { Session } = emulator(workbook(), { authMode: 'CUSTOM_FUNCTION', userEmail: 'a@b.c' }).globals;
    expect(Session.getActiveUser().getEmail()).toBe('');
  });

  test('Utilities.formatDate with SimpleDateFormat letters in the given time zone', () => {
    const { Utilities } = emulator().globals;
    const d = new Date('2024-07-14T16:30:05Z');
    expect(Utilities.formatDate(d, 'Europe/Paris', 'yyyy-MM-dd HH:mm:ss EEE')).toBe(
      '2024-07-14 18:30:05 Sun',
    );
    expect(Utilities.formatDate(d, 'America/New_York', "dd/MM/yy 'at' h a")).toBe('14/07/24 at 12 PM');
    expect(Utilities.formatDate(d, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2024-07-14T16:30:05Z');
  });

  test('Utilities.getUuid, sleep blocks, newBlob', () => {
    const { Utilities } = emulator().globals;
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const t0 = Date.now();
    Utilities.sleep(50);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
    expect(Utilities.newBlob('é', 'text/plain', 'a.txt').getDataAsString()).toBe('é');
  });

  test('Logger.log and console lines are recorded', () => {
    const lines: string[] = [];
    const em = emulator(workbook(), { log: (l) => lines.push(l) });
    em.globals.Logger.log('n=%s', 3);
    em.globals.console.warn('careful');
    expect(em.logs).toEqual(['n=3', 'WARN: careful']);
    expect(lines).toEqual(em.logs);
  });
});

describe('service calls and unemulated methods', () => {
  test('every method call on a service object counts 1, by Class.method', () => {
    const em = emulator();
    em.counter.reset();
    const sheet = em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    sheet.getRange(1, 1).getValue();
    sheet.getRange(1, 1).getValue();
    expect(em.counter.calls).toBe(6);
    expect(Object.fromEntries(em.counter.byMethod)).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 2,
      'Range.getValue': 2,
    });
  });

  test('a method the emulator lacks throws Not emulated: Class.method', () => {
    const em = emulator();
    const range = em.ss.getSheets()[0]!.getRange('A1');
    expectException(() => (range as unknown as { foo(): void }).foo(), 'Not emulated: Range.foo');
    expectException(() => range.setTextRotation(45), 'Not emulated: Range.setTextRotation');
    expectException(() => range.setTextDirection(null), 'Not emulated: Range.setTextDirection');
  });

  test('service objects are not thenables and internal members are hidden', () => {
    const range = emulator().ss.getSheets()[0]!.getRange('A1') as unknown as Record<string, unknown>;
    expect(range.then).toBeUndefined();
    expect(typeof range._sheet).toBe('function'); // an unknown member: throws when called
    expect(String(range)).toBe('Range');
  });
});

describe('authorization modes', () => {
  const denied = (what: string) => `You do not have permission to call ${what}`;

  test('custom functions: Spreadsheet read-only, set* throws the permission error', () => {
    const em = emulator(workbook(), { authMode: 'CUSTOM_FUNCTION' });
    const sheet = em.ss.getSheets()[0]!;
    expect(sheet.getRange('A1').getValues()).toEqual([['']]);
    expectException(() => sheet.getRange('A1').setValue(1), denied('Range.setValue'));
    expectException(() => sheet.getRange('A1').setValues([[1]]), denied('Range.setValues'));
    expectException(() => sheet.getRange('A1').clear(), denied('Range.clear'));
    expectException(() => sheet.insertRowsAfter(1, 1), denied('Sheet.insertRowsAfter'));
    expectException(() => sheet.protect(), denied('Sheet.protect'));
    expectException(() => em.ss.insertSheet('x'), denied('Spreadsheet.insertSheet'));
    expectException(() => em.ss.deleteSheet(sheet), denied('Spreadsheet.deleteSheet'));
  });

  test('custom functions: no Ui, no triggers; Properties, Cache, Lock, Utilities allowed', () => {
    const { globals } = emulator(workbook(), { authMode: 'CUSTOM_FUNCTION' });
    expectException(() => globals.SpreadsheetApp.getUi(), denied('SpreadsheetApp.getUi'));
    expectException(() => globals.ScriptApp.getProjectTriggers(), denied('ScriptApp.getProjectTriggers'));
    expect(globals.PropertiesService.getDocumentProperties().getProperty('x')).toBeNull();
    expect(globals.CacheService.getScriptCache()!.get('x')).toBeNull();
    expect(globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(globals.Utilities.formatDate(new Date(0), 'UTC', 'yyyy')).toBe('1970');
  });

  test.each<AuthMode>(['NONE', 'LIMITED'])('%s: menus can be added, sidebars and alerts cannot', (mode) => {
    const em = emulator(workbook(), { authMode: 'FULL', htmlFiles: { S: '' } });
    em.setAuthMode(mode);
    const ui = em.globals.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Open', 'open').addToUi();
    expect(em.ui.menus).toHaveLength(1);
    const html = em.globals.HtmlService.createHtmlOutputFromFile('S');
    expectException(() => ui.showSidebar(html), denied('Ui.showSidebar'));
    expectException(() => ui.alert('x'), denied('Ui.alert'));
  });

  test('NONE: no document, no properties; Logger and Utilities work', () => {
    const em = emulator(workbook(), { authMode: 'NONE', userEmail: 'a@b.c' });
    const { SpreadsheetApp, PropertiesService, Logger, Session } = em.globals;
    expectException(
      () => SpreadsheetApp.getActiveSpreadsheet(),
      denied('SpreadsheetApp.getActiveSpreadsheet'),
    );
    expectException(
      () => PropertiesService.getDocumentProperties(),
      denied('PropertiesService.getDocumentProperties'),
    );
    Logger.log('ok');
    expect(Session.getActiveUserLocale()).toBe('fr');
    expect(Session.getActiveUser().getEmail()).toBe('');
  });

  test('LIMITED: the document can be written', () => {
    const em = emulator(workbook(), { authMode: 'LIMITED' });
    em.ss.getSheets()[0]!.getRange('A1').setValue(1);
    expect(em.workbook.sheets[0]!.values[0]).toEqual([1]);
  });
});

// The add-on's sandbox leads nowhere outside it: no object the emulator hands to the bundle (services,
// their methods, enums, errors, console, the clock) reaches the host realm's Function, through which
// `constructor.constructor("return process")()` would run code on the user's machine. And every
// execution is bounded in time, as Apps Script's 6-minute limit bounds it.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runAddon } from '../../../src/local/session';
import { fixtureWorkbook } from '../../e2e/club-fixture';

/** Each expression evaluates, inside the bundle's context, to something from which we try to escape. */
const PATHS = [
  'SpreadsheetApp',
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getActiveSpreadsheet()',
  'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]',
  'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("A1")',
  'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("A1").getValues',
  'SpreadsheetApp.BorderStyle',
  'SpreadsheetApp.toString',
  'SpreadsheetApp.__proto__',
  'Object.getPrototypeOf(SpreadsheetApp)',
  'Object.getOwnPropertyDescriptor(SpreadsheetApp, "getActiveSpreadsheet") && Object.getOwnPropertyDescriptor(SpreadsheetApp, "getActiveSpreadsheet").value',
  'ScriptApp.AuthMode',
  'PropertiesService.getDocumentProperties()',
  'CacheService.getDocumentCache()',
  'LockService.getDocumentLock()',
  'Utilities',
  'Session.getActiveUser()',
  'HtmlService',
  'FormApp',
  'MailApp',
  'Charts',
  'Logger.log',
  'console.log',
  'Date.now',
  '(function () { try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(0, 0); } catch (e) { return e; } })()',
  '(function () { try { SpreadsheetApp.noSuchMethod(); } catch (e) { return e; } })()',
];

/** What a hostile expression can reach: "process" only if it escaped. */
function escapes(path: string): string {
  return `(function () {
    var x = ${path};
    var found = [];
    var seen = [];
    function probe(v, depth) {
      if (v === null || v === undefined || depth > 3 || seen.indexOf(v) >= 0) return;
      seen.push(v);
      try {
        var F = v.constructor && v.constructor.constructor;
        if (typeof F === 'function') {
          var r = F('return typeof process')();
          if (r !== 'undefined') found.push(String(r));
        }
      } catch (e) {}
      try { probe(v.constructor, depth + 1); } catch (e) {}
      try { probe(Object.getPrototypeOf(v), depth + 1); } catch (e) {}
      try { probe(v.__proto__, depth + 1); } catch (e) {}
    }
    probe(x, 0);
    return found.join(',');
  })()`;
}

describe('the bundle sandbox', () => {
  const bundle = runAddon(fixtureWorkbook(), { today: '2026-11-27' });

  it.each(PATHS)('%s leads to no host Function', (path) => {
    expect(vm.runInContext(escapes(path), bundle.context)).toBe('');
  });

  it('the classic escape through a service object fails', () => {
    expect(() =>
      vm.runInContext('SpreadsheetApp.constructor.constructor("return process")()', bundle.context),
    ).toThrow(/process is not defined/);
  });

  it('service objects still behave: String(range), errors are Errors of the bundle realm', () => {
    const out = vm.runInContext(
      `(function () {
        var r = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1');
        var err; try { r.getSheet().getRange(0, 1); } catch (e) { err = e; }
        return [String(r), err instanceof Error, err.name, err.message].join('|');
      })()`,
      bundle.context,
    );
    expect(out).toBe('Range|true|Exception|The starting row of the range is too small.');
  });
});

describe('every execution is bounded in time', () => {
  it('an endless loop in a bundle function ends with Apps Script’s error, and the runtime goes on', () => {
    const bundle = runAddon(fixtureWorkbook(), { today: '2026-11-27', executionLimitMs: 300 });
    vm.runInContext('function endless() { for (;;) {} }', bundle.context);
    expect(() => bundle.call('endless')).toThrow('Exceeded maximum execution time');
    expect(bundle.call('getSidebarState')).toMatchObject({ lang: 'fr' });
  });
});

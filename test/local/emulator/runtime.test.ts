/**
 * The vm runtime that runs the add-on bundle (DESIGN "Local runtime rules"): Apps Script's globals
 * and nothing of Node's, values made with the context's own built-ins, arguments copied in, service
 * errors as `Exception`s of the context, top-level functions listed, locks released after a call.
 */
import { describe, expect, test } from 'vitest';
import { loadBundle } from '../../../src/local/runtime';
import { workbook } from './helpers';

const BUNDLE = `
var App = (function () {
  return { version: 1 };
})();
function nodeGlobals() {
  return ['process', 'require', 'Buffer', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask',
    'TextEncoder', 'TextDecoder', 'URL', 'fetch', 'global', 'module', 'structuredClone']
    .filter(function (n) { return typeof globalThis[n] !== 'undefined'; });
}
function appsScriptGlobals() {
  return [typeof SpreadsheetApp, typeof HtmlService, typeof PropertiesService, typeof CacheService,
    typeof LockService, typeof Session, typeof Utilities, typeof Logger, typeof ScriptApp, typeof Charts,
    typeof console, typeof Intl, typeof JSON];
}
function readTypes() {
  var v = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange(1, 1, 1, 3).getValues();
  return [Array.isArray(v), v instanceof Array, v[0] instanceof Array, v[0][0] instanceof Date,
    Object.prototype.toString.call(v[0][0]), v[0][1]];
}
function errorOf() {
  try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(0, 1); }
  catch (e) { return [e instanceof Error, e.name, e.message]; }
}
function argTypes(d, list, obj) {
  return [d instanceof Date, list instanceof Array, obj instanceof Object, obj.nested.when instanceof Date];
}
function takeLock(fail) {
  LockService.getDocumentLock().waitLock(1000);
  if (fail) throw new Error('boom');
  return LockService.getDocumentLock().hasLock();
}
function hasLockNow() { return LockService.getDocumentLock().hasLock(); }
`;

function load() {
  const wb = workbook(['S']);
  wb.sheets[0]!.values = [[{ serial: 45296 }, 'x', 1]];
  return loadBundle(BUNDLE, { workbook: wb });
}

describe('vm runtime', () => {
  test('the context holds nothing of Node: no process, require, Buffer, setTimeout, TextEncoder, URL…', () => {
    expect(load().call('nodeGlobals')).toEqual([]);
  });

  test("the context holds Apps Script's globals and the JS built-ins incl. Intl", () => {
    expect(load().call('appsScriptGlobals')).toEqual([...Array(11).fill('object'), 'object', 'object']);
  });

  test('getValues results are the context own arrays and Dates: Array.isArray and instanceof hold inside', () => {
    expect(load().call('readTypes')).toEqual([true, true, true, true, '[object Date]', 'x']);
  });

  test("service errors are the context's Errors, named Exception, with the reference text", () => {
    expect(load().call('errorOf')).toEqual([
      true,
      'Exception',
      'The starting row of the range is too small.',
    ]);
  });

  test('arguments are deep-copied into the context (plain objects, arrays, Dates)', () => {
    const b = load();
    expect(b.call('argTypes', new Date(0), [1, 2], { nested: { when: new Date(0) } })).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  test('topLevelFunctions lists the functions the bundle declares, not its variables nor the globals', () => {
    expect(load().topLevelFunctions().sort()).toEqual(
      [
        'appsScriptGlobals',
        'argTypes',
        'errorOf',
        'hasLockNow',
        'nodeGlobals',
        'readTypes',
        'takeLock',
      ].sort(),
    );
  });

  test('locks are released when a call returns or throws', () => {
    const b = load();
    expect(b.call('takeLock', false)).toBe(true);
    expect(b.call('hasLockNow')).toBe(false);
    expect(() => b.call('takeLock', true)).toThrow('boom');
    expect(b.call('hasLockNow')).toBe(false);
  });

  test('calling a function the bundle lacks is an error', () => {
    expect(() => load().call('nope')).toThrow('The bundle has no top-level function nope');
  });
});

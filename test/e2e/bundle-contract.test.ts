// The shipped bundle's contract with Apps Script: dist/Code.js is ES2019 script syntax (no
// import/export), loading it in a bare context touches no service, every entry point is a
// top-level function with its real parameter names, and every custom function carries its
// @customfunction JSDoc right above it.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import * as acorn from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_POINTS as TABLE } from '../../src/gas/entry-points';

const ENTRY_POINTS = Object.entries(TABLE).map(([name, e]) => ({ name, ...e }));

let code = '';
beforeAll(() => {
  code = readFileSync('dist/Code.js', 'utf8');
});

describe('dist/Code.js', () => {
  it('parses as an ES2019 script, with no import or export', () => {
    expect(() => acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script' })).not.toThrow();
    // A newer syntax would fail: the check is real.
    expect(() => acorn.parse('const a = b?.c;', { ecmaVersion: 2019, sourceType: 'script' })).toThrow();
  });

  it('loads in a bare context without touching any service', () => {
    // No Apps Script globals at all: any service call during loading would throw a ReferenceError.
    const context = vm.createContext({});
    expect(() => vm.runInContext(code, context)).not.toThrow();
    const globals = vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[];
    for (const entry of ENTRY_POINTS) expect(globals).toContain(entry.name);
  });

  it('declares every entry point as a top-level function with its real parameters', () => {
    const ast = acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script' }) as unknown as {
      body: Array<{ type: string; id?: { name: string }; params?: Array<{ name: string }> }>;
    };
    const functions = new Map(
      ast.body
        .filter((n) => n.type === 'FunctionDeclaration')
        .map((n) => [n.id!.name, (n.params ?? []).map((p) => p.name)] as const),
    );
    for (const entry of ENTRY_POINTS) {
      expect(functions.get(entry.name), entry.name).toEqual(entry.params);
    }
  });

  it('exposes exactly the entry points the App namespace implements', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const exported = (vm.runInContext('Object.keys(App.entries)', context) as string[]).sort();
    expect(exported).toEqual(ENTRY_POINTS.map((e) => e.name).sort());
  });

  it('puts @customfunction JSDoc with every parameter right above each custom function', () => {
    const customs = ENTRY_POINTS.filter((e) => e.kind === 'custom_function');
    expect(customs.map((c) => c.name).sort()).toEqual([
      'CLUB_KPI',
      'CLUB_KPIS',
      'CLUB_MEMBER_SCORE',
      'CLUB_NPS',
      'CLUB_PERIOD',
      'CLUB_RENEWAL_RATE',
    ]);
    for (const entry of customs) {
      const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${entry.name}\\(`).exec(code);
      expect(match, entry.name).not.toBeNull();
      const doc = match![1];
      expect(doc).toContain('@customfunction');
      for (const param of entry.params) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} ${param} `));
      // Bilingual help: Sheets shows one text whatever the user's language.
      expect(doc).toMatch(/ \/ /);
    }
  });

  it('has no entry point ending in an underscore (Apps Script would hide it)', () => {
    for (const entry of ENTRY_POINTS) expect(entry.name.endsWith('_')).toBe(false);
  });
});

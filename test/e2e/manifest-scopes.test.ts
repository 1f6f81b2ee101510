// The manifest's OAuth scopes are exactly those the bundle needs (issue 13, "Deploy"): dist/Code.js
// is parsed, every Apps Script service and scoped method it names is looked up in the service →
// scope table built from Google's reference (src/local/oauth-scopes.ts, docs/PLATFORM.md), and the
// set of their scopes must equal dist/appsscript.json's oauthScopes — no scope missing (the call
// would fail) and none extra (the consent screen would ask for more than the add-on uses).
import { readFileSync } from 'node:fs';
import * as acorn from 'acorn';
import { describe, expect, it } from 'vitest';
import { APPS_SCRIPT_GLOBALS, SCOPE_TABLE } from '../../src/local/oauth-scopes';

const code = readFileSync('dist/Code.js', 'utf8');
const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8')) as { oauthScopes: string[] };

/** Global identifiers used as `X.y`, property names called as `.m(`, and `X.y` pairs, from the parsed bundle. */
function namesIn(source: string): { globals: Set<string>; methods: Set<string>; members: Set<string> } {
  const globals = new Set<string>();
  const methods = new Set<string>();
  const members = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const n = node as { type?: string } & Record<string, unknown>;
    if (n.type === 'MemberExpression') {
      const object = n.object as { type: string; name?: string };
      const property = n.property as { type: string; name?: string };
      if (object.type === 'Identifier' && object.name) globals.add(object.name);
      if (!n.computed && property.type === 'Identifier' && property.name) methods.add(property.name);
      if (object.type === 'Identifier' && !n.computed && property.name)
        members.add(`${object.name}.${property.name}`);
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'type') visit(value);
  };
  visit(acorn.parse(source, { ecmaVersion: 2020 }));
  return { globals, methods, members };
}

describe('OAuth scopes of the manifest', () => {
  const { globals, methods, members } = namesIn(code);
  const used = SCOPE_TABLE.filter((row) =>
    'global' in row.detect
      ? globals.has(row.detect.global)
      : 'member' in row.detect
        ? members.has(row.detect.member)
        : methods.has(row.detect.method),
  );

  it('every Apps Script service the bundle names has a row in the scope table', () => {
    const named = APPS_SCRIPT_GLOBALS.filter((g) => globals.has(g));
    expect(named).toContain('SpreadsheetApp');
    const tabled = new Set(SCOPE_TABLE.flatMap((r) => ('global' in r.detect ? [r.detect.global] : [])));
    expect(named.filter((g) => !tabled.has(g))).toEqual([]);
  });

  it('declares exactly the scopes of what the bundle calls', () => {
    const needed = new Set(used.flatMap((row) => (row.chosen ? [row.chosen] : [])));
    expect(new Set(manifest.oauthScopes)).toEqual(needed);
    for (const row of used) if (row.chosen) expect(row.accepted, row.api).toContain(row.chosen);
  });

  it('the table in docs/PLATFORM.md is the table in code', () => {
    const doc = readFileSync('docs/PLATFORM.md', 'utf8');
    const section = doc.slice(doc.indexOf('## Services and OAuth scopes'));
    for (const row of SCOPE_TABLE) {
      const line = section.split('\n').find((l) => l.startsWith(`| ${row.api} |`));
      expect(line, row.api).toBeDefined();
      expect(line).toContain(
        row.chosen ? `\`${row.chosen.replace('https://www.googleapis.com/auth/', '')}\`` : '—',
      );
      expect(line).toContain(row.source);
    }
  });
});

/**
 * Helpers for the import tests: read a real sample from /work/shared/samples/ (never copied into the
 * repo) or a hand-made fixture from test/fixtures/imports/ (built from
 * reference/export-formats.md, not real exports), plan an import, and "write" a plan into the
 * existing tabs the way the integrator will (append rows, matching columns by header label and
 * adding the source reference column when the tab lacks it) so that re-imports can be tested.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsvText, planImport } from '../../../src/core/imports';
import type { ImportInput, ImportPlan } from '../../../src/core/imports/types';

export const SAMPLES = '/work/shared/samples/';
export const FIXTURES = fileURLToPath(new URL('../../fixtures/imports/', import.meta.url));

export const sampleRows = (name: string): string[][] => parseCsvText(readFileSync(SAMPLES + name, 'utf8'));
export const fixtureRows = (name: string): string[][] => parseCsvText(readFileSync(FIXTURES + name, 'utf8'));

export type Tabs = Array<{ name: string; values: unknown[][] }>;

export function plan(rows: string[][], fileName: string, options: Partial<ImportInput> = {}): ImportPlan {
  const result = planImport({
    rows,
    fileName,
    lang: 'fr',
    locale: 'fr_FR',
    existing: { tabs: [] },
    ...options,
  });
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

/** The rows a plan adds to one tab (by tab key), as objects keyed by column id. */
export function added(p: ImportPlan, tab: string): Array<Record<string, unknown>> {
  const addition = p.additions.find((a) => a.tab === tab);
  if (!addition) return [];
  return addition.rows.map((row) => Object.fromEntries(addition.columns.map((id, i) => [id, row[i]])));
}

/** The number of rows a plan adds per tab. */
export const counts = (p: ImportPlan): Record<string, number> =>
  Object.fromEntries(p.additions.map((a) => [a.tab, a.rows.length]));

/** Appends a plan's rows to the tabs, as the writer will. Returns new tabs (the input is not changed). */
export function write(tabs: Tabs, p: ImportPlan): Tabs {
  const out = tabs.map((t) => ({ name: t.name, values: t.values.map((r) => [...r]) }));
  for (const a of p.additions) {
    let tab = out.find((t) => t.name === a.tabName);
    if (!tab) {
      tab = { name: a.tabName, values: [[...a.header]] };
      out.push(tab);
    }
    const header = tab.values[0];
    const positions = a.header.map((label) => {
      let i = header.indexOf(label);
      if (i < 0) {
        header.push(label);
        i = header.length - 1;
      }
      return i;
    });
    for (const row of a.rows) {
      const line: unknown[] = new Array(header.length).fill('');
      row.forEach((cell, i) => {
        line[positions[i]] = cell;
      });
      tab.values.push(line);
    }
  }
  return out;
}

/** A small French workbook: Bob Durand is M007 (email in another case than HelloAsso's). */
export function clubTabs(): Tabs {
  return [
    {
      name: 'Membres',
      values: [
        ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion"],
        ['M001', 'Anne', 'Ancien', 'anne@example.org', '01/01/2020'],
        ['M007', 'Bob', 'Durand', 'bob.durand@example.org', '01/09/2024'],
      ],
    },
  ];
}

/**
 * People in imports (issue 14): matched by e-mail or reference, never by name alone when the
 * e-mails differ — two HelloAsso memberships of "Jean Dupont" with different e-mails and orders are
 * two members, both paid — and new member IDs given in order, without rescanning every ID
 * (MemberIndex keeps its counts as members are added; bench/import.ts times 100,000 rows).
 */

import { describe, expect, it } from 'vitest';
import { MemberIndex } from '../../../src/core/imports/existing';
import { added, clubTabs, plan, type Tabs, write } from './helpers';

const HEADER =
  'Référence commande;Date de la commande;Statut de la commande;Nom adhérent;Prénom adhérent;Nom payeur;Prénom payeur;Email payeur;Tarif;Montant tarif';
const rowsOf = (lines: string[]): string[][] => [HEADER, ...lines].map((l) => l.split(';'));
const FILE = 'export-adhesions-club.csv';

describe('two people with the same name', () => {
  const lines = [
    '3001;05/01/2026 09:12;Validé;Dupont;Jean;Dupont;Jean;jean.dupont@a.example;Adhésion 2026;40,00',
    '3002;07/01/2026 10:00;Validé;Dupont;Jean;Dupont;Jean;jdupont@b.example;Adhésion 2026;40,00',
  ];

  it('are two members with their own dues when their e-mails differ', () => {
    const p = plan(rowsOf(lines), FILE, { existing: { tabs: clubTabs() } });
    expect(added(p, 'members').map((m) => [m.member_id, m.first_name, m.last_name, m.email])).toEqual([
      ['M008', 'Jean', 'Dupont', 'jean.dupont@a.example'],
      ['M009', 'Jean', 'Dupont', 'jdupont@b.example'],
    ]);
    expect(added(p, 'dues').map((d) => [d.member_id, d.term, d.amount])).toEqual([
      ['M008', '2026', 40],
      ['M009', '2026', 40],
    ]);
    expect(p.skipped).toEqual([]);
    // Importing the file again adds nothing: each person is found again by e-mail.
    const again = plan(rowsOf(lines), FILE, { existing: { tabs: write(clubTabs(), p) } });
    expect(again.additions).toEqual([]);
  });

  it('does not attach a new e-mail to a workbook member of the same name', () => {
    const tabs: Tabs = clubTabs();
    tabs[0].values.push(['M010', 'Jean', 'Dupont', 'jean.dupont@a.example', '01/09/2024']);
    const p = plan(rowsOf([lines[1]]), FILE, { existing: { tabs } });
    expect(added(p, 'members').map((m) => [m.member_id, m.email])).toEqual([['M011', 'jdupont@b.example']]);
    expect(added(p, 'dues').map((d) => d.member_id)).toEqual(['M011']);
  });

  it('still matches by name when one side has no e-mail', () => {
    const tabs: Tabs = clubTabs();
    tabs[0].values.push(['M010', 'Jean', 'Dupont', '', '01/09/2024']);
    const p = plan(rowsOf([lines[1]]), FILE, { existing: { tabs } });
    expect(added(p, 'members')).toEqual([]);
    expect(added(p, 'dues').map((d) => d.member_id)).toEqual(['M010']);
  });
});

describe('new member IDs', () => {
  it('follow the most used prefix and the widest number, one after another', () => {
    const index = new MemberIndex();
    for (const id of ['M001', 'M002', 'X9', 'M010', 'ADH-0042']) {
      index.add({ id, email: '', firstName: '', lastName: '' });
    }
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = index.nextId();
      made.push(id);
      index.add({ id, email: '', firstName: '', lastName: '' });
    }
    expect(made).toEqual(['M011', 'M012', 'M013']);
  });

  it('gives 20,000 new members 20,000 distinct IDs in order (issue 14: linear)', () => {
    const lines = Array.from(
      { length: 20_000 },
      (_, i) =>
        `${10_000 + i};05/01/2026 09:12;Validé;Nom${i};Prénom${i};Nom${i};Prénom${i};p${i}@example.org;Adhésion 2026;40,00`,
    );
    const p = plan(rowsOf(lines), FILE, { existing: { tabs: clubTabs() } });
    const ids = added(p, 'members').map((m) => m.member_id as string);
    expect(ids).toHaveLength(20_000);
    expect(new Set(ids).size).toBe(20_000);
    expect(ids[0]).toBe('M008');
    expect(ids[19_999]).toBe('M20007');
    expect(added(p, 'dues')).toHaveLength(20_000);
  });
});

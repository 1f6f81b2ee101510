// Tests of the messy defects: each one listed in MESSY_DEFECTS is injected exactly as often as
// listed, where the generator says, and the clean club is unchanged apart from them.
import { describe, expect, it } from 'vitest';
import {
  type GeneratedClub,
  generateClub,
  MESSY_DEFECTS,
  MESSY_EXPECTED_ISSUES,
  type TabKey,
} from '../../../src/local/demo/generator';
import type { CellValue } from '../../../src/local/workbook/model';

const TODAY = '2026-03-15';
const rows = (club: GeneratedClub, key: TabKey): CellValue[][] => club.tabs.find((t) => t.key === key)!.rows;

describe.each(['fr', 'en'] as const)('messy demo club (%s)', (lang) => {
  const messy = generateClub({ scale: 'demo', today: TODAY, lang, messy: true });
  const clean = generateClub({ scale: 'demo', today: TODAY, lang });

  it('injects each listed defect exactly as many times as listed', () => {
    const count = (list: Array<{ id: string; tab: string; column: string }>, key: string) =>
      list.filter((d) => `${d.id}/${d.tab}/${d.column}` === key).length;
    const keys = new Set(MESSY_DEFECTS.map((d) => `${d.id}/${d.tab}/${d.column}`));
    expect(keys.size).toBe(MESSY_DEFECTS.length);
    for (const d of MESSY_DEFECTS)
      expect(count(messy.defects, `${d.id}/${d.tab}/${d.column}`), d.id).toBe(d.count);
    expect(messy.defects.length).toBe(MESSY_DEFECTS.reduce((n, d) => n + d.count, 0));
    expect(MESSY_EXPECTED_ISSUES).toBe(3);
    expect(clean.defects).toEqual([]);
  });

  it('puts each defect at the row it reports', () => {
    for (const d of messy.defects) {
      const tab = messy.tabs.find((t) => t.key === d.tab)!;
      const row = tab.rows[d.row - 1];
      if (d.id === 'blank_row') expect(row.every((v) => v === '')).toBe(true);
      else expect(row).toContain(d.value);
    }
  });

  it('writes the defects as hand-kept sheets have them', () => {
    const values = messy.defects.map((d) => d.value);
    const texts = messy.defects.filter((d) => d.id === 'date_as_text').map((d) => String(d.value));
    for (const t of texts) expect(t).toMatch(/^\d{2}\/\d{2}\/\d{4}( \d{2}:\d{2})?$/);
    expect(values).toContain('1 250,50 €');
    expect(values).toContain('450,00 €');
    expect(values).toContain(11);
    expect(values).toEqual(
      expect.arrayContaining(lang === 'fr' ? ['Payé', 'PAYE', 'paid'] : ['Paid', 'PAID', 'payé']),
    );
    expect(rows(messy, 'members')[0]).toContain(lang === 'fr' ? 'Date d adhesion' : 'joined on');
    for (const d of messy.defects.filter((x) => x.id === 'trailing_spaces'))
      expect(String(d.value)).toMatch(/\S\s+$/);
  });

  it('has exactly one attendance row naming an unknown event and one duplicate member ID', () => {
    const events = new Set(
      rows(messy, 'events')
        .slice(1)
        .map((r) => r[0]),
    );
    const unknown = rows(messy, 'attendance')
      .slice(1)
      .filter((r) => r[0] !== '' && !events.has(r[0]));
    expect(unknown.length).toBe(1);
    const ids = rows(messy, 'members')
      .slice(1)
      .map((r) => r[0])
      .filter((id) => id !== '');
    expect(ids.length - new Set(ids).size).toBe(1);
  });

  it('changes nothing else: same sizes as the clean club plus the added rows', () => {
    const added: Partial<Record<TabKey, number>> = { members: 2, attendance: 2, referrals: 1 };
    for (const tab of clean.tabs) {
      expect(rows(messy, tab.key).length, tab.key).toBe(tab.rows.length + (added[tab.key] ?? 0));
    }
    expect(messy.stats.members).toBe(clean.stats.members);
  });
});

/**
 * A member's statement in words (src/core/statement-words.ts), hand-worked where
 * test/core/renewal.test.ts leaves room (issue 23): a member who paid no dues, and the period in
 * words in both languages.
 */

import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../src/core/dates';
import { dayText, periodText, statementText } from '../../../src/core/statement-words';
import type { MemberStatement } from '../../../src/core/statements';

const day = (iso: string) => dayFromIso(iso)!;

describe('statement words', () => {
  it('says no dues were paid instead of a business per euro', () => {
    const s: MemberStatement = {
      ...{ memberId: 'M1', name: 'Ana Lopez', company: '', eventsAttended: 3, referralsGiven: 1 },
      ...{ referralsReceived: 0, businessReceived: 1_200, businessGiven: 0, contents: 2, duesPaid: 0 },
      businessPerDuesEuro: null,
    };
    expect(statementText(s, 'fr', 'EUR').split('\n').at(-1)).toBe(
      '- Affaires reçues par euro de cotisation : — (aucune cotisation payée)',
    );
    expect(statementText(s, 'en', 'EUR').split('\n').at(-1)).toBe(
      '- Business received per euro of dues: — (no dues paid)',
    );
  });

  it('writes the period from day to day, dd/MM/yyyy in both languages', () => {
    expect(dayText(day('2026-03-05'))).toBe('05/03/2026');
    expect(periodText(day('2026-01-01'), day('2026-12-31'), 'fr')).toBe('du 01/01/2026 au 31/12/2026');
    expect(periodText(day('2026-01-01'), day('2026-12-31'), 'en')).toBe('from 01/01/2026 to 31/12/2026');
  });
});

// Issue 19: the members' edition by e-mail as core data — who gets it (active members on the day,
// once per edition, erased ones and those without an address or who asked for no e-mail left out,
// one e-mail per address), the confirmation token (changes with the words and with the recipients),
// the subject on one line, English words in an English workbook, hostile text escaped in the HTML
// and kept as text in the plain-text body.
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/core/dates';
import {
  confirmationToken,
  editionMail,
  editionMailSubjectKey,
  planEditionMail,
} from '../../src/core/editions/mail';
import { buildMembersEdition } from '../../src/core/editions/members';
import { MEMBERS_HEADER, memberRows, run, tab } from './fixtures';

const HEADER = [...MEMBERS_HEADER, "Pas d'e-mail", 'Effacé le'];
const TODAY = dayFromIso('2026-09-15')!;

function club(extra: unknown[][] = [], settings: unknown[][] = [], locale = 'fr_FR') {
  const members = memberRows(4).map((r) => [...r, '', '']);
  members[1]![3] = '';
  members[2]![7] = 'oui';
  members[3]![8] = '01/09/2026';
  return run(
    [tab('Membres', HEADER, [...members, ...extra]), tab('Paramètres', ['Clé', 'Valeur'], settings)],
    { locale },
  );
}

describe('who gets the edition', () => {
  it('active members with an address, once each; the others counted', () => {
    const report = club([
      ['M005', 'Cinq', 'Nom5', 'm001@club.fr', '01/01/2025', '', '', '', ''],
      ['M006', 'Six', 'Nom6', 'm006@club.fr', '01/01/2025', '01/02/2026', '', '', ''],
    ]);
    const key = editionMailSubjectKey('2026-S1');
    const plan = planEditionMail(report.club.members, TODAY, new Set(), key);
    // M002 has no address, M003 asked for none, M004 is erased, M006 left; M005 shares M001's
    // address (the model blanks a duplicated address: no address).
    expect(plan.queue.map((m) => m.id)).toEqual(['M001']);
    expect(plan.skipped.map((s) => `${s.member.id} ${s.reason}`)).toEqual([
      'M002 no_address',
      'M003 no_email',
      'M005 no_address',
    ]);
    expect(plan.erased).toBe(1);
    const again = planEditionMail(report.club.members, TODAY, new Set([`${key}|M001`]), key);
    expect(again.queue).toEqual([]);
    expect(again.already).toBe(1);
    // Another edition is another e-mail.
    const next = planEditionMail(report.club.members, TODAY, new Set([`${key}|M001`]), 'EDITION-2026-S2');
    expect(next.queue.map((m) => m.id)).toEqual(['M001']);
  });
});

describe('the e-mail', () => {
  it('escapes every text in the HTML, keeps it as text in the plain body, subject on one line', () => {
    const hostile = '<img src=x onerror=alert(1)> & "Club"\nBcc: x@evil.example';
    const report = club(
      [],
      [
        ['club_name', hostile],
        ['edition_message', '<script>alert(1)</script>'],
      ],
    );
    const mail = editionMail(buildMembersEdition(report));
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('les résultats du club — 1er semestre 2026');
    expect(mail.html).not.toMatch(/<img src=x|<script/);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Club&quot;');
    expect(mail.text).toContain('<script>alert(1)</script>');
    expect(mail.text).toContain('Bonjour à toutes et à tous,');
    for (const m of report.club.members) {
      if (m.email) expect(mail.html + mail.text).not.toContain(m.email);
      expect(mail.html + mail.text).not.toContain(m.lastName);
    }
  });

  it('is in English in an English workbook', () => {
    const mail = editionMail(buildMembersEdition(club([], [], 'en_GB')));
    expect(mail.subject).toBe('The club’s results — the first half of 2026');
    expect(mail.text).toContain('Hello everyone,');
    expect(mail.text).not.toMatch(/Bonjour|résultats/);
  });

  it('gives a token that changes with the words and with the recipients', () => {
    const report = club();
    const mail = editionMail(buildMembersEdition(report));
    const key = editionMailSubjectKey('2026-S1');
    const members = report.club.members;
    const token = confirmationToken(mail, key, members.slice(0, 1));
    expect(confirmationToken(mail, key, members.slice(0, 1))).toBe(token);
    expect(confirmationToken(mail, key, members.slice(0, 2))).not.toBe(token);
    expect(confirmationToken({ ...mail, text: `${mail.text}.` }, key, members.slice(0, 1))).not.toBe(token);
    expect(confirmationToken(mail, 'EDITION-2026-S2', members.slice(0, 1))).not.toBe(token);
  });
});

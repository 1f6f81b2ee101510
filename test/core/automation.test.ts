/** The automation's pure parts, hand-checked: the Mail log memory, the templates, the semester day. */

import { describe, expect, it } from 'vitest';
import { firstWeekdayFrom, lastSemesterDue } from '../../src/core/automation';
import { dayFromIso, isoOf } from '../../src/core/dates';
import { readMailMemory } from '../../src/core/mail-log';
import { defaultTemplateRows, parseTemplates, renderMail } from '../../src/core/mail-templates';

const day = (iso: string) => dayFromIso(iso)!;

describe('the Mail log memory', () => {
  it('counts as sent exactly « envoyé » or « sent », in either language, and reads the old hidden log', () => {
    const memory = readMailMemory(
      [
        ['Date', 'Type', 'Enquête ou relance', 'ID membre', 'E-mail', 'Résultat', 'Quota restant'],
        ['2026-02-11', 'invitation', 'HOT-E1', 'M1', 'a@x.fr', 'envoyé', 99],
        ['2026-02-11', 'invitation', 'HOT-E1', 'M2', 'b@x.fr', 'non envoyé : pas d’adresse e-mail', ''],
        ['2026-02-14', 'reminder', 'HOT-E1', 'M1', 'a@x.fr', 'sent', 98],
        ['2026-02-16', 'relance', 'RELANCE', 'M5', 'e@x.fr', 'envoyé', 97],
        ['2026-02-17', 'invitation', 'HOT-E1', 'M3', 'c@x', 'refusé : Invalid email: c@x', 96],
      ],
      [
        ['survey_id', 'recipient', 'kind', 'sent_on'],
        ['HOT-E0', 'M2', 'invitation', '2026-01-21'],
      ],
    );
    expect([...memory.surveys]).toEqual([
      ['HOT-E0|M2|invitation', '2026-01-21'],
      ['HOT-E1|M1|invitation', '2026-02-11'],
      ['HOT-E1|M1|reminder', '2026-02-14'],
    ]);
    expect([...memory.nudges]).toEqual([['M5', day('2026-02-16')]]);
    expect([...memory.refused]).toEqual(['HOT-E1|M3|invitation|c@x']);
  });
});

describe('templates', () => {
  it('use the tab’s text where typed, the default where blank, and escape all of it as HTML', () => {
    const rows = defaultTemplateRows('fr');
    expect(rows[0]).toEqual(['Modèle', 'Langue', 'Objet', 'Texte']);
    expect(rows).toHaveLength(15);
    const templates = parseTemplates([
      ['Template', 'Language', 'Subject', 'Body'],
      ['nudge', 'fr', '', '<b>{prenom}</b> & {link}\n{club}'],
    ]);
    const fields = {
      prenom: 'Zoé "Z"',
      nom: 'N',
      lien: 'https://x/?a=1&b=2',
      titre: '',
      club: 'C<1>',
      evenements: '',
    };
    const mail = renderMail(templates, 'nudge', 'fr', fields);
    expect(mail.subject).toBe('C<1> : on vous attend !');
    expect(mail.body).toBe('<b>Zoé "Z"</b> & https://x/?a=1&b=2\nC<1>');
    expect(mail.htmlBody).toBe(
      '&lt;b&gt;Zoé &quot;Z&quot;&lt;/b&gt; &amp; <a href="https://x/?a=1&amp;b=2">https://x/?a=1&amp;b=2</a><br>C&lt;1&gt;',
    );
  });
});

describe('the cold survey day', () => {
  it('is the first weekday on or after the day after the semester', () => {
    // 2026-07-01 is a Wednesday; 2027-01-01 a Friday; 2022-01-01 a Saturday.
    expect(isoOf(lastSemesterDue(day('2026-07-02'), 1).due)).toBe('2026-07-01');
    expect(lastSemesterDue(day('2026-07-02'), 1).label).toBe('2026-S1');
    expect(isoOf(lastSemesterDue(day('2027-01-05'), 1).due)).toBe('2027-01-01');
    expect(lastSemesterDue(day('2027-01-05'), 1).label).toBe('2026-S2');
    expect(isoOf(firstWeekdayFrom(day('2022-01-01')))).toBe('2022-01-03');
  });
});

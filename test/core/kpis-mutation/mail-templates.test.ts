/**
 * The e-mail templates (src/core/mail-templates.ts), hand-worked (issue 23): the Templates tab read
 * by header in either language (rows without an id or a known language left out, missing columns
 * read as blank), a new tab's rows in the club's language first, fields filled under their French
 * or English names (unknown ones left as typed), the club's text used only where typed, and the
 * HTML body escaped piece by piece with the link as the only anchor. Every template is read inside
 * its test.
 */

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATES,
  defaultTemplateRows,
  escapeHtml,
  parseTemplates,
  renderMail,
  type TemplateFields,
} from '../../../src/core/mail-templates';

const fields: TemplateFields = {
  prenom: 'Léa',
  nom: 'Moreau',
  lien: 'https://forms.example/f?a=1&b=2',
  titre: 'Petit-déj <Export>',
  club: 'Club & Co',
  evenements: '— 12/03 Afterwork',
};

describe('parseTemplates', () => {
  it('reads rows by header in either language, leaving out rows without id or known language', () => {
    const templates = parseTemplates([
      ['Body', 'Language', 'Template', 'Subject'],
      ['Texte {prenom}', ' FR ', ' hot_invitation ', 'Objet'],
      ['Body', 'en', 'hot_invitation', ''],
      ['x', 'de', 'nudge', 'y'],
      ['x', 'en', '', 'y'],
      [null, 'fr', 'nudge', null],
    ]);
    expect([...templates]).toEqual([
      ['hot_invitation|fr', { subject: 'Objet', body: 'Texte {prenom}' }],
      ['hot_invitation|en', { subject: '', body: 'Body' }],
      ['nudge|fr', { subject: '', body: '' }],
    ]);
  });

  it('reads missing subject or body columns as blank, and nothing without the id or language column', () => {
    expect([
      ...parseTemplates([
        ['Modèle', 'Langue'],
        ['nudge', 'fr'],
      ]),
    ]).toEqual([['nudge|fr', { subject: '', body: '' }]]);
    expect(
      parseTemplates([
        ['Modèle', 'Objet'],
        ['nudge', 'x'],
      ]).size,
    ).toBe(0);
    expect(
      parseTemplates([
        ['Langue', 'Objet'],
        ['fr', 'x'],
      ]).size,
    ).toBe(0);
    expect(parseTemplates([]).size).toBe(0);
    // Columns in the first place are read too; a row cut short has no template id.
    expect([
      ...parseTemplates([['Langue', 'Objet', 'Modèle', 'Texte'], ['fr', 'Sujet', 'nudge', 'Corps'], ['en']]),
    ]).toEqual([['nudge|fr', { subject: 'Sujet', body: 'Corps' }]]);
    expect([
      ...parseTemplates([
        ['Objet', 'Modèle', 'Langue'],
        ['Sujet', 'nudge', 'fr'],
      ]),
    ]).toEqual([['nudge|fr', { subject: 'Sujet', body: '' }]]);
  });
});

describe('defaultTemplateRows', () => {
  it('lists every template in the club’s language first, then the other', () => {
    const rows = defaultTemplateRows('en');
    expect(rows[0]).toEqual(['Template', 'Language', 'Subject', 'Body']);
    expect(rows[1]).toEqual([
      'hot_invitation',
      'en',
      'Your feedback on “{titre}”',
      DEFAULT_TEMPLATES.hot_invitation.body.en,
    ]);
    expect(rows[8]).toEqual([
      'hot_invitation',
      'fr',
      'Votre avis sur « {titre} »',
      DEFAULT_TEMPLATES.hot_invitation.body.fr,
    ]);
    expect(rows).toHaveLength(1 + 2 * 7);
    expect(defaultTemplateRows('fr')[1].slice(0, 2)).toEqual(['hot_invitation', 'fr']);
    expect(defaultTemplateRows('fr')[2][2]).toBe('Rappel : Votre avis sur « {titre} »');
    expect(defaultTemplateRows('fr')[8].slice(0, 3)).toEqual([
      'hot_invitation',
      'en',
      'Your feedback on “{titre}”',
    ]);
  });
});

describe('renderMail', () => {
  it('fills the club’s text under French or English field names, leaving unknown ones as typed', () => {
    const templates = new Map([
      [
        'nudge|en',
        {
          subject: '{Club}: hi {firstname}\\nagain',
          body: 'Hi {prenom} {lastname}, {events} {unknown} {link}',
        },
      ],
    ]);
    const mail = renderMail(templates, 'nudge', 'en', { ...fields, club: 'Club\nCo' });
    expect(mail.subject).toBe('Club Co: hi Léa\\nagain');
    expect(mail.body).toBe('Hi Léa Moreau, — 12/03 Afterwork {unknown} https://forms.example/f?a=1&b=2');
    expect(mail.htmlBody).toBe(
      'Hi Léa Moreau, — 12/03 Afterwork {unknown} <a href="https://forms.example/f?a=1&amp;b=2">https://forms.example/f?a=1&amp;b=2</a>',
    );
  });

  it('uses the default where the club typed only spaces, and escapes every piece of HTML', () => {
    const templates = new Map([['hot_invitation|fr', { subject: '  ', body: ' \n ' }]]);
    const mail = renderMail(templates, 'hot_invitation', 'fr', fields);
    expect(mail.subject).toBe('Votre avis sur « Petit-déj <Export> »');
    expect(mail.htmlBody).toBe(
      'Bonjour Léa,<br><br>Merci d’avoir participé à « Petit-déj &lt;Export&gt; ». Pourriez-vous nous donner votre avis ? Deux minutes suffisent :<br><a href="https://forms.example/f?a=1&amp;b=2">https://forms.example/f?a=1&amp;b=2</a><br><br>Merci !<br>Club &amp; Co',
    );
    const bare = renderMail(
      new Map([['nudge|fr', { subject: 'S', body: 'x {lien} "y" \'z\'\r\nw' }]]),
      'nudge',
      'fr',
      { ...fields, lien: '' },
    );
    expect(bare.htmlBody).toBe('x  &quot;y&quot; &#39;z&#39;<br>w');
  });

  it('writes a renewal field the mail has no value for as nothing, and a subject on one line', () => {
    const templates = new Map([
      ['renewal_reminder|fr', { subject: '{club} {saison}', body: 'Bilan : [{bilan}] {periode}' }],
    ]);
    const mail = renderMail(templates, 'renewal_reminder', 'fr', { ...fields, club: 'Club\r\nCo' });
    expect([mail.subject, mail.body, mail.htmlBody]).toEqual(['Club Co ', 'Bilan : [] ', 'Bilan : [] ']);
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
  });
});

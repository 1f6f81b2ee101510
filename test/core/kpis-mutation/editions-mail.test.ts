/**
 * The members' edition by e-mail (issue 23: editions/mail.ts): its charts, HTML body, plain text and
 * subject from a hand-made edition, who gets it, the confirmation token and the preview page.
 */

import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../src/core/dates';
import {
  CHART_IMAGE,
  confirmationToken,
  editionMail,
  editionMailCharts,
  editionMailHtml,
  editionMailSubject,
  editionMailSubjectKey,
  editionMailText,
  isErased,
  planEditionMail,
  previewPage,
} from '../../../src/core/editions/mail';
import type { Member } from '../../../src/core/model';
import { bareEdition, edition, story } from './edition-fixture';

describe('the e-mail’s charts', () => {
  it('one per figure with two known values or more, numbered in order, its known values only', () => {
    const ed = edition();
    ed.essentiel.figures.push({
      ...ed.essentiel.figures[0]!,
      id: 'b',
      label: 'B',
      value: '7',
      series: [1, 2],
      periods: ['p'],
    });
    expect(editionMailCharts(ed)).toEqual([
      {
        cid: 'chart1',
        figureId: 'active_members',
        title: 'Membres actifs',
        rows: [
          ['S2 24', 38],
          ['S2 25', 40],
          ['S1 26', 42],
        ],
        alt: 'Membres actifs : 42',
      },
      // A missing period label is empty.
      {
        cid: 'chart2',
        figureId: 'b',
        title: 'B',
        rows: [
          ['p', 1],
          ['', 2],
        ],
        alt: 'B : 7',
      },
    ]);
    expect(CHART_IMAGE).toEqual({ width: 600, height: 260, shownWidth: 300, shownHeight: 130 });
  });
});

describe('the HTML body', () => {
  const html = () => editionMailHtml(edition(), editionMailCharts(edition()));

  it('a page with the club’s title, the greeting, the board’s message, all escaped', () => {
    const body = html();
    expect(
      body.startsWith(
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Club &lt;Alpha&gt; — Le club en chiffres</title></head><body><div style="font-family:Arial,Helvetica,sans-serif;',
      ),
    ).toBe(true);
    expect(body).toContain(
      '<h1 style="font-size:22px;color:#1a73e8;margin:0 0 4px">Club &lt;Alpha&gt; — Le club en chiffres</h1><p style="color:#5f6368;margin:0 0 8px">1er semestre 2026 (01/01/2026 – 30/06/2026)</p>',
    );
    expect(body).toContain(
      '<p>Bonjour à toutes et à tous,<br>Voici les résultats du club au 1er semestre 2026.</p>',
    );
    expect(body).toContain(
      '<h2 style="font-size:17px;color:#174ea6;margin:18px 0 6px">Le mot du bureau</h2><div style="background:#e8f0fe;border-left:4px solid #1a73e8;padding:8px 12px;margin:8px 0;white-space:pre-line">Merci à tous &amp; à bientôt</div>',
    );
    expect(body).toContain(
      '<p style="color:#5f6368;font-size:12px;margin-top:16px;border-top:1px solid #dadce0;padding-top:6px">Édité par Club Pulse<br>Vous recevez cet e-mail en tant que membre du club. Pour ne plus recevoir d’e-mail de Club Pulse, dites-le au bureau du club.</p>',
    );
    expect(body.endsWith('</div></body></html>')).toBe(true);
    expect(body).not.toContain('<b>phrase</b>');
  });

  it('the figures with their chart image, change colour and stories', () => {
    const body = html();
    expect(body).toContain(
      '<div style="border:1px solid #dadce0;border-radius:6px;padding:8px 10px;margin:0 0 10px"><div style="font-weight:bold">Membres actifs</div><div style="font-size:22px;font-weight:bold;margin:2px 0">42</div><div style="color:#137333">+2 depuis le 2e semestre 2025</div>' +
        '<img src="cid:chart1" width="300" height="130" alt="Membres actifs : 42" style="display:block;max-width:100%;height:auto;margin-top:4px">' +
        '<div style="background:#fef7e0;border-radius:4px;padding:5px 8px;margin:6px 0 0;font-size:13px"><b>★ Record (42)</b><br>Du jamais vu<br><small style="color:#5f6368">12/03/2026 · Membres actifs</small></div></div>',
    );
    expect(body).toContain('<div style="color:#c5221f">−5 depuis le 2e semestre 2025</div></div>');
    expect(body).toContain('<div style="color:#5f6368"></div></div>');
    expect(body.match(/<img /g)).toHaveLength(1);
    expect(body).toContain('<p style="color:#5f6368;margin:0 0 8px">Tendance sur 4 semestres</p>');
    expect(body).toContain('<ul><li>Une phrase.</li><li>Une autre &lt;b&gt;phrase&lt;/b&gt;.</li></ul>');
    // Another image address (the preview shows data: images).
    const other = editionMailHtml(edition(), editionMailCharts(edition()), (cid) => `data:${cid}&x`);
    expect(other).toContain('<img src="data:chart1&amp;x"');
  });

  it('the families as tables, the other stories, the leaderboard', () => {
    const body = html();
    const cell = 'text-align:left;padding:4px 6px;border-bottom:1px solid #e0e0e0;vertical-align:top';
    expect(body).toContain('<h2 style="font-size:17px;color:#174ea6;margin:18px 0 6px">Les indicateurs</h2>');
    expect(body).toContain(
      '<h3 style="margin:12px 0 4px;font-size:15px">Engagement</h3><table role="presentation" style="width:100%;border-collapse:collapse;margin:4px 0 8px">' +
        `<tr><td style="${cell}">Participation<div style="background:#fef7e0;border-radius:4px;padding:5px 8px;margin:6px 0 0;font-size:13px"><b>★ Salle pleine</b><br><small style="color:#5f6368">12/03/2026</small></div></td>` +
        `<td style="${cell};font-weight:bold;white-space:nowrap">40,0 %</td><td style="${cell};color:#5f6368">stable</td></tr></table>` +
        '<div style="background:#fef7e0;border-radius:4px;padding:5px 8px;margin:6px 0 0;font-size:13px"><b>★ Famille</b><br><small style="color:#5f6368">12/03/2026</small></div>',
    );
    expect(body).toContain('<h3 style="margin:12px 0 4px;font-size:15px">Climat</h3>\n');
    expect(body).toContain(
      '<h2 style="font-size:17px;color:#174ea6;margin:18px 0 6px">Succès du club</h2><div style=',
    );
    expect(body).toContain(
      `<p style="color:#5f6368;margin:0 0 8px">Score d’activité sur 100.</p><table role="presentation" style="width:100%;border-collapse:collapse;margin:4px 0 8px"><tr><td style="${cell}">1</td><td style="${cell}">Ana &lt;3</td><td style="${cell};font-weight:bold">87</td></tr>`,
    );
  });

  it('in English, without what the edition does not have', () => {
    const ed = bareEdition();
    const body = editionMailHtml(ed, []);
    expect(body).toContain('<html lang="en">');
    expect(body).toContain('<title>Le club en chiffres</title>');
    expect(body).toContain('<p>Hello everyone,<br>Here are the club’s results in 2026.</p>');
    expect(body).toContain('You receive this e-mail as a member of the club.');
    for (const absent of ['Le mot du bureau', 'Les indicateurs', 'Succès du club', 'Palmarès', '<img'])
      expect(body).not.toContain(absent);
  });
});

describe('the plain text', () => {
  it('the same words line by line', () => {
    expect(editionMailText(edition())).toBe(
      [
        'Club <Alpha> — Le club en chiffres',
        '1er semestre 2026 (01/01/2026 – 30/06/2026)',
        '',
        'Bonjour à toutes et à tous,',
        'Voici les résultats du club au 1er semestre 2026.',
        '',
        'LE MOT DU BUREAU',
        'Merci à tous & à bientôt',
        '',
        'L’ESSENTIEL',
        '- Membres actifs : 42 (+2 depuis le 2e semestre 2025)',
        '  ★ Record (42) — Du jamais vu (12/03/2026)',
        '- NPS : +10 (−5 depuis le 2e semestre 2025)',
        '- Sans tendance : pas de données',
        '• Une phrase.',
        '• Une autre <b>phrase</b>.',
        '',
        'ENGAGEMENT',
        '- Participation : 40,0 % (stable)',
        '  ★ Salle pleine (12/03/2026)',
        '  ★ Famille (12/03/2026)',
        '',
        'CLIMAT',
        '',
        'SUCCÈS DU CLUB',
        '  ★ Autre (3) — Texte (12/03/2026)',
        '',
        'PALMARÈS',
        'Score d’activité sur 100.',
        '1. Ana <3 — 87',
        '2. Membre non nommé — 80',
        '',
        '--',
        'Édité par Club Pulse',
        'Vous recevez cet e-mail en tant que membre du club. Pour ne plus recevoir d’e-mail de Club Pulse, dites-le au bureau du club.',
        '',
      ].join('\n'),
    );
  });

  it('without message, families, other stories or leaderboard, in English', () => {
    const text = editionMailText(bareEdition());
    expect(text.split('\n').slice(0, 7)).toEqual([
      'Le club en chiffres',
      '1er semestre 2026 (01/01/2026 – 30/06/2026)',
      '',
      'Hello everyone,',
      'Here are the club’s results in 2026.',
      '',
      'L’ESSENTIEL',
    ]);
    expect(
      text.endsWith(
        '--\nÉdité par Club Pulse\nYou receive this e-mail as a member of the club. To receive no more e-mail from Club Pulse, tell the club’s board.\n',
      ),
    ).toBe(true);
  });
});

describe('the subject', () => {
  it('names the club on one line, or not', () => {
    expect(editionMailSubject(edition({ clubName: '  Club\n Alpha \r\n' }))).toBe(
      'Club Alpha : les résultats du club — 1er semestre 2026',
    );
    expect(editionMailSubject(edition({ clubName: '', periodName: '1er\r\nsemestre' }))).toBe(
      'Les résultats du club — 1er semestre',
    );
    expect(editionMailSubject(edition({ lang: 'en', clubName: 'Alpha', periodName: 'H1 2026' }))).toBe(
      'Alpha: the club’s results — H1 2026',
    );
    expect(editionMailSubject(edition({ lang: 'en', clubName: '', periodName: 'H1 2026' }))).toBe(
      'The club’s results — H1 2026',
    );
    expect(editionMailSubjectKey('2026-S1')).toBe('EDITION-2026-S1');
  });

  it('editionMail puts the four together', () => {
    const ed = edition();
    expect(editionMail(ed)).toEqual({
      subject: editionMailSubject(ed),
      html: editionMailHtml(ed, editionMailCharts(ed)),
      text: editionMailText(ed),
      charts: editionMailCharts(ed),
    });
  });
});

function member(
  id: string,
  email: string,
  extra: Partial<Member> = {},
  profile: Record<string, string> = {},
): Member {
  return {
    id,
    email,
    joinedOn: dayFromIso('2025-01-01'),
    leftOn: null,
    profile,
    ...extra,
  } as unknown as Member;
}

describe('who gets it', () => {
  const today = dayFromIso('2026-09-15')!;
  it('active members with an address, once per address and edition; the others counted', () => {
    const members = [
      member('M1', ' Ana@Club.fr '),
      member('M2', 'ana@club.fr'), // the same address: one e-mail
      member('M3', 'no-address'),
      member('M4', 'm4@club.fr', {}, { no_email: 'true' }), // the model reads « oui » as 'true'
      member('M5', 'm5@club.fr', {}, { erased_on: '01/09/2026' }),
      member('M6', 'm6@club.fr', { leftOn: dayFromIso('2026-01-31') } as Partial<Member>),
      member('M7', 'm7@club.fr'),
      member('M8', 'm8@club.fr', {}, { erased_on: '   ' }),
    ];
    const plan = planEditionMail(members, today, new Set(['EDITION-2026-S1|M7']), 'EDITION-2026-S1');
    expect(plan.queue.map((m) => m.id)).toEqual(['M1', 'M8']);
    expect(plan.skipped.map((s) => `${s.member.id} ${s.reason}`)).toEqual(['M3 no_address', 'M4 no_email']);
    expect(plan.already).toBe(1);
    expect(plan.erased).toBe(1);
    expect(isErased(members[4]!)).toBe(true);
    expect(isErased(members[7]!)).toBe(false);
    expect(isErased(member('M9', ''))).toBe(false);
  });
});

describe('lists of two or more in the e-mail', () => {
  it('each item after the other, nothing between them', () => {
    const two = [story('Un'), story('Deux')];
    const ed = edition();
    ed.essentiel.figures[0]!.stories = two;
    ed.families[0]!.kpis[0]!.stories = two;
    ed.families[0]!.kpis.push({ ...ed.families[0]!.kpis[0]!, label: 'Autre', words: '', stories: [] });
    ed.families[0]!.stories = two;
    ed.otherStories = two;
    const body = editionMailHtml(ed, editionMailCharts(ed));
    const one = (t: string) =>
      `<div style="background:#fef7e0;border-radius:4px;padding:5px 8px;margin:6px 0 0;font-size:13px"><b>★ ${t}</b><br><small style="color:#5f6368">12/03/2026</small></div>`;
    expect(body.split(one('Un') + one('Deux')).length - 1).toBe(4);
    expect(body).toContain('</tr><tr><td style=');
    expect(body).toContain(
      '<h2 style="font-size:17px;color:#174ea6;margin:18px 0 6px">L’essentiel</h2>\n<div style="border:1px solid #dadce0',
    );
    // Leaderboard rows one after the other.
    expect(body).toContain('>87</td></tr><tr><td style=');
    // A KPI without change words has no brackets in the plain text.
    expect(editionMailText(ed)).toContain('\n- Autre : 40,0 %\n');
    // No other stories: no such heading in the plain text.
    expect(editionMailText({ ...ed, otherStories: [] })).not.toContain('SUCCÈS DU CLUB');
  });
});

describe('the confirmation token and the preview', () => {
  it('changes with each part of what is sent and with the recipients', () => {
    const mail = editionMail(edition());
    const queue = [member('M1', 'a@b.fr'), member('M2', 'c@d.fr')];
    const token = confirmationToken(mail, 'EDITION-2026-S1', queue);
    expect(token).toMatch(/^[0-9a-z]+$/);
    expect(confirmationToken(mail, 'EDITION-2026-S1', queue)).toBe(token);
    const others = [
      confirmationToken(mail, 'EDITION-2026-S2', queue),
      confirmationToken({ ...mail, subject: `${mail.subject}!` }, 'EDITION-2026-S1', queue),
      confirmationToken({ ...mail, html: `${mail.html} ` }, 'EDITION-2026-S1', queue),
      confirmationToken({ ...mail, text: `${mail.text} ` }, 'EDITION-2026-S1', queue),
      confirmationToken({ ...mail, charts: [] }, 'EDITION-2026-S1', queue),
      confirmationToken(mail, 'EDITION-2026-S1', queue.slice(0, 1)),
      confirmationToken(mail, 'EDITION-2026-S1', [...queue].reverse()),
    ];
    expect(new Set([token, ...others]).size).toBe(others.length + 1);
    // Charts with other values, and parts that would run together without a separator.
    const moved = {
      ...mail,
      charts: mail.charts.map((c) => ({
        ...c,
        rows: c.rows.map(([p, v]) => [p, v + 1] as [string, number]),
      })),
    };
    expect(confirmationToken(moved, 'EDITION-2026-S1', queue)).not.toBe(token);
    expect(confirmationToken({ ...mail, subject: 'ab' }, 'K', queue)).not.toBe(
      confirmationToken({ ...mail, subject: 'b' }, 'Ka', queue),
    );
  });

  it('the preview page puts the summary above the e-mail, escaped', () => {
    const page = previewPage('<html><body><p>x</p></body></html>', 'fr', 'À envoyer : 2 <b>');
    expect(page).toBe(
      '<html><body><div style="font-family:Arial,sans-serif;background:#fef7e0;border:1px solid #f9ab00;border-radius:4px;padding:8px 12px;margin:8px"><b>Aperçu de l’e-mail aux membres</b><br>À envoyer : 2 &lt;b&gt;</div><p>x</p></body></html>',
    );
    expect(previewPage('<body>', 'en', 's')).toContain(
      '<b>Preview of the e-mail to the members</b><br>s</div>',
    );
    // Stories without figure or text in the mail body.
    expect(editionMailHtml(edition({ otherStories: [story('Seule')] }), [])).toContain(
      '<b>★ Seule</b><br><small style="color:#5f6368">12/03/2026</small>',
    );
  });
});

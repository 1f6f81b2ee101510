/**
 * The members' edition as a tab and as a page (issue 23: editions/layout.ts and editions/html.ts):
 * a hand-made edition, with a club's text that would be markup, rendered block by block.
 */

import { describe, expect, it } from 'vitest';
import type { FundersEdition } from '../../../src/core/editions/funders';
import { fundersEditionHtml, membersEditionHtml } from '../../../src/core/editions/html';
import { buildMembersEditionLayout } from '../../../src/core/editions/layout';
import type { SheetLayout } from '../../../src/core/layout';
import { bareEdition, edition, story } from './edition-fixture';
import { cellOf } from './layout-cells';

const MUTED = '#5f6368';
const SECTION = '#e8f0fe';
const HEADER = '#f1f3f4';
const GOOD = '#137333';
const BAD = '#c5221f';

/** The rows of L'essentiel, the same in every edition made from the fixture. */
const ESSENTIEL_ROWS = [
  'L’essentiel',
  'Membres actifs',
  '★ 12/03/2026 — Record (42) : Du jamais vu',
  'NPS',
  'Sans tendance',
  'Une phrase.',
  'Une autre <b>phrase</b>.',
];

function rows(layout: SheetLayout): unknown[] {
  return layout.values.map((r) => (r.every((v) => v === null) ? '' : r[0]));
}

const style = cellOf;

describe('the members’ edition tab', () => {
  it('has every block in order, with its styles', () => {
    const layout = buildMembersEditionLayout(edition());
    expect(layout.name).toBe('Édition membres');
    expect(layout.frozenRows).toBe(1);
    expect(layout.columnWidths).toEqual([300, 130, 420]);
    expect(rows(layout)).toEqual([
      'Club <Alpha> — Le club en chiffres',
      '1er semestre 2026 (01/01/2026 – 30/06/2026)',
      'Aperçu de l’édition membres : à imprimer ou enregistrer en PDF depuis le menu Club Pulse › Édition membres.',
      '',
      'Le mot du bureau',
      'Merci à tous & à bientôt',
      '',
      ...ESSENTIEL_ROWS,
      '',
      'Engagement',
      'Indicateur',
      'Participation',
      '★ 12/03/2026 — Salle pleine',
      '★ 12/03/2026 — Famille',
      '',
      'Climat',
      '',
      'Succès du club',
      '★ 12/03/2026 — Autre (3) : Texte',
      '',
      'Palmarès',
      'Score d’activité sur 100.',
      '1. Ana <3',
      '2. Membre non nommé',
      '',
      'Édité par Club Pulse',
    ]);
    expect(style(layout, 0)).toMatchObject({ weight: 'bold', size: 16, color: '#1a73e8' });
    expect([style(layout, 1).color, style(layout, 2).color]).toEqual([MUTED, MUTED]);
    expect(style(layout, 4)).toMatchObject({ weight: 'bold', background: SECTION, size: 12 });
    expect(style(layout, 5)).toMatchObject({ weight: 'normal', background: '#ffffff', color: '#202124' });
    expect(style(layout, 7)).toMatchObject({ weight: 'bold', background: SECTION, size: 14 });
    expect(layout.values[8]).toEqual(['Membres actifs', '42', '+2 depuis le 2e semestre 2025']);
    expect([style(layout, 8, 0).weight, style(layout, 8, 1).weight, style(layout, 8, 1).size]).toEqual([
      'bold',
      'bold',
      13,
    ]);
    // The change coloured by what is good: good green, bad red, none grey.
    expect([style(layout, 8, 2).color, style(layout, 10, 2).color, style(layout, 11, 2).color]).toEqual([
      GOOD,
      BAD,
      MUTED,
    ]);
    expect(style(layout, 9)).toMatchObject({ background: '#fef7e0', color: '#3c4043' });
    expect(style(layout, 12).size).toBe(11);
    expect(style(layout, 15)).toMatchObject({ weight: 'bold', background: SECTION, size: 12 });
    expect(layout.values[16]).toEqual(['Indicateur', 'Valeur', 'Évolution']);
    expect(style(layout, 16, 2)).toMatchObject({ weight: 'bold', background: HEADER });
    expect(layout.values[17]).toEqual(['Participation', '40,0 %', 'stable']);
    expect([style(layout, 17, 0).weight, style(layout, 17, 1).weight, style(layout, 17, 2).color]).toEqual([
      'normal',
      'bold',
      MUTED,
    ]);
    expect(style(layout, 23)).toMatchObject({ weight: 'bold', background: SECTION, size: 12 });
    expect(style(layout, 26)).toMatchObject({ weight: 'bold', background: SECTION, size: 12 });
    expect(style(layout, 27).color).toBe(MUTED);
    expect(layout.values[28]!.slice(0, 2)).toEqual(['1. Ana <3', 87]);
    expect(style(layout, 28, 1)).toMatchObject({ format: '0', weight: 'bold' });
    expect(style(layout, 31).color).toBe(MUTED);
  });

  it('without a club name, a message, other stories or a leaderboard, in English', () => {
    const layout = buildMembersEditionLayout(bareEdition());
    expect(layout.name).toBe("Members' edition");
    expect(rows(layout)).toEqual([
      'Le club en chiffres',
      '1er semestre 2026 (01/01/2026 – 30/06/2026)',
      'Preview of the members’ edition: print it or save it as PDF from the Club Pulse menu › Members’ edition.',
      '',
      ...ESSENTIEL_ROWS,
      '',
      'Édité par Club Pulse',
    ]);
  });
});

describe('the members’ edition page', () => {
  it('one standalone page: its language, title, style and print button, the club’s text escaped', () => {
    const html = membersEditionHtml(edition());
    expect(html.startsWith('<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">')).toBe(true);
    expect(html).toContain(
      '<title>Club &lt;Alpha&gt; — Le club en chiffres</title><style>@page{size:A4 portrait;',
    );
    expect(html).toContain('@media print{.tools{display:none}body{padding:0;max-width:none}}');
    expect(html).toContain(
      '<div class="tools"><button type="button" onclick="window.print()">Imprimer / enregistrer en PDF</button></div>',
    );
    expect(html).toContain(
      '<header><h1>Club &lt;Alpha&gt; — Le club en chiffres</h1><p class="sub">1er semestre 2026 (01/01/2026 – 30/06/2026)</p></header>',
    );
    expect(html).toContain(
      '<h2>Le mot du bureau</h2><div class="message">Merci à tous &amp; à bientôt</div>',
    );
    expect(html.endsWith('<footer>Édité par Club Pulse</footer>\n</body></html>\n')).toBe(true);
    expect(html).not.toContain('<b>phrase</b>');
    expect(html).not.toContain('Ana <3');
  });

  it('the big figures: a chart from two known values, the change in its trend’s colour, stories', () => {
    const html = membersEditionHtml(edition());
    expect(html).toContain(
      '<section><h2>L’essentiel</h2><div class="figures"><div class="figure"><div class="label">Membres actifs</div><div class="value">42</div>\n<div class="good">+2 depuis le 2e semestre 2025</div><svg',
    );
    // Three known values of four: one chart with three bars, the gap said « n.d. ».
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html).toContain('class="n">n.d.</text>');
    expect(html).toContain('aria-label="Membres actifs"');
    expect(html).toContain(
      '<div class="story"><b>★ Record (42)</b><span>Du jamais vu</span><small class="none"> — 12/03/2026 · Membres actifs</small></div></div>',
    );
    // One known value: no chart.
    expect(html).toContain('<div class="bad">−5 depuis le 2e semestre 2025</div></div>');
    expect(html).toContain('<div class="none"></div></div>');
    expect(html).toContain(
      '<p class="sub">Tendance sur 4 semestres</p>\n<ul class="sentences"><li>Une phrase.</li><li>Une autre &lt;b&gt;phrase&lt;/b&gt;.</li></ul></section>',
    );
  });

  it('the families as tables, their stories, the other stories and the leaderboard', () => {
    const html = membersEditionHtml(edition());
    expect(html).toContain(
      '<h2>Les indicateurs</h2>\n<section><h2>Engagement</h2><table><thead><tr><th>Indicateur</th><th>Valeur</th><th>Évolution</th></tr></thead><tbody>' +
        '<tr><td>Participation<div class="story"><b>★ Salle pleine</b><small class="none"> — 12/03/2026</small></div></td><td class="num">40,0 %</td><td class="flat">stable</td></tr>' +
        '</tbody></table><div class="story"><b>★ Famille</b><small class="none"> — 12/03/2026</small></div></section>',
    );
    expect(html).toContain('<section><h2>Climat</h2></section>');
    expect(html).toContain(
      '<section><h2>Succès du club</h2><div class="story"><b>★ Autre (3)</b><span>Texte</span><small class="none"> — 12/03/2026</small></div></section>',
    );
    expect(html).toContain(
      '<section><h2>Palmarès</h2><p class="sub">Score d’activité sur 100.</p><table><tbody><tr><td>1</td><td>Ana &lt;3</td><td class="num">87</td></tr><tr><td>2</td><td>Membre non nommé</td><td class="num">80</td></tr></tbody></table></section>',
    );
  });

  it('leaves out what the edition does not have', () => {
    const html = membersEditionHtml(bareEdition());
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Le club en chiffres</title>');
    expect(html).not.toContain('Le mot du bureau');
    expect(html).not.toContain('Les indicateurs');
    expect(html).not.toContain('Succès du club');
    expect(html).not.toContain('Palmarès');
    // In English a gap in a chart says « n/a ».
    expect(html).toContain('class="n">n/a</text>');
  });
});

describe('lists of two or more', () => {
  it('each item after the other, nothing between them; the page’s parts one per line', () => {
    const two = [story('Un'), story('Deux')];
    const ed = edition();
    ed.essentiel.figures[0]!.stories = two;
    ed.essentiel.figures[0]!.series = [null, null, 1, 2];
    ed.families[0]!.kpis.push({ ...ed.families[0]!.kpis[0]!, label: 'Autre', stories: two });
    ed.families[0]!.stories = two;
    ed.otherStories = two;
    const html = membersEditionHtml(ed);
    const one = (t: string) =>
      `<div class="story"><b>★ ${t}</b><small class="none"> — 12/03/2026</small></div>`;
    expect(html.split(one('Un') + one('Deux')).length - 1).toBe(4);
    expect(html).toContain('</tr><tr><td>Autre');
    expect(html).toContain('</div></div><div class="figure"><div class="label">NPS</div>');
    // Two known values are enough for a chart.
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toContain('</header>\n<h2>Le mot du bureau</h2>');
    const funders = fundersEditionHtml({
      lang: 'fr',
      title: 'T',
      clubName: '',
      periodLabel: 'p',
      periodText: 'p',
      sections: [
        {
          title: 'S',
          sentences: ['a', 'b'],
          figures: [
            { id: 'x', label: 'X', value: '1', words: '', trend: null },
            { id: 'y', label: 'Y', value: '2', words: '', trend: 'bad' },
          ],
          stories: two,
        },
      ],
      footer: 'f',
      labels: { print: 'p' },
    } as unknown as FundersEdition);
    expect(funders).toContain('<li><b>a</b></li><li><b>b</b></li>');
    expect(funders).toContain(
      '<td class="none"></td></tr><tr><td>Y</td><td class="num">2</td><td class="bad"></td></tr>',
    );
    expect(funders).toContain(one('Un') + one('Deux'));
    expect(funders).toContain('</header>\n<section>');
  });
});

describe('the funders’ edition page', () => {
  const funders = (extra: Partial<FundersEdition> = {}): FundersEdition =>
    ({
      lang: 'fr',
      title: 'Rapport aux financeurs',
      clubName: 'Club & Co',
      periodText: 'Année 2026',
      sections: [
        {
          title: 'Impact',
          sentences: ['12 000 € d’affaires'],
          figures: [{ label: 'Affaires', value: '12 000 €', words: '+20 %', trend: 'good' }],
          stories: [story('Un contrat')],
        },
        { title: 'Vide', sentences: [], figures: [], stories: [] },
      ],
      footer: 'Pied',
      labels: { print: 'Imprimer' },
      ...extra,
    }) as unknown as FundersEdition;

  it('one section per part: sentences in bold, a table of figures, stories', () => {
    const html = fundersEditionHtml(funders());
    expect(html).toContain('<title>Club &amp; Co — Rapport aux financeurs</title>');
    expect(html).toContain('onclick="window.print()">Imprimer</button>');
    expect(html).toContain(
      '<section><h2>Impact</h2><ul class="sentences"><li><b>12 000 € d’affaires</b></li></ul><table><tbody><tr><td>Affaires</td><td class="num">12 000 €</td><td class="good">+20 %</td></tr></tbody></table><div class="story"><b>★ Un contrat</b><small class="none"> — 12/03/2026</small></div></section>',
    );
    expect(html).toContain('<section><h2>Vide</h2></section>');
    expect(html).toContain('<footer>Pied</footer>');
  });

  it('without a club name', () => {
    expect(fundersEditionHtml(funders({ clubName: '' }))).toContain('<h1>Rapport aux financeurs</h1>');
  });
});

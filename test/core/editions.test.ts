// Issue 19: the members' and funders' editions as core models — consent read from Members
// `agrees_to_be_named` (blank = no), stories only when marked shareable, beside the figure they
// illustrate, the leaderboard only when Settings `edition_leaderboard` says yes, the club's message,
// « pour 1 € investi » from the ROI's own figures, and never the Stories `members` column.
import { describe, expect, it } from 'vitest';
import { buildFundersEdition } from '../../src/core/editions/funders';
import { fundersEditionHtml, membersEditionHtml } from '../../src/core/editions/html';
import { buildMembersEditionLayout } from '../../src/core/editions/layout';
import { buildMembersEdition } from '../../src/core/editions/members';
import { MEMBERS_HEADER, memberRows, run, tab } from './fixtures';

const STORIES_HEADER = ['Date', 'Titre', 'Membres', 'KPI', 'Valeur', 'Récit', 'Partageable'];

function club(settings: unknown[][] = [], shareable: unknown[] = ['oui', '', 'non']) {
  const members = memberRows(4).map((r, i) => [...r, ['oui', '', 'non', 'OUI'][i]]);
  return run([
    tab('Membres', [...MEMBERS_HEADER, "Accepte d'être nommé·e"], members),
    tab('Événements', ['ID événement', 'Date', 'Format'], [['E1', '10/03/2026', 'petit-déjeuner']]),
    tab(
      'Participations',
      ['ID événement', 'Membre', 'Inscrit', 'Présent'],
      ['M001', 'M002', 'M003', 'M004'].map((m) => ['E1', m, 'oui', 'oui']),
    ),
    tab(
      'Recommandations',
      ['Date', 'Donneur', 'Bénéficiaire', 'Type', 'Statut', 'Valeur', 'Date de clôture'],
      [['01/02/2026', 'M001', 'M002', 'recommandation', 'gagné', 12000, '01/03/2026']],
    ),
    tab('Investissements', ['Date', 'Catégorie', 'Heures', 'Montant'], [['05/01/2026', 'salle', 40, 1000]]),
    tab('Succès', STORIES_HEADER, [
      [
        '02/03/2026',
        'Un contrat signé',
        'M002, M003',
        'business_generated',
        12000,
        'Grâce au club.',
        shareable[0],
      ],
      ['03/03/2026', 'Histoire privée', 'M003', 'nps', '', 'Interne.', shareable[1]],
      ['04/03/2026', 'Autre histoire privée', 'M003', 'nps', '', 'Interne.', shareable[2]],
    ]),
    tab('Paramètres', ['Clé', 'Valeur'], [['hourly_value', 25], ...settings]),
  ]);
}

describe("members' edition", () => {
  it('reads consent (blank = no) and the shareable column into the model', () => {
    const report = club();
    expect(report.club.members.map((m) => m.agreesToBeNamed)).toEqual([true, false, false, true]);
    expect(report.club.stories.map((s) => s.shareable)).toEqual([true, false, false]);
  });

  it('puts only shareable stories beside the figure they illustrate, without the members involved', () => {
    const ed = buildMembersEdition(club());
    const business = ed.essentiel.figures.find((f) => f.id === 'business_generated')!;
    expect(business.value).toBe('12\u00a0000\u00a0€');
    expect(business.stories.map((s) => s.title)).toEqual(['Un contrat signé']);
    expect(business.stories[0].figure).toBe('12\u00a0000\u00a0€');
    const html = membersEditionHtml(ed);
    expect(html).not.toContain('Histoire privée');
    expect(html).not.toContain('M002');
    expect(html).not.toMatch(/Prenom|Nom\d|@club\.fr/);
  });

  it('has no leaderboard by default, and names only consenting members when Settings makes it public', () => {
    expect(buildMembersEdition(club()).leaderboard).toBeNull();
    const ed = buildMembersEdition(
      club([
        ['edition_leaderboard', 'oui'],
        ['edition_message', 'Bravo à tous'],
      ]),
    );
    expect(ed.message).toBe('Bravo à tous');
    const names = ed.leaderboard!.rows.map((r) => r.name);
    expect(names).toHaveLength(4);
    expect(names.filter((n) => n.startsWith('Prenom')).sort()).toEqual(['Prenom1 Nom1', 'Prenom4 Nom4']);
    expect(names.filter((n) => n === 'Membre non nommé')).toHaveLength(2);
    const cells = buildMembersEditionLayout(ed).values.flat().map(String).join('\n');
    expect(cells).toContain('Bravo à tous');
    expect(cells).not.toMatch(/Prenom[23]|Nom[23]|@club\.fr/);
  });

  it('says every change in words naming the period compared with', () => {
    const ed = buildMembersEdition(club());
    const words = ed.families.flatMap((f) => f.kpis.map((k) => k.words)).filter(Boolean);
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect(w).toMatch(/par rapport au 2e semestre 2025|un an plus tôt/);
  });
});

describe("funders' edition", () => {
  it('says « pour 1 € investi » from the ROI figures, and the hours given at the hourly value', () => {
    const ed = buildFundersEdition(club());
    const sentences = ed.sections.flatMap((s) => s.sentences);
    // Returns 12,000 ÷ investment (1,000 + 40 h × 25 = 2,000) = 6 € for 1 €.
    expect(sentences).toContain(
      'Pour 1\u00a0€ investi dans le club au 1er semestre 2026, 6\u00a0€ d’affaires ont été générées entre ses membres.',
    );
    expect(sentences).toContain(
      '40 heures données par l’équipe et les bénévoles au 1er semestre 2026, soit 1\u00a0000\u00a0€ au taux de 25\u00a0€ de l’heure.',
    );
    const html = fundersEditionHtml(ed);
    expect(html).not.toMatch(/Prenom|@club\.fr|salle/);
  });
});

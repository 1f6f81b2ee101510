// Tests of the seeded synthetic club generator: determinism, sizes per scale, SPEC §1 headers in
// French and English, referential integrity, dates up to today, guests who later join, messy defects.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type ClubScale,
  type GeneratedClub,
  generateClub,
  type TabKey,
} from '../../../src/local/demo/generator';
import type { CellValue, DateCell } from '../../../src/local/workbook/model';

const TODAY = '2026-03-15';
const TODAY_SERIAL = 46096; // 2026-03-15

/** SPEC §1, typed here independently of the generator's own tables. */
const SPEC_HEADERS: Record<TabKey, { name: [string, string]; fr: string[]; en: string[] }> = {
  members: {
    name: ['Membres', 'Members'],
    fr: [
      'ID membre',
      'Prénom',
      'Nom',
      'E-mail',
      'Entreprise',
      'Secteur',
      "Date d'adhésion",
      'Date de départ',
      'Motif de départ',
      'Statut',
      'Parrain',
      'Téléphone',
      'Site web',
      'LinkedIn',
      'Bio',
      'Expertise',
      'URL photo',
      "Ce que j'offre",
      'Ce que je recherche',
      "Accepte d'être nommé·e",
      "Pas d'e-mail",
      'Effacé le',
    ],
    en: [
      'Member ID',
      'First name',
      'Last name',
      'Email',
      'Company',
      'Sector',
      'Joined on',
      'Left on',
      'Leave reason',
      'Status',
      'Sponsor ID',
      'Phone',
      'Website',
      'LinkedIn',
      'Bio',
      'Expertise',
      'Photo URL',
      'What I offer',
      'What I look for',
      'Agrees to be named',
      'No e-mail',
      'Erased on',
    ],
  },
  dues: {
    name: ['Cotisations', 'Dues'],
    fr: ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'],
    en: ['Member ID', 'Term', 'Amount', 'Paid on', 'Status'],
  },
  events: {
    name: ['Événements', 'Events'],
    fr: [
      'ID événement',
      'Date',
      'Titre',
      'Format',
      'Capacité',
      'Coût',
      'Heures bénévoles',
      'Enquête à chaud',
    ],
    en: ['Event ID', 'Date', 'Title', 'Format', 'Capacity', 'Cost', 'Volunteer hours', 'Hot survey'],
  },
  attendance: {
    name: ['Participations', 'Attendance'],
    fr: ['ID événement', 'Membre', 'Inscrit', 'Présent', 'Invité', 'Invité par'],
    en: ['Event ID', 'Member', 'Registered', 'Attended', 'Guest', 'Invited by'],
  },
  communications: {
    name: ['Communications', 'Communications'],
    fr: [
      'Date',
      'Campagne',
      'Type',
      'Destinataires',
      'Rebonds',
      'Ouvertures uniques',
      'Clics uniques',
      'Désinscriptions',
    ],
    en: [
      'Date',
      'Campaign',
      'Type',
      'Recipients',
      'Bounces',
      'Unique opens',
      'Unique clicks',
      'Unsubscribes',
    ],
  },
  interactions: {
    name: ['Interactions', 'Interactions'],
    fr: ['Date', 'Membre', 'Type', 'Canal', 'Note'],
    en: ['Date', 'Member', 'Type', 'Channel', 'Note'],
  },
  referrals: {
    name: ['Recommandations', 'Referrals'],
    fr: ['Date', 'Donneur', 'Bénéficiaire', 'Type', 'Statut', 'Valeur', 'Date de clôture', 'Note'],
    en: ['Date', 'Giver', 'Receiver', 'Type', 'Status', 'Value', 'Closed on', 'Note'],
  },
  contents: {
    name: ['Contenus', 'Contents'],
    fr: ['Date', 'Auteur', 'Type', 'Titre', 'Thème', 'Réactions'],
    en: ['Date', 'Author', 'Type', 'Title', 'Topic', 'Reactions'],
  },
  responses: {
    name: ['Réponses', 'Responses'],
    fr: [
      'Horodatage',
      'ID enquête',
      "Type d'enquête",
      'ID événement',
      'Membre',
      'NPS',
      'Satisfaction',
      'Contacts noués',
      'Contacts décisifs',
      'Valeur de la rencontre',
      'Appartenance',
      'Entraide',
      'Formats préférés',
      'Le plus bénéfique',
      'Attentes',
      'Commentaire',
    ],
    en: [
      'Submitted at',
      'Survey ID',
      'Survey kind',
      'Event ID',
      'Member',
      'NPS',
      'Satisfaction',
      'Contacts made',
      'Decisive contacts',
      'Connection value',
      'Belonging',
      'Mutual help',
      'Preferred formats',
      'Most valuable',
      'Expectations',
      'Comment',
    ],
  },
  visibility: {
    name: ['Notoriété', 'Visibility'],
    fr: ['Date', 'Type', 'Sentiment', 'Source', 'Lien'],
    en: ['Date', 'Type', 'Sentiment', 'Source', 'Link'],
  },
  stories: {
    name: ['Succès', 'Stories'],
    fr: ['Date', 'Titre', 'Membres', 'KPI', 'Valeur', 'Récit', 'Partageable'],
    en: ['Date', 'Title', 'Members', 'KPI', 'Value', 'Story', 'Shareable'],
  },
  investment: {
    name: ['Investissements', 'Investment'],
    fr: ['Date', 'Catégorie', 'Heures', 'Montant', 'Note'],
    en: ['Date', 'Category', 'Hours', 'Amount', 'Note'],
  },
  settings: { name: ['Paramètres', 'Settings'], fr: ['Clé', 'Valeur'], en: ['Key', 'Value'] },
  challenges: {
    name: ['Défis', 'Challenges'],
    fr: ['Mois', 'Défi', 'Objectif par membre (N)', 'Objectif du club', 'Intitulé'],
    en: ['Month', 'Challenge', 'Target per member (N)', 'Club target', 'Label'],
  },
};

const isDate = (v: CellValue): v is DateCell => typeof v === 'object' && v !== null;
const rowsOf = (club: GeneratedClub, key: TabKey): CellValue[][] =>
  club.tabs.find((t) => t.key === key)!.rows.slice(1);
const col = (club: GeneratedClub, key: TabKey, label: string): number => {
  const header = club.tabs.find((t) => t.key === key)!.rows[0];
  const i = header.indexOf(label);
  if (i < 0) throw new Error(`${key} has no column ${label}`);
  return i;
};
const within = (actual: number, target: number, tolerance = 0.15): void => {
  expect(actual, `${actual} vs ${target}`).toBeGreaterThanOrEqual(target * (1 - tolerance));
  expect(actual, `${actual} vs ${target}`).toBeLessThanOrEqual(target * (1 + tolerance));
};

const cache = new Map<string, GeneratedClub>();
function club(scale: ClubScale, lang: 'fr' | 'en' = 'fr', messy = false): GeneratedClub {
  const key = `${scale}/${lang}/${messy}`;
  let c = cache.get(key);
  if (!c) {
    c = generateClub({ scale, lang, messy, today: TODAY, seed: 7 });
    cache.set(key, c);
  }
  return c;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('generateClub: determinism', () => {
  it('gives deep-equal clubs for the same options, without Math.random or the clock', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    const a = generateClub({ scale: 'demo', seed: 42, today: TODAY, messy: true });
    const b = generateClub({ scale: 'demo', seed: 42, today: TODAY, messy: true });
    expect(a).toEqual(b);
    expect(generateClub({ scale: 'S', seed: 3, today: TODAY, lang: 'en' })).toEqual(
      generateClub({ scale: 'S', seed: 3, today: TODAY, lang: 'en' }),
    );
  });

  it('gives another club for another seed', () => {
    const a = generateClub({ scale: 'S', seed: 1, today: TODAY });
    const b = generateClub({ scale: 'S', seed: 2, today: TODAY });
    expect(rowsOf(a, 'members')[0]).not.toEqual(rowsOf(b, 'members')[0]);
  });

  it('rejects a malformed today', () => {
    expect(() => generateClub({ scale: 'S', today: '15/03/2026' })).toThrow(/YYYY-MM-DD/);
  });
});

describe('generateClub: headers and tab names', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`writes SPEC §1 tab names and header labels exactly (${lang})`, () => {
      const c = club('demo', lang);
      expect(c.tabs.map((t) => t.key)).toEqual(Object.keys(SPEC_HEADERS));
      for (const tab of c.tabs) {
        const spec = SPEC_HEADERS[tab.key];
        expect(tab.name).toBe(spec.name[lang === 'fr' ? 0 : 1]);
        expect(tab.rows[0]).toEqual(spec[lang]);
        for (const row of tab.rows) expect(row.length).toBe(spec[lang].length);
      }
    });
  }

  it('uses enumerated values of the chosen language', () => {
    const fr = club('demo', 'fr');
    const en = club('demo', 'en');
    const values = (c: GeneratedClub, key: TabKey, label: string) =>
      new Set(rowsOf(c, key).map((r) => r[col(c, key, label)]));
    expect(values(fr, 'dues', 'Statut')).toEqual(new Set(['payé', 'en attente', 'annulé', 'remboursé', '']));
    expect(values(en, 'dues', 'Status')).toEqual(new Set(['paid', 'pending', 'cancelled', 'refunded', '']));
    expect(values(fr, 'referrals', 'Statut')).toEqual(new Set(['en cours', 'gagné', 'perdu', 'sans suite']));
    expect(values(en, 'referrals', 'Status')).toEqual(new Set(['open', 'won', 'lost', 'no follow-up']));
    expect(values(fr, 'referrals', 'Type')).toEqual(
      new Set(['recommandation', 'mise en relation', 'lead', 'partenariat', 'projet collectif']),
    );
    expect(values(en, 'responses', 'Survey kind')).toEqual(new Set(['hot', 'cold']));
    expect(values(en, 'attendance', 'Attended')).toEqual(new Set(['yes', 'no', '']));
    expect(values(fr, 'events', 'Format').has('petit-déjeuner')).toBe(true);
    expect(values(en, 'events', 'Format').has('breakfast')).toBe(true);
    expect(values(fr, 'investment', 'Catégorie')).toEqual(
      new Set(['temps', 'salle', 'outils', 'communication', 'organisation', 'autre']),
    );
  });
});

describe('generateClub: sizes per scale', () => {
  it('makes a plausible demo club', () => {
    const c = club('demo');
    expect(c.name).toBe('Club des Entrepreneurs du Val de Loire');
    within(c.stats.members, 120);
    within(rowsOf(c, 'members').length, 120);
    const events = rowsOf(c, 'events');
    within(events.length, 2 * 12 * 4 + 3);
    const planned = events.filter((r) => (r[1] as DateCell).serial >= TODAY_SERIAL + 1);
    expect(planned.length).toBeGreaterThanOrEqual(2);
    expect(planned.length).toBeLessThanOrEqual(3);
    expect(new Set(rowsOf(c, 'events').map((r) => r[3])).size).toBeGreaterThanOrEqual(8);
    const stories = rowsOf(c, 'stories');
    expect(stories.length).toBeGreaterThanOrEqual(4);
    expect(stories.length).toBeLessThanOrEqual(6);
    const settings = new Map(rowsOf(c, 'settings').map((r) => [r[0], r[1]]));
    expect(settings.get('club_name')).toBe(c.name);
    expect(settings.get('hourly_value')).toBe(30);
    expect(settings.get('fiscal_year_start_month')).toBe(1);
    expect(settings.get('target.participation_rate')).toBe(0.6);
    expect(settings.get('target.nps')).toBe(30);
  });

  it('gives the demo realistic survey and email figures', () => {
    const c = club('demo');
    const answers = rowsOf(c, 'responses')
      .map((r) => r[5])
      .filter((v): v is number => typeof v === 'number');
    const nps =
      ((answers.filter((n) => n >= 9).length - answers.filter((n) => n <= 6).length) / answers.length) * 100;
    expect(nps).toBeGreaterThanOrEqual(20);
    expect(nps).toBeLessThanOrEqual(40);
    let opens = 0;
    let delivered = 0;
    for (const r of rowsOf(c, 'communications')) {
      opens += r[5] as number;
      delivered += (r[3] as number) - (r[4] as number);
      within(r[3] as number, 110, 0.4);
    }
    expect(opens / delivered).toBeGreaterThanOrEqual(0.35);
    expect(opens / delivered).toBeLessThanOrEqual(0.5);
    const kinds = new Set(rowsOf(c, 'responses').map((r) => r[2]));
    expect(kinds).toEqual(new Set(['chaud', 'froid']));
    const terms = new Set(rowsOf(c, 'dues').map((r) => r[1]));
    expect([...terms].some((t) => /^\d{4}-\d{4}$/.test(String(t)))).toBe(true);
    expect(terms.has('2025')).toBe(true);
  });

  it('makes S: 100 members over one year', () => {
    const c = club('S');
    within(c.stats.members, 100);
    const dates = rowsOf(c, 'events').map((r) => (r[1] as DateCell).serial);
    expect(TODAY_SERIAL - Math.min(...dates)).toBeLessThanOrEqual(366);
  });

  it('makes M: 1,000 members, 3 years, about 50,000 attendance rows', () => {
    const c = club('M');
    within(c.stats.members, 1000);
    within(rowsOf(c, 'attendance').length, 50_000);
    const dates = rowsOf(c, 'events').map((r) => (r[1] as DateCell).serial);
    within(TODAY_SERIAL - Math.min(...dates), 3 * 365, 0.05);
  });

  it('makes L: 5,000 members, 1,000 events, about 3 million cells, in a few seconds', () => {
    const t0 = performance.now();
    const c = generateClub({ scale: 'L', today: TODAY, seed: 7 });
    const ms = performance.now() - t0;
    console.log(`scale L: ${JSON.stringify(c.stats)} generated in ${ms.toFixed(0)} ms`);
    within(c.stats.members, 5000);
    within(rowsOf(c, 'events').length, 1000);
    within(rowsOf(c, 'attendance').length, 250_000);
    within(rowsOf(c, 'referrals').length, 50_000);
    within(rowsOf(c, 'responses').length, 20_000);
    within(c.stats.cells, 3_000_000);
    let cells = 0;
    let rows = 0;
    for (const tab of c.tabs) {
      rows += tab.rows.length - 1;
      for (const row of tab.rows) cells += row.length;
    }
    expect(c.stats).toEqual({ members: 5000, rows, cells });
  });
});

describe('generateClub: integrity', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`references only existing events and members (${lang})`, () => {
      const c = club('demo', lang);
      const yes = lang === 'fr' ? 'oui' : 'yes';
      const members = rowsOf(c, 'members');
      const ids = new Set(members.map((r) => r[0]));
      const emails = new Set(members.map((r) => r[3]));
      expect(ids.size).toBe(members.length);
      expect(emails.size).toBe(members.length);
      const events = new Set(rowsOf(c, 'events').map((r) => r[0]));
      for (const r of rowsOf(c, 'attendance')) {
        expect(events.has(r[0])).toBe(true);
        if (r[4] === yes) {
          expect(ids.has(r[5])).toBe(true); // invited_by
        } else {
          expect(ids.has(r[1]) || emails.has(r[1])).toBe(true);
        }
      }
      for (const r of members) if (r[10] !== '') expect(ids.has(r[10])).toBe(true);
      for (const r of rowsOf(c, 'dues')) expect(ids.has(r[0])).toBe(true);
      for (const r of rowsOf(c, 'referrals')) expect(ids.has(r[1])).toBe(true);
      for (const r of rowsOf(c, 'interactions')) expect(ids.has(r[1])).toBe(true);
      for (const r of rowsOf(c, 'contents')) expect(ids.has(r[1])).toBe(true);
      for (const r of rowsOf(c, 'responses')) {
        if (r[4] !== '') expect(ids.has(r[4])).toBe(true);
        if (r[3] !== '') expect(events.has(r[3])).toBe(true);
        expect(r[5]).toBeGreaterThanOrEqual(0);
        expect(r[5]).toBeLessThanOrEqual(10);
      }
      for (const r of rowsOf(c, 'stories')) {
        for (const id of String(r[2]).split(', ')) expect(ids.has(id)).toBe(true);
      }
    });
  }

  it('dates nothing after today but the planned events; whole days except event hours and answer times', () => {
    const c = club('demo');
    let planned = 0;
    let timed = 0;
    for (const tab of c.tabs) {
      for (const row of tab.rows.slice(1)) {
        row.forEach((v, i) => {
          if (!isDate(v)) return;
          if (tab.key === 'events' && i === 1 && v.serial >= TODAY_SERIAL + 1) {
            planned++;
            expect(v.serial).toBeLessThan(TODAY_SERIAL + 60);
            return;
          }
          expect(Math.floor(v.serial), `${tab.key} ${JSON.stringify(row)}`).toBeLessThanOrEqual(TODAY_SERIAL);
          const whole = Number.isInteger(v.serial);
          if (tab.key === 'responses' && i === 0) {
            if (!whole) timed++;
          } else if (!(tab.key === 'events' && i === 1)) {
            expect(whole, `${tab.key} ${JSON.stringify(row)}`).toBe(true);
          }
        });
      }
    }
    expect(planned).toBeGreaterThanOrEqual(2);
    expect(timed).toBe(rowsOf(c, 'responses').length);
    const eventTimes = rowsOf(c, 'events').map((r) => (r[1] as DateCell).serial % 1);
    expect(eventTimes.every((t) => t > 0)).toBe(true);
  });

  it('keeps planned events free of attendance outcomes and surveys', () => {
    const c = club('demo');
    const planned = new Set(
      rowsOf(c, 'events')
        .filter((r) => (r[1] as DateCell).serial >= TODAY_SERIAL + 1)
        .map((r) => r[0]),
    );
    const rows = rowsOf(c, 'attendance').filter((r) => planned.has(r[0]));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r[3]).toBe('');
    for (const r of rowsOf(c, 'events').filter((e) => planned.has(e[0]))) expect(r[7]).toBe('');
    for (const r of rowsOf(c, 'responses')) expect(planned.has(r[3])).toBe(false);
  });

  it('has guests who later join as members (same email, within 180 days)', () => {
    for (const scale of ['demo', 'S', 'M'] as const) {
      const c = club(scale);
      const joined = new Map(rowsOf(c, 'members').map((r) => [r[3], (r[6] as DateCell).serial]));
      const eventDay = new Map(rowsOf(c, 'events').map((r) => [r[0], Math.floor((r[1] as DateCell).serial)]));
      const converted = new Set<CellValue>();
      for (const r of rowsOf(c, 'attendance')) {
        if (r[4] !== 'oui' || !joined.has(r[1])) continue;
        const delay = joined.get(r[1])! - eventDay.get(r[0])!;
        expect(delay).toBeGreaterThan(0);
        if (delay <= 180) converted.add(r[1]);
      }
      expect(converted.size, scale).toBeGreaterThan(0);
      const guests = new Set(
        rowsOf(c, 'attendance')
          .filter((r) => r[4] === 'oui')
          .map((r) => r[1]),
      );
      expect(converted.size / guests.size).toBeGreaterThan(0.03);
    }
  });

  it('keeps the members ledger consistent: former members have left_on, paid dues have paid_on', () => {
    const c = club('demo');
    for (const r of rowsOf(c, 'members')) {
      if (r[9] === 'ancien') expect(isDate(r[7])).toBe(true);
      if (isDate(r[7])) {
        expect(r[9] === 'ancien' || r[9] === '').toBe(true);
        expect(r[7].serial).toBeGreaterThan((r[6] as DateCell).serial);
      }
    }
    expect(rowsOf(c, 'members').some((r) => isDate(r[7]) && r[8] !== '')).toBe(true);
    expect(rowsOf(c, 'members').some((r) => r[10] !== '')).toBe(true);
    for (const r of rowsOf(c, 'dues')) {
      if (r[4] === 'payé') expect(isDate(r[3])).toBe(true);
      if (r[4] === 'en attente' || r[4] === 'annulé') expect(r[3]).toBe('');
    }
    const statuses = new Set(rowsOf(c, 'referrals').map((r) => r[4]));
    expect(statuses).toEqual(new Set(['en cours', 'gagné', 'perdu', 'sans suite']));
    for (const r of rowsOf(c, 'referrals')) {
      if (r[4] === 'en cours') expect(r[6]).toBe('');
      else expect(isDate(r[6])).toBe(true);
      if (typeof r[5] === 'number') expect(r[4]).toBe('gagné');
    }
  });
});

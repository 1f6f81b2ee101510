/**
 * The hot and cold surveys (src/core/surveys.ts), hand-worked (issue 23): survey ids read back,
 * the forms a club creates (titles, member code item unless anonymous, the voice questions before
 * the closing comment), response-tab headers matched in both languages, and one form answer turned
 * into a Responses row: bounds checked, free text kept as typed, the member code dropped when the
 * surveys are anonymous.
 */

import { describe, expect, it } from 'vitest';
import {
  type AnswerSource,
  coldSurvey,
  coldSurveyId,
  fieldOfHeader,
  hotSurvey,
  hotSurveyId,
  isSemester,
  kindLabel,
  normalizeAnswer,
  parseSurveyId,
  personalUrl,
} from '../../../src/core/surveys';

const NPS_FR = 'Recommanderiez-vous ce réseau à un proche ?';
const SATISFACTION_EN = 'How satisfied are you with the event?';
const CONTACTS_FR = 'Combien de contacts avez-vous noués ?';
const MEMBER_FR = 'Code membre (prérempli, ne pas modifier)';
const COMMENT_FR = 'Un commentaire ?';
const VALUE_FR = 'Quelle valeur a eue votre rencontre la plus utile ?';

function hot(extra: Partial<AnswerSource> = {}): AnswerSource {
  return { surveyId: 'HOT-E1', kind: 'hot', eventId: 'E1', anonymous: false, lang: 'fr', ...extra };
}

describe('survey ids', () => {
  it('reads semesters only as yyyy-S1 or yyyy-S2', () => {
    expect(isSemester('2026-S1')).toBe(true);
    expect(isSemester('2026-S2')).toBe(true);
    expect(isSemester('2026-S3')).toBe(false);
    expect(isSemester('x2026-S1')).toBe(false);
    expect(isSemester('2026-S1x')).toBe(false);
    expect(isSemester('26-S1')).toBe(false);
  });

  it('names surveys HOT-<event> and COLD-<semester> and reads them back', () => {
    expect(hotSurveyId('E12')).toBe('HOT-E12');
    expect(coldSurveyId('2026-S1')).toBe('COLD-2026-S1');
    expect(parseSurveyId(' HOT-E12 ')).toEqual({ kind: 'hot', target: 'E12' });
    expect(parseSurveyId('HOT-E')).toEqual({ kind: 'hot', target: 'E' });
    expect(parseSurveyId('COLD-2026-S2')).toEqual({ kind: 'cold', target: '2026-S2' });
  });

  it('reads no survey from other ids', () => {
    expect(parseSurveyId('HOT-')).toBeNull();
    expect(parseSurveyId('hot-E1')).toBeNull();
    expect(parseSurveyId('COLD-2026')).toBeNull();
    expect(parseSurveyId('COLD-')).toBeNull();
    expect(parseSurveyId('XHOT-E1')).toBeNull();
    expect(parseSurveyId('ABCDE2026-S1')).toBeNull();
    expect(parseSurveyId('')).toBeNull();
  });
});

describe('hotSurvey', () => {
  it('asks for the member code first unless the surveys are anonymous', () => {
    const named = hotSurvey(
      { id: 'E1', title: 'Petit-déjeuner', dateText: '12/03/2026' },
      { anonymous: false },
    );
    expect(named.surveyId).toBe('HOT-E1');
    expect(named.kind).toBe('hot');
    expect(named.target).toBe('E1');
    expect(named.title).toEqual({
      fr: 'Votre avis : Petit-déjeuner (12/03/2026)',
      en: 'Your feedback: Petit-déjeuner (12/03/2026)',
    });
    expect(named.description.fr).toBe(
      'Deux minutes pour nous dire ce que cet événement vous a apporté. Merci !',
    );
    expect(named.description.en).toBe('Two minutes to tell us what this event brought you. Thank you!');
    expect(named.confirmation).toEqual({
      fr: 'Merci, votre réponse est enregistrée.',
      en: 'Thank you, your answer is recorded.',
    });
    expect(named.items.map((i) => i.field)).toEqual([
      'member',
      'satisfaction',
      'nps',
      'contacts_made',
      'decisive_contacts',
      'connection_value',
      'comment',
    ]);
    const anonymous = hotSurvey(
      { id: 'E1', title: 'Petit-déjeuner', dateText: '12/03/2026' },
      { anonymous: true },
    );
    expect(anonymous.items.map((i) => i.field)).toEqual([
      'satisfaction',
      'nps',
      'contacts_made',
      'decisive_contacts',
      'connection_value',
      'comment',
    ]);
  });

  it('names an untitled event by its id', () => {
    const survey = hotSurvey({ id: 'E9', title: '', dateText: '01/02/2026' }, { anonymous: true });
    expect(survey.title.fr).toBe('Votre avis : E9 (01/02/2026)');
    expect(survey.title.en).toBe('Your feedback: E9 (01/02/2026)');
  });
});

describe('coldSurvey', () => {
  it('titles the semester in both languages', () => {
    const first = coldSurvey('2026-S1', { anonymous: false });
    expect(first?.surveyId).toBe('COLD-2026-S1');
    expect(first?.kind).toBe('cold');
    expect(first?.target).toBe('2026-S1');
    expect(first?.title).toEqual({
      fr: 'Baromètre du réseau — 1er semestre 2026',
      en: 'Network barometer — 2026 semester 1',
    });
    expect(first?.description.fr).toBe(
      'Cinq minutes pour nous dire ce que le réseau vous apporte et ce que vous en attendez.',
    );
    expect(first?.description.en).toBe(
      'Five minutes to tell us what the network brings you and what you expect from it.',
    );
    expect(first?.confirmation.fr).toBe('Merci, votre réponse est enregistrée.');
    expect(first?.confirmation.en).toBe('Thank you, your answer is recorded.');
    expect(coldSurvey('2027-S2', { anonymous: true })?.title).toEqual({
      fr: 'Baromètre du réseau — 2e semestre 2027',
      en: 'Network barometer — 2027 semester 2',
    });
  });

  it('makes no survey of a label that is not a semester', () => {
    expect(coldSurvey('2026', { anonymous: false })).toBeNull();
    expect(coldSurvey('2026-Q1', { anonymous: false })).toBeNull();
  });

  it('puts the member code first (unless anonymous) and the voice questions before the comment', () => {
    const plain = coldSurvey('2026-S1', { anonymous: false });
    expect(plain?.items.map((i) => i.field)).toEqual([
      'member',
      'nps',
      'most_valuable',
      'expectations',
      'belonging',
      'mutual_help',
      'decisive_contacts',
      'preferred_formats',
      'comment',
    ]);
    const voiced = coldSurvey('2026-S1', {
      anonymous: true,
      workshops: ['Prospection'],
      kpis: [{ fr: 'Taux de renouvellement', en: 'Renewal rate' }],
    });
    expect(voiced?.items.map((i) => i.field)).toEqual([
      'nps',
      'most_valuable',
      'expectations',
      'belonging',
      'mutual_help',
      'decisive_contacts',
      'preferred_formats',
      'workshop_wishes',
      'kpi_votes',
      'comment',
    ]);
  });
});

describe('fieldOfHeader', () => {
  it('matches a question title in either language, whatever the accents, case and spaces', () => {
    expect(fieldOfHeader(NPS_FR)).toBe('nps');
    expect(fieldOfHeader('recommanderiez vous ce reseau a un proche')).toBe('nps');
    expect(fieldOfHeader(SATISFACTION_EN)).toBe('satisfaction');
    expect(fieldOfHeader(MEMBER_FR)).toBe('member');
    expect(fieldOfHeader('Which workshops would you like the club to run?')).toBe('workshop_wishes');
    expect(fieldOfHeader('Quels formats préférez-vous ?')).toBe('preferred_formats');
  });

  it('matches nothing else', () => {
    expect(fieldOfHeader('Votre entreprise ?')).toBeNull();
    expect(fieldOfHeader('')).toBeNull();
    expect(fieldOfHeader(null)).toBeNull();
    expect(fieldOfHeader(undefined)).toBeNull();
    expect(fieldOfHeader(' ?! ')).toBeNull();
  });
});

describe('normalizeAnswer', () => {
  it('makes nothing of an empty row', () => {
    expect(normalizeAnswer(['Horodateur', NPS_FR], ['', '  '], hot())).toBeNull();
    expect(normalizeAnswer(['Horodateur', NPS_FR], [null, undefined], hot())).toBeNull();
    expect(normalizeAnswer(['Horodateur', NPS_FR], [], hot())).toBeNull();
  });

  it('turns a hot answer into a Responses row, numbers checked and text kept as typed', () => {
    const when = new Date(2026, 2, 12, 9, 30);
    const row = normalizeAnswer(
      ['Horodateur', MEMBER_FR, SATISFACTION_EN, NPS_FR, CONTACTS_FR, VALUE_FR, COMMENT_FR, 'Autre colonne'],
      [when, ' M-007 ', 4, '10', ' 3 ', 5, ' 42 ', 'x'],
      hot(),
    );
    expect(row).toEqual({
      submitted_at: when,
      survey_id: 'HOT-E1',
      kind: 'chaud',
      event_id: 'E1',
      member: 'M-007',
      satisfaction: 4,
      nps: 10,
      contacts_made: 3,
      connection_value: 5,
      comment: '42',
    });
  });

  it('keeps as text what the form could not have produced', () => {
    const row = normalizeAnswer(
      ['Timestamp', SATISFACTION_EN, NPS_FR, CONTACTS_FR, VALUE_FR],
      ['12/03/2026 09:30:00', 0, 11, '-1', 3.5],
      hot({ lang: 'en' }),
    );
    expect(row).toEqual({
      submitted_at: '12/03/2026 09:30:00',
      survey_id: 'HOT-E1',
      kind: 'hot',
      event_id: 'E1',
      member: '',
      satisfaction: '0',
      nps: '11',
      contacts_made: '-1',
      connection_value: '3.5',
    });
  });

  it('reads the scale bounds of each question: 0 to 10 for the NPS, 1 to 5 otherwise', () => {
    const row = normalizeAnswer(
      ['Horodateur', NPS_FR, SATISFACTION_EN, VALUE_FR, CONTACTS_FR],
      ['t', 0, 6, 1, '0'],
      hot(),
    );
    expect(row?.nps).toBe(0);
    expect(row?.satisfaction).toBe('6');
    expect(row?.connection_value).toBe(1);
    expect(row?.contacts_made).toBe(0);
    const top = normalizeAnswer(['Horodateur', NPS_FR, SATISFACTION_EN], ['t', 7, 5], hot());
    expect(top?.nps).toBe(7);
    expect(top?.satisfaction).toBe(5);
  });

  it('counts any whole number of contacts and keeps words as text', () => {
    const row = normalizeAnswer(['Horodateur', CONTACTS_FR], ['t', '1200'], hot());
    expect(row?.contacts_made).toBe(1200);
    const words = normalizeAnswer(['Horodateur', CONTACTS_FR], ['t', 'trois'], hot());
    expect(words?.contacts_made).toBe('trois');
    const mixed = normalizeAnswer(['Horodateur', CONTACTS_FR], ['t', '3 ou 4'], hot());
    expect(mixed?.contacts_made).toBe('3 ou 4');
  });

  it('drops the member code of an anonymous survey but keeps the comment', () => {
    const row = normalizeAnswer(
      ['Horodateur', MEMBER_FR, COMMENT_FR],
      ['t', 'M-007', 'Très bien'],
      hot({ anonymous: true }),
    );
    expect(row?.member).toBe('');
    expect(row?.comment).toBe('Très bien');
  });

  it('joins the ticked choices of a checkbox question', () => {
    const row = normalizeAnswer(
      ['Horodateur', 'Quels formats préférez-vous ?'],
      ['t', ['atelier', 'visite']],
      { surveyId: 'COLD-2026-S1', kind: 'cold', eventId: 'E1', anonymous: false, lang: 'fr' },
    );
    expect(row).toEqual({
      submitted_at: 't',
      survey_id: 'COLD-2026-S1',
      kind: 'froid',
      event_id: '',
      member: '',
      preferred_formats: 'atelier, visite',
    });
  });

  it('takes the submission time from the first column, else from the first timestamp column', () => {
    const first = normalizeAnswer(
      ['Horodateur', NPS_FR, 'Timestamp'],
      ['10/01/2026', 8, '11/01/2026'],
      hot(),
    );
    expect(first?.submitted_at).toBe('10/01/2026');
    expect(first?.nps).toBe(8);
    const later = normalizeAnswer(
      ['Début', NPS_FR, 'Marqueur temporel', 'Horodatage'],
      ['', 8, '11/01/2026', 'z'],
      hot(),
    );
    expect(later?.submitted_at).toBe('11/01/2026');
    const untitled = normalizeAnswer(['Envoyé le', NPS_FR], ['10/01/2026', 8], hot());
    expect(untitled?.submitted_at).toBe('10/01/2026');
    const none = normalizeAnswer(['Début', NPS_FR], [null, 8], hot());
    expect(none?.submitted_at).toBe('');
  });

  it('skips blank answers and columns without a header', () => {
    const row = normalizeAnswer(['Horodateur', null, NPS_FR, COMMENT_FR], ['t', 'x', '', '   '], hot());
    expect(row).toEqual({
      submitted_at: 't',
      survey_id: 'HOT-E1',
      kind: 'chaud',
      event_id: 'E1',
      member: '',
    });
  });
});

describe('kindLabel and personalUrl', () => {
  it('labels the kinds chaud/froid, hot/cold', () => {
    expect(kindLabel('hot', 'fr')).toBe('chaud');
    expect(kindLabel('cold', 'fr')).toBe('froid');
    expect(kindLabel('hot', 'en')).toBe('hot');
    expect(kindLabel('cold', 'en')).toBe('cold');
  });

  it('puts the member code, encoded, in every placeholder of the pre-filled link', () => {
    expect(personalUrl('https://f/x?a=CLUBPULSE_MEMBER_CODE&b=CLUBPULSE_MEMBER_CODE', 'M 7&é')).toBe(
      'https://f/x?a=M%207%26%C3%A9&b=M%207%26%C3%A9',
    );
    expect(personalUrl('https://f/x', 'M1')).toBe('https://f/x');
  });
});

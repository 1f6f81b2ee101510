/**
 * The members' edition as a generated tab (« Édition membres » / "Members' edition"), rebuilt at each
 * refresh: the board's preview of what the print view and the e-mail show (Sheets cannot share one
 * tab alone). Same content as html.ts, without charts: the trend is given by its words.
 */

import { LayoutBuilder as Builder, type LayoutBuilder, type SheetLayout } from '../layout';
import type { EditionStory, MembersEdition } from './members';
import { MEMBERS_EDITION_NAME } from './members';

const COLOURS = {
  title: '#1a73e8',
  section: '#e8f0fe',
  header: '#f1f3f4',
  story: '#fef7e0',
  good: '#137333',
  bad: '#c5221f',
  muted: '#5f6368',
};
const WIDTHS = [300, 130, 420];

const PREVIEW = {
  fr: 'Aperçu de l’édition membres : à imprimer ou enregistrer en PDF depuis le menu Club Pulse › Édition membres.',
  en: 'Preview of the members’ edition: print it or save it as PDF from the Club Pulse menu › Members’ edition.',
};

function colourOf(trend: string | null): string {
  return trend === 'good' ? COLOURS.good : trend === 'bad' ? COLOURS.bad : COLOURS.muted;
}

function storyRows(b: LayoutBuilder, stories: EditionStory[]): void {
  for (const s of stories) {
    const figure = s.figure ? ` (${s.figure})` : '';
    b.row([`★ ${s.date} — ${s.title}${figure}${s.text ? ` : ${s.text}` : ''}`], {
      background: COLOURS.story,
      color: '#3c4043',
    });
  }
}

export function buildMembersEditionLayout(ed: MembersEdition): SheetLayout {
  const b = new Builder(MEMBERS_EDITION_NAME[ed.lang], WIDTHS);
  const l = ed.labels;
  b.row([ed.clubName ? `${ed.clubName} — ${ed.title}` : ed.title], {
    bold: true,
    size: 16,
    color: COLOURS.title,
  });
  b.row([ed.periodText], { color: COLOURS.muted });
  b.row([PREVIEW[ed.lang]], { color: COLOURS.muted });
  b.blank();
  if (ed.message) {
    b.row([l.message], { bold: true, background: COLOURS.section, size: 12 });
    b.row([ed.message]);
    b.blank();
  }
  b.row([ed.essentiel.title], { bold: true, background: COLOURS.section, size: 14 });
  for (const f of ed.essentiel.figures) {
    b.row([
      { value: f.label, style: { bold: true } },
      { value: f.value, style: { bold: true, size: 13 } },
      { value: f.words, style: { color: colourOf(f.trend) } },
    ]);
    storyRows(b, f.stories);
  }
  for (const sentence of ed.essentiel.sentences) b.row([sentence], { size: 11 });
  b.blank();
  for (const family of ed.families) {
    b.row([family.label], { bold: true, background: COLOURS.section, size: 12 });
    if (family.kpis.length > 0)
      b.row([l.indicator, l.value, l.change], { bold: true, background: COLOURS.header });
    for (const k of family.kpis) {
      b.row([
        k.label,
        { value: k.value, style: { bold: true } },
        { value: k.words, style: { color: colourOf(k.trend) } },
      ]);
      storyRows(b, k.stories);
    }
    storyRows(b, family.stories);
    b.blank();
  }
  if (ed.otherStories.length > 0) {
    b.row([l.stories], { bold: true, background: COLOURS.section, size: 12 });
    storyRows(b, ed.otherStories);
    b.blank();
  }
  if (ed.leaderboard) {
    b.row([ed.leaderboard.title], { bold: true, background: COLOURS.section, size: 12 });
    b.row([ed.leaderboard.note], { color: COLOURS.muted });
    for (const r of ed.leaderboard.rows)
      b.row([`${r.rank}. ${r.name}`, { value: r.score, style: { format: '0', bold: true } }]);
    b.blank();
  }
  b.row([ed.footer], { color: COLOURS.muted });
  return b.build(1);
}

/**
 * Where an import's rows go in a tab as the club laid it out (src/core/imports/place.ts),
 * hand-worked (issue 23): a tab with its own column order and language, trailing blank header
 * cells, an alias (`Réf. source`), a column the tab lacks added at the end, a new tab.
 */

import { describe, expect, it } from 'vitest';
import { placeAddition } from '../../../src/core/imports/place';
import type { ImportAddition } from '../../../src/core/imports/types';

// Two attendance rows of an Eventbrite import, in the schema's ids.
const attendance = (header = ['ID événement', 'Membre', 'Présent', 'Référence source']): ImportAddition => ({
  tab: 'attendance',
  tabName: 'Participations',
  columns: ['event_id', 'member', 'attended', 'source_ref'],
  header,
  rows: [
    ['EB-gala', 'M007', 'oui', 'eventbrite:1'],
    ['EB-gala', 'zoe@klein.fr', null, undefined],
  ],
  sourceRefs: ['eventbrite:1', 'eventbrite:2'],
});

describe('an existing tab', () => {
  it('matches columns in the tab’s own order and language, the reference by its alias', () => {
    // The club's tab: English labels, another order, `Réf. source`, two blank cells at the end.
    const header = ['Attended', 'Event ID', 'Notes', 'Member', 'Réf. source', ' ', null, undefined];
    const placed = placeAddition(header, attendance(), 'fr');
    // Trailing blanks dropped; nothing added.
    expect(placed.header).toEqual(['Attended', 'Event ID', 'Notes', 'Member', 'Réf. source']);
    expect(placed.addedColumns).toEqual([]);
    expect(placed.rows).toEqual([
      ['oui', 'EB-gala', '', 'M007', 'eventbrite:1'],
      ['', 'EB-gala', '', 'zoe@klein.fr', ''],
    ]);
  });

  it('adds the columns the tab lacks at the end, with the addition’s labels', () => {
    // No reference column, and a blank cell in the middle of the header (kept).
    const placed = placeAddition(['ID événement', '', 'Membre', 'Présent'], attendance(), 'fr');
    expect(placed.header).toEqual(['ID événement', '', 'Membre', 'Présent', 'Référence source']);
    expect(placed.addedColumns).toEqual([4]);
    expect(placed.rows[0]).toEqual(['EB-gala', '', 'M007', 'oui', 'eventbrite:1']);
  });

  it('falls back on the schema’s label, then on the id, when the addition has no label', () => {
    const addition = { ...attendance([]), columns: ['event_id', 'member', 'attended', 'custom_x'] };
    const placed = placeAddition(['Event ID'], addition, 'en');
    // `Member` and `Attended` from the schema in English; `custom_x` is no schema column.
    expect(placed.header).toEqual(['Event ID', 'Member', 'Attended', 'custom_x']);
    expect(placed.addedColumns).toEqual([1, 2, 3]);
    // A column outside the schema is found by its id when the tab has it.
    expect(placeAddition(['custom_x', 'Event ID'], addition, 'en').header).toEqual([
      'custom_x',
      'Event ID',
      'Member',
      'Attended',
    ]);
    // A header of one blank cell is an empty header: everything is added.
    expect(placeAddition([''], attendance(), 'fr').addedColumns).toEqual([0, 1, 2, 3]);
  });
});

describe('a new tab', () => {
  it('is created with the addition’s labels, no column reported as added', () => {
    const placed = placeAddition(null, attendance(), 'fr');
    expect(placed.header).toEqual(['ID événement', 'Membre', 'Présent', 'Référence source']);
    expect(placed.addedColumns).toEqual([]);
    expect(placed.rows).toEqual([
      ['EB-gala', 'M007', 'oui', 'eventbrite:1'],
      ['EB-gala', 'zoe@klein.fr', '', ''],
    ]);
  });
});

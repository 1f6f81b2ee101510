// The order the surveys panel offers events in (listSurveyTargets and the sidebar share it).
import { describe, expect, it } from 'vitest';
import { bySurveyOrder } from '../../src/core/survey-order';

describe('bySurveyOrder', () => {
  it('puts the most recent past event without a survey first, upcoming ones next, surveyed ones last', () => {
    const events = [
      { id: 'done-mar', date: '2026-03-12', hasSurvey: true },
      { id: 'future-sep', date: '2026-09-01', hasSurvey: false, upcoming: true },
      { id: 'past-feb', date: '2026-02-05', hasSurvey: false, upcoming: false },
      { id: 'done-may', date: '2026-05-28', hasSurvey: true },
      { id: 'future-jul', date: '2026-07-10', hasSurvey: false, upcoming: true },
      { id: 'past-apr', date: '2026-04-20', hasSurvey: false },
    ];
    expect(events.sort(bySurveyOrder).map((e) => e.id)).toEqual([
      'past-apr',
      'past-feb',
      'future-jul',
      'future-sep',
      'done-may',
      'done-mar',
    ]);
  });
});

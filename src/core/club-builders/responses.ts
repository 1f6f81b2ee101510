/**
 * The answers of the Responses tab as the club model counts them (SPEC §12): the event an answer
 * names (an unknown one is reported), its member, its scales and counts; decisive contacts above the
 * contacts made are reported (`decisive_over_made`) and read as empty, the rest of the answer still
 * counts; and one answer per member per survey counts — the latest by submission time (day, then
 * time of day when the cell gives one, then sheet row) — the earlier ones are reported
 * (`duplicate_answer`) and left out. Anonymous answers (no member) are never merged.
 */

import type { Answer, ClubEvent } from '../model';
import { type MemberContext, num, str } from './context';
import { personKeyOf } from './people';

export function buildAnswers(ctx: MemberContext, eventById: Map<string, ClubEvent>): Answer[] {
  const answers: Answer[] = [];
  /** Signed answers by survey and person, with their submission order key. */
  const latest = new Map<string, { answer: Answer; ref: string; order: number[] }>();
  const dropped = new Set<Answer>();
  for (const line of ctx.rowsOf('responses')) {
    const { row, v } = line;
    const eventId = str(v.event_id);
    const event = eventId ? (eventById.get(eventId) ?? null) : null;
    if (eventId && !event) ctx.report('responses', row, 'event_id', eventId, 'unknown_event');
    let decisive = num(v.decisive_contacts);
    const made = num(v.contacts_made);
    if (decisive !== null && made !== null && decisive > made) {
      ctx.report('responses', row, 'decisive_contacts', line.raw('decisive_contacts'), 'decisive_over_made', {
        made: line.raw('contacts_made'),
        madeColumn: ctx.headerOf('responses', 'contacts_made'),
      });
      decisive = null;
    }
    const ref = str(v.member);
    const answer: Answer = {
      row,
      submittedOn: v.submitted_at as number,
      surveyId: str(v.survey_id),
      kind: (v.kind as 'hot' | 'cold' | null) ?? (eventId ? 'hot' : null),
      event,
      member: ctx.resolve('responses', row, 'member', ref, true),
      nps: num(v.nps),
      satisfaction: num(v.satisfaction),
      contactsMade: made,
      decisiveContacts: decisive,
      connectionValue: num(v.connection_value),
      belonging: num(v.belonging),
      mutualHelp: num(v.mutual_help),
    };
    answers.push(answer);
    if (!ref.trim()) continue;
    const key = `${answer.surveyId}\u0001${personKeyOf(answer.member, ref)}`;
    const order = [answer.submittedOn, line.time('submitted_at') ?? -1, row];
    const before = latest.get(key);
    if (!before) {
      latest.set(key, { answer, ref, order });
      continue;
    }
    const [earlier, later] =
      compare(order, before.order) > 0 ? [before, { answer, ref, order }] : [{ answer, ref, order }, before];
    dropped.add(earlier.answer);
    ctx.report('responses', earlier.answer.row, 'member', earlier.ref, 'duplicate_answer', {
      survey: answer.surveyId,
      latest: later.answer.row,
    });
    latest.set(key, later);
  }
  return dropped.size === 0 ? answers : answers.filter((a) => !dropped.has(a));
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

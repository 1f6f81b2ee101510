/**
 * The Events tab and its Attendance: a repeated event ID drops the row; an attendance row of an
 * unknown event, or a second row of the same person at the same event, is reported and left out.
 * An attendee is a guest when the row says so, when the reference is not a member, or when the
 * member was not active on the event's day.
 */

import type { Attendance, ClubEvent } from '../model';
import { type BuildContext, type MemberContext, num, Repeats, str } from './context';
import { isActiveOn, personKeyOf } from './people';

export function buildEvents(ctx: BuildContext): ClubEvent[] {
  const events: ClubEvent[] = [];
  const ids = new Repeats(ctx, 'events', 'event_id', 'duplicate_id');
  for (const { row, v } of ctx.rowsOf('events')) {
    const id = str(v.event_id);
    if (ids.repeated(row, id, id)) continue;
    events.push({
      id,
      row,
      date: v.date as ClubEvent['date'],
      title: str(v.title),
      format: (v.format as string | null) ?? null,
      capacity: num(v.capacity),
      cost: num(v.cost),
      volunteerHours: num(v.volunteer_hours),
      hotSurvey: str(v.hot_survey),
    });
  }
  return events;
}

export function buildAttendance(ctx: MemberContext, eventById: Map<string, ClubEvent>): Attendance[] {
  const attendance: Attendance[] = [];
  const people = new Repeats(ctx, 'attendance', 'member', 'duplicate_row');
  for (const { row, v } of ctx.rowsOf('attendance')) {
    const eventId = str(v.event_id);
    const event = eventById.get(eventId);
    if (!event) {
      ctx.report('attendance', row, 'event_id', eventId, 'unknown_event');
      continue;
    }
    const ref = str(v.member);
    const member = ctx.resolve('attendance', row, 'member', ref, false);
    const personKey = personKeyOf(member, ref);
    if (people.repeatedWithin(row, event.id, personKey, ref)) continue;
    attendance.push({
      row,
      event,
      member,
      registered: v.registered !== false,
      attended: (v.attended as boolean | null) ?? null,
      guest: v.guest === true || !member || !isActiveOn(member, event.date),
      personKey,
      invitedBy: ctx.resolve('attendance', row, 'invited_by', str(v.invited_by), true),
    });
  }
  return attendance;
}

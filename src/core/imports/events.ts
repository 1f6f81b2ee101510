/**
 * Event platforms' attendee lists → one Events row and Attendance rows (registered = yes).
 *
 * - Eventbrite attendee report (reference/export-formats.md §3.1), US headers (`Order #`,
 *   `Last Name`, `Attendee #`, dates `11/29/24 22:28` month first) or UK headers (`Order no.`,
 *   `Surname`, `Attendee no.`, day first). `Checked In` means attended; `Attending` leaves attendance
 *   unknown; refunded, cancelled, transferred or deleted registrations are skipped. Reference
 *   `eventbrite:<order>:<attendee>`.
 * - Meetup attendee export (§3.2): `Name, Attendance, User ID, Title, Event Host, RSVP, Guests,
 *   RSVPed on, …`. Only `RSVP` = yes registrations count; `Attendance` says attended or not when
 *   filled. Meetup gives names but no emails, so people are matched by name. The `Guests` a member
 *   announced are not people we can name: they are counted in a note, not added. Reference
 *   `meetup:<event id>:<user id>`.
 *
 * Neither export dates the event: the event is the one the user names (`ImportInput.event`), else
 * an existing event with the same title, else a new one dated on the last order or RSVP and said so
 * in the notes.
 */

import { normalizeLabel } from '../normalize';
import {
  attendeeRef,
  type Columns,
  type Context,
  ensureEvent,
  latest,
  type Person,
  slug,
  titleFromFileName,
} from './common';
import { say } from './messages';
import { fileLocale, readIsoDate, readNumber } from './values';

export function importEventbrite(ctx: Context, cols: Columns, rows: string[][]): string | null {
  const { builder, input } = ctx;
  const lang = input.lang;
  const uk = cols.has('Surname', 'Order no.', 'Attendee no.');
  const lines = rows
    .slice(1)
    .map((row, i) => ({ line: i + 2, row }))
    .filter(({ row }) => row.some((c) => c.trim()));
  const locale = fileLocale(
    lines.map(({ row }) => cols.get(row, 'Order Date', 'Order date')),
    uk ? 'en_GB' : 'en_US',
    'en_US',
    ctx.timeZone,
  );
  const yes = lang === 'fr' ? 'oui' : 'yes';
  const valid: Array<{ line: number; row: string[]; attended: string }> = [];
  for (const { line, row } of lines) {
    const status = cols.get(row, 'Attendee Status', 'Attendee status');
    const key = normalizeLabel(status);
    if (/^(refunded|cancel|deleted|transferred|notattending|rembours|annul)/.test(key)) {
      builder.skip(line, say(lang, 'attendeeCancelled', { status }));
      continue;
    }
    valid.push({ line, row, attended: key.startsWith('checkedin') ? yes : '' });
  }
  if (valid.length === 0) return null;
  const eventName = valid.map(({ row }) => cols.get(row, 'Event Name', 'Event name')).find((t) => t) ?? '';
  const lastOrder = latest(
    valid.map(({ row }) => readIsoDate(cols.get(row, 'Order Date', 'Order date'), locale)),
  );
  const eventId = ensureEvent(
    ctx,
    'eventbrite',
    'EB',
    eventName || titleFromFileName(input.fileName),
    lastOrder,
  );
  if (eventId === null) {
    for (const { line, row } of valid) {
      builder.skip(line, say(lang, 'badDate', { value: cols.get(row, 'Order Date'), column: 'Order Date' }));
    }
    return null;
  }
  for (const { line, row, attended } of valid) {
    const person: Person = {
      email: cols.get(row, 'Email', 'Email Address'),
      firstName: cols.get(row, 'First Name', 'First name'),
      lastName: cols.get(row, 'Last Name', 'Surname', 'Last name'),
    };
    const member = attendeeRef(ctx, person);
    if (!member) {
      builder.skip(line, say(lang, 'noPerson'));
      continue;
    }
    const order = cols.get(row, 'Order #', 'Order no.', 'Order No', 'Order ID');
    const attendee = cols.get(row, 'Attendee #', 'Attendee no.', 'Attendee No') || slug(member);
    const added = builder.add(
      'attendance',
      { event_id: eventId, member, registered: yes, attended },
      `eventbrite:${order}:${attendee}`,
    );
    if (!added.added) builder.skip(line, added.reason);
  }
  return null;
}

export function importMeetup(ctx: Context, cols: Columns, rows: string[][]): string | null {
  const { builder, input } = ctx;
  const lang = input.lang;
  const lines = rows
    .slice(1)
    .map((row, i) => ({ line: i + 2, row }))
    .filter(({ row }) => row.some((c) => c.trim()));
  const locale = fileLocale(
    lines.map(({ row }) => cols.get(row, 'RSVPed on')),
    input.locale,
    input.locale,
    ctx.timeZone,
  );
  const yes = lang === 'fr' ? 'oui' : 'yes';
  const no = lang === 'fr' ? 'non' : 'no';
  const valid: Array<{ line: number; row: string[] }> = [];
  let guests = 0;
  for (const { line, row } of lines) {
    const rsvp = cols.get(row, 'RSVP');
    if (rsvp && !/^(yes|oui|going)$/.test(normalizeLabel(rsvp))) {
      builder.skip(line, say(lang, 'rsvpNo', { rsvp }));
      continue;
    }
    valid.push({ line, row });
    guests += readNumber(cols.get(row, 'Guests'), locale) ?? 0;
  }
  if (guests > 0) builder.note(say(lang, 'meetupGuests', { count: guests }));
  if (valid.length === 0) return null;
  const lastRsvp = latest(valid.map(({ row }) => readIsoDate(cols.get(row, 'RSVPed on'), locale)));
  const eventId = ensureEvent(ctx, 'meetup', 'MU', titleFromFileName(input.fileName), lastRsvp);
  if (eventId === null) {
    for (const { line, row } of valid) {
      builder.skip(line, say(lang, 'badDate', { value: cols.get(row, 'RSVPed on'), column: 'RSVPed on' }));
    }
    return null;
  }
  for (const { line, row } of valid) {
    const name = cols.get(row, 'Name');
    const member = attendeeRef(ctx, { email: '', firstName: name, lastName: '' });
    if (!member) {
      builder.skip(line, say(lang, 'noPerson'));
      continue;
    }
    const attendance = normalizeLabel(cols.get(row, 'Attendance'));
    const attended = /^(attended|yes|oui|present|checkedin)/.test(attendance)
      ? yes
      : /^(noshow|absent|no|non|didnotattend)/.test(attendance)
        ? no
        : '';
    const user = cols.get(row, 'User ID') || slug(name);
    const added = builder.add(
      'attendance',
      { event_id: eventId, member, registered: yes, attended },
      `meetup:${eventId}:${user}`,
    );
    if (!added.added) builder.skip(line, added.reason);
  }
  return null;
}

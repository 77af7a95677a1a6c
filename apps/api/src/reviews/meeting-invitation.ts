import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** The instant a wall-clock time in a time zone is (Europe/London 10:00 on a summer day is 09:00 UTC). */
export function instantIn(date: string, time: string, timeZone: string): Date {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wanted = Date.UTC(year, month - 1, day, hours, minutes);
  // The zone's offset at a guess, then again at the answer (right across a clock change).
  let instant = wanted;
  for (let pass = 0; pass < 2; pass += 1) instant = wanted - offsetAt(instant, timeZone);
  return new Date(instant);
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** How far a zone's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(new Date(instant)).map((piece) => [piece.type, piece.value]));
  const asUtc = Date.UTC(
    Number(part.year),
    Number(part.month) - 1,
    Number(part.day),
    Number(part.hour),
    Number(part.minute),
    Number(part.second),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export type MeetingForCalendar = {
  reviewId: string;
  meetingDate: string;
  startTime: string;
  durationMinutes: number;
  place: string;
  sequence: number;
  /** What the meeting is, without naming the young person (e-mail is not a safe place for it). */
  summary: string;
  description: string;
};

/**
 * A calendar invitation (RFC 5546 iTIP) for one attendee: METHOD:REQUEST for a new or moved
 * meeting, METHOD:CANCEL when it is cancelled or they are no longer invited. The UID stays the
 * same for the meeting's whole life and SEQUENCE rises with every change, so a calendar
 * replaces its entry instead of adding a second. Times are written in UTC, worked out from
 * the service's time zone, so no calendar needs a time zone definition.
 */
export function meetingInvitation(options: {
  meeting: MeetingForCalendar;
  method: 'REQUEST' | 'CANCEL';
  sequence: number;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  timeZone: string;
  now: Date;
}): string {
  const { meeting, method, sequence, organizer, attendee, timeZone, now } = options;
  const start = instantIn(meeting.meetingDate, meeting.startTime, timeZone);
  const calendar = ical({
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    prodId: { company: 'Pathways', product: 'Transition planner', language: 'EN' },
  });
  calendar.createEvent({
    id: `review.${meeting.reviewId}@pathways`,
    sequence,
    stamp: now,
    start,
    end: new Date(start.getTime() + meeting.durationMinutes * 60_000),
    summary: meeting.summary,
    description: meeting.description,
    location: meeting.place,
    status: method === 'REQUEST' ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer,
    attendees: [
      {
        name: attendee.name,
        email: attendee.email,
        rsvp: method === 'REQUEST',
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
      },
    ],
  });
  const text = calendar.toString();
  // RFC 5545 §3.1: every content line, the last one included, ends with CRLF.
  return text.endsWith('\r\n') ? text : `${text.replace(/\r?\n?$/, '')}\r\n`;
}

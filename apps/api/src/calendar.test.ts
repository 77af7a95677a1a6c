import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestServer, TODAY, type Fixture } from '../test-support/test-server.ts';

type Entry = { uid: string; summary: string; start: string; sequence: number };

function parse(text: string): Entry[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, start: event.startDate.toString(), sequence: event.sequence };
  });
}

describe('iCalendar feed', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startTestServer('PGlite');
  });
  afterAll(async () => f?.close());

  it('gives a worker their young people’s milestones with stable UIDs, and updates rather than duplicates a moved date', async () => {
    const worker = await signIn(f, f.users.worker.email);
    const { body } = await call(f, worker, 'POST', '/api/calendar-feed');
    const url = new URL(body.url as string);
    expect(url.pathname).toMatch(/^\/calendar\/[\w-]{40,}\.ics$/);

    const plan = async (transferDate: string) => {
      const version = (await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: f.personId } })).version;
      const recorded = await call(f, worker, 'POST', `/api/young-people/${f.personId}/events`, {
        version,
        event: { type: 'health.transfer_planned', date: TODAY, transferDate },
      });
      expect(recorded.status).toBe(201);
    };
    const feed = async () => {
      const response = await fetch(`${f.baseUrl}${url.pathname}`);
      expect(response.headers.get('content-type')).toContain('text/calendar');
      return parse(await response.text());
    };

    await plan('2027-09-01');
    const entries = await feed();
    expect(entries.find((entry) => entry.uid === `${f.personId}.adult_care_plan_18@pathways`)).toMatchObject({
      start: '2027-06-01',
      // Staff read the staff wording.
      summary: 'Adult care and support plan in place at 18 — Maya H.',
    });
    const transfer = entries.find((entry) => entry.uid === `${f.personId}.health_transfer@pathways`);
    expect(transfer).toMatchObject({ start: '2027-09-01', summary: 'Transfer to adult health services — Maya H.' });
    expect(entries.every((entry) => entry.uid.startsWith(`${f.personId}.`))).toBe(true);
    expect(new Set(entries.map((entry) => entry.uid)).size).toBe(entries.length);

    await plan('2027-10-15');
    const again = await feed();
    const moved = again.filter((entry) => entry.uid === transfer?.uid);
    expect(moved).toHaveLength(1);
    expect(moved[0]?.start).toBe('2027-10-15');
    expect(moved[0]?.sequence).toBeGreaterThan(transfer?.sequence ?? Infinity);
  });

  it('gives a young person only their own milestones, without their name, and stops when revoked', async () => {
    const maya = await signIn(f, f.users.youngPerson.email);
    const { body } = await call(f, maya, 'POST', '/api/calendar-feed');
    const path = new URL(body.url as string).pathname;
    const entries = parse(await (await fetch(`${f.baseUrl}${path}`)).text());
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => entry.uid.startsWith(`${f.personId}.`) && !entry.summary.includes('Maya'))).toBe(
      true,
    );
    // Their own feed speaks to them.
    expect(entries.map((entry) => entry.summary)).toContain('Move to adult health teams');
    // A new address replaces the old one; revoking stops both.
    const second = new URL((await call(f, maya, 'POST', '/api/calendar-feed')).body.url as string).pathname;
    expect((await fetch(`${f.baseUrl}${path}`)).status).toBe(404);
    expect((await fetch(`${f.baseUrl}${second}`)).status).toBe(200);
    expect((await call(f, maya, 'DELETE', '/api/calendar-feed')).status).toBe(204);
    expect((await fetch(`${f.baseUrl}${second}`)).status).toBe(404);
    expect((await fetch(`${f.baseUrl}/calendar/not-a-token.ics`)).status).toBe(404);
  });

  it('is a well-formed feed: CRLF to the end, transparent reminders, agency names, late milestones on today', async () => {
    const worker = await signIn(f, f.users.worker.email);
    const path = new URL((await call(f, worker, 'POST', '/api/calendar-feed')).body.url as string).pathname;
    const response = await fetch(`${f.baseUrl}${path}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    // RFC 5545 §3.1: every line ends with CRLF, the last one too; no bare line feed anywhere.
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.getFirstPropertyValue('transp') === 'TRANSPARENT')).toBe(true);
    const descriptions = events.map((event) => String(event.getFirstPropertyValue('description') ?? ''));
    expect(
      descriptions.some((description) =>
        /Lead: (Council SEND team|Adult social care|[A-Z][a-z]+ [a-z])/.test(description),
      ),
    ).toBe(true);
    expect(descriptions.join('\n')).not.toMatch(/Lead: [a-z]+_[a-z_]+\./);
    // Late milestones stand on today, saying when they were due; nothing is back in the past.
    const late = events.filter((event) => String(event.getFirstPropertyValue('summary')).startsWith('Late: '));
    expect(late.length).toBeGreaterThan(0);
    for (const event of late) {
      expect(new ICAL.Event(event).startDate.toString()).toBe(TODAY);
      expect(String(event.getFirstPropertyValue('description'))).toMatch(
        /^Late: it was due on \d{1,2} [A-Z][a-z]+ \d{4}\. /,
      );
    }
    expect(events.every((event) => new ICAL.Event(event).startDate.toString() >= TODAY)).toBe(true);
  });
});

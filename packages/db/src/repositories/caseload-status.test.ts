import { openStatus, periodStatus } from '@pathways/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../test-support/open-test-database.ts';
import type { Database } from '../database.ts';
import { findCaseload } from './caseload.ts';
import { dateColumn } from './young-person-profile.ts';

const TODAY = '2027-10-01';
const DAYS = ['2027-09-29', '2027-09-30', TODAY, '2027-10-02', '2027-10-03'];

/**
 * The caseload filters by status in SQL and re-derives each row's status in TypeScript; both
 * must be the engine's `openStatus` and `periodStatus`. Every combination of window start,
 * due date and closing day (none, or each day around today) is stored as an open task, and
 * every period as a legal fact, then asked for by each status.
 */
describe.each(BACKENDS)('the caseload’s statuses on $name', (backend) => {
  let db: Database & { drop: () => Promise<void> };
  beforeEach(async (context) => {
    if (!backend.isAvailable) context.skip();
    db = await backend.open();
  });
  afterEach(async () => {
    await db?.drop();
  });

  it('agree with the engine’s rule, in the SQL filter and in the rows, for every window and due date around today', async () => {
    const area = await db.prisma.localArea.create({
      data: { code: 'NS', name: 'Northshire', jurisdiction: 'england' },
    });
    const person = await db.prisma.youngPerson.create({
      data: {
        areaId: area.id,
        givenName: 'Maya',
        familyName: 'Hill',
        dateOfBirth: new Date('2010-01-01'),
        jurisdiction: 'england',
      },
    });
    const maybe = [null, ...DAYS];
    const tasks = DAYS.flatMap((due) =>
      maybe
        .filter((start) => start === null || start <= due)
        .flatMap((start) =>
          maybe.filter((closes) => closes === null || closes >= due).map((closes) => ({ start, due, closes })),
        ),
    );
    const periods = DAYS.flatMap((from) =>
      maybe.filter((until) => until === null || until >= from).map((until) => ({ from, until })),
    );
    const rows = [
      // Stored as planned some days ago: the caseload must re-derive each for today.
      ...tasks.map(({ start, due, closes }, index) => ({
        milestoneId: `task_${index}`,
        status: 'upcoming',
        windowStart: start,
        dueDate: due,
        closesOn: closes,
        expected: openStatus(start, due, TODAY, closes),
      })),
      ...periods.map(({ from, until }, index) => ({
        milestoneId: `period_${index}`,
        status: 'starts_later',
        windowStart: null,
        dueDate: from,
        closesOn: until,
        expected: periodStatus(from, until, TODAY),
      })),
    ];
    await db.prisma.milestone.createMany({
      data: rows.map((row) => ({
        youngPersonId: person.id,
        milestoneId: row.milestoneId,
        pathway: 'education',
        status: row.status,
        windowStart: row.windowStart ? dateColumn(row.windowStart) : null,
        dueDate: dateColumn(row.dueDate),
        closesOn: row.closesOn ? dateColumn(row.closesOn) : null,
        leadAgency: 'la_send',
        areaId: area.id,
      })),
    });
    const query = { from: DAYS[0] as string, to: DAYS.at(-1) as string, areaId: area.id, pageSize: 5000 };
    const everyStatus = ['overdue', 'due', 'upcoming', 'missed', 'starts_later', 'in_effect', 'ended'] as const;
    const all = await findCaseload({ db: db.prisma, today: TODAY, query: { ...query, statuses: [...everyStatus] } });
    expect(all.items).toHaveLength(rows.length);
    for (const status of everyStatus) {
      const expected = rows.filter((row) => row.expected === status).map((row) => row.milestoneId);
      expect(expected.length, status).toBeGreaterThan(0);
      const filtered = await findCaseload({ db: db.prisma, today: TODAY, query: { ...query, statuses: [status] } });
      expect(filtered.items.map((row) => row.milestoneId).sort(), `SQL for ${status}`).toEqual(expected.sort());
      expect(
        all.items
          .filter((row) => row.status === status)
          .map((row) => row.milestoneId)
          .sort(),
        `rows for ${status}`,
      ).toEqual(expected.sort());
    }
    // The usual caseload, live work only: exactly the tasks that are overdue, due or upcoming today.
    const live = await findCaseload({ db: db.prisma, today: TODAY, query });
    expect(live.items.map((row) => row.milestoneId).sort()).toEqual(
      rows
        .filter((row) => ['overdue', 'due', 'upcoming'].includes(row.expected))
        .map((row) => row.milestoneId)
        .sort(),
    );
  });
});

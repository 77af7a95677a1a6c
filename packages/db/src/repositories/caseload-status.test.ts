import { openStatus } from '@pathways/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../test-support/open-test-database.ts';
import type { Database } from '../database.ts';
import { findCaseload } from './caseload.ts';
import { dateColumn } from './young-person-profile.ts';

const TODAY = '2027-10-01';
const DAYS = ['2027-09-29', '2027-09-30', TODAY, '2027-10-02', '2027-10-03'];

/**
 * The caseload filters by status in SQL and re-derives each row's status in TypeScript; both
 * must be the engine's `openStatus`. Every combination of window start (none, or each day
 * around today) and due date is stored as an open milestone, then asked for by each status.
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
    const cases = DAYS.flatMap((due) =>
      [null, ...DAYS].filter((start) => start === null || start <= due).map((start) => ({ start, due })),
    );
    await db.prisma.milestone.createMany({
      data: cases.map(({ start, due }, index) => ({
        youngPersonId: person.id,
        milestoneId: `case_${index}`,
        pathway: 'education',
        // Stored as it was planned some days ago: the caseload must re-derive it for today.
        status: 'upcoming',
        windowStart: start ? dateColumn(start) : null,
        dueDate: dateColumn(due),
        leadAgency: 'la_send',
        areaId: area.id,
      })),
    });
    const query = { from: DAYS[0] as string, to: DAYS.at(-1) as string, areaId: area.id, pageSize: 500 };
    const all = await findCaseload({ db: db.prisma, today: TODAY, query });
    expect(all.items).toHaveLength(cases.length);
    for (const status of ['overdue', 'due', 'upcoming'] as const) {
      const expected = cases.flatMap(({ start, due }, index) =>
        openStatus(start, due, TODAY) === status ? [`case_${index}`] : [],
      );
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
  });
});

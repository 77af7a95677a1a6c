import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../test-support/open-test-database.ts';
import type { Database } from '../database.ts';
import { draftHandover, moveHandover } from './handovers.ts';

const TODAY = '2026-11-22';

describe.each(BACKENDS)('handovers on $name', (backend) => {
  let db: Database & { drop: () => Promise<void> };
  beforeEach(async (context) => {
    if (!backend.isAvailable) context.skip();
    db = await backend.open();
  });
  afterEach(async () => {
    await db?.drop();
  });

  it('are due six months before 18 (or an earlier transfer), go only to an agency of the area, and move one step at a time', async () => {
    const area = await db.prisma.localArea.create({
      data: { code: 'NS', name: 'Northshire', jurisdiction: 'england' },
    });
    const other = await db.prisma.localArea.create({ data: { code: 'WV', name: 'Westvale', jurisdiction: 'england' } });
    const agency = await db.prisma.agency.create({
      data: { name: 'Adult social care', type: 'adult_social_care', areaId: area.id },
    });
    const elsewhere = await db.prisma.agency.create({
      data: { name: 'Westvale adults', type: 'adult_social_care', areaId: other.id },
    });
    // 18 on 28 February 2028.
    const person = await db.prisma.youngPerson.create({
      data: {
        areaId: area.id,
        givenName: 'Maya',
        familyName: 'Hill',
        dateOfBirth: new Date('2010-02-28T00:00:00Z'),
        jurisdiction: 'england',
        aboutMe: 'Music',
      },
    });
    const actor = { userId: null, role: 'transition_worker' };
    const draft = (extra: object = {}) =>
      draftHandover({
        db: db.prisma,
        actor,
        person,
        toAgencyId: agency.id,
        pack: { summary: 'Pack' },
        today: TODAY,
        ...extra,
      });

    const byDefault = await draft();
    expect(byDefault.dueBy.toISOString().slice(0, 10)).toBe('2027-08-28');
    expect(byDefault.whatMatters).toBe('Music');
    expect((await draft({ expectedTransfer: '2027-09-01' })).dueBy.toISOString().slice(0, 10)).toBe('2027-03-01');
    await expect(draft({ dueBy: '2027-12-01' })).rejects.toMatchObject({
      code: 'invalid',
      details: { field: 'dueBy' },
      message: 'dueBy: must be at least 6 months before the 18th birthday (2027-08-28 at the latest)',
    });
    await expect(draft({ toAgencyId: elsewhere.id })).rejects.toMatchObject({
      code: 'invalid',
      details: { field: 'toAgencyId' },
    });

    const move = (handover: typeof byDefault, step: 'send' | 'acknowledge' | 'request_info') =>
      moveHandover({
        db: db.prisma,
        actor,
        handover,
        version: handover.version,
        step,
        now: new Date(`${TODAY}T10:00:00Z`),
        infoRequest: 'Which GP?',
      });
    await expect(move(byDefault, 'acknowledge')).rejects.toMatchObject({
      code: 'unprocessable',
      message: 'A handover that is draft cannot be acknowledged.',
    });
    const sent = await move(byDefault, 'send');
    expect(sent).toMatchObject({ status: 'sent', version: 2 });
    // Sending the version already sent again: someone else moved it on.
    await expect(move(byDefault, 'send')).rejects.toMatchObject({ code: 'conflict', details: { currentVersion: 1 } });
    await expect(move(sent, 'send')).rejects.toMatchObject({
      code: 'unprocessable',
      message: 'A handover that is sent cannot be sent.',
    });
    const asked = await move(sent, 'request_info');
    expect(asked).toMatchObject({ status: 'info_requested', infoRequest: 'Which GP?' });
    expect(await move(asked, 'acknowledge')).toMatchObject({ status: 'acknowledged' });
    // Two drafts and three steps, each audited; nothing refused was written.
    expect(await db.prisma.auditEntry.count({ where: { entityType: 'Handover', youngPersonId: person.id } })).toBe(5);
  });
});

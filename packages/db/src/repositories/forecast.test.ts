import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../test-support/open-test-database.ts';
import type { Database } from '../database.ts';
import { forecastCsv, forecastDemand, openStepsByMilestone } from './forecast.ts';
import { createYoungPerson } from './young-people.ts';

const TODAY = '2026-11-22';

describe.each(BACKENDS)('forecastDemand on $name', (backend) => {
  let db: Database & { drop: () => Promise<void> };
  beforeEach(async (context) => {
    if (!backend.isAvailable) context.skip();
    db = await backend.open();
  });
  afterEach(async () => db?.drop());

  async function people(areaCode: string, count: number, dateOfBirth: string, flags: object = {}) {
    const area =
      (await db.prisma.localArea.findUnique({ where: { code: areaCode } })) ??
      (await db.prisma.localArea.create({
        data: { code: areaCode, name: `${areaCode} Council`, jurisdiction: 'england' },
      }));
    for (let i = 0; i < count; i++) {
      await createYoungPerson({
        db: db.prisma,
        actor: { userId: null, role: 'system' },
        today: TODAY,
        input: {
          areaId: area.id,
          givenName: `Secret${i}`,
          familyName: 'Surname',
          dateOfBirth,
          jurisdiction: 'england',
          nhsNumber: null,
          ...flags,
        },
      });
    }
  }

  it('counts open milestones by month, area, pathway, lead agency and milestone, with late ones apart, suppressing under 5', async () => {
    // Six turn 18 in March 2027 with likely adult care needs; three in Westvale.
    await people('NS', 6, '2009-03-10', { likelyAdultCareNeeds: true });
    await people('WV', 3, '2009-03-10', { likelyAdultCareNeeds: true });
    const forecast = await forecastDemand({ db: db.prisma, today: TODAY });
    expect(forecast).toMatchObject({ generatedOn: TODAY, fromMonth: '2026-11', toMonth: '2028-10', suppressBelow: 5 });
    const row = (area: string, month: string, milestoneId: string) =>
      forecast.rows.find((r) => r.areaCode === area && r.month === month && r.milestoneId === milestoneId);
    expect(row('NS', '2027-03', 'adult_care_plan_18')).toMatchObject({
      count: 6,
      isSuppressed: false,
      pathway: 'social_care',
      leadAgency: 'adult_social_care',
      milestoneTitle: 'Adult care and support plan in place at 18',
    });
    expect(row('WV', '2027-03', 'adult_care_plan_18')).toMatchObject({ count: null, isSuppressed: true });
    // The Care Act assessment was due at 17½ (September 2026): already late.
    expect(row('NS', 'late', 'care_act_transition_assessment')).toMatchObject({ count: 6 });
    // The same steps by milestone alone, for one area and unsuppressed (the referral view sums them).
    const ws = await db.prisma.localArea.findUniqueOrThrow({ where: { code: 'WV' } });
    const steps = await openStepsByMilestone({ db: db.prisma, today: TODAY, months: 12, areaId: ws.id });
    expect(steps).toContainEqual({ milestoneId: 'adult_care_plan_18', pathway: 'social_care', count: 3 });
    expect(steps).toContainEqual({ milestoneId: 'care_act_transition_assessment', pathway: 'social_care', count: 3 });
    expect(
      forecast.rows.every(
        (r) => r.month === 'late' || r.month === 'missed' || (r.month >= '2026-11' && r.month <= '2028-10'),
      ),
    ).toBe(true);
  });

  it('counts missed milestones apart from late work, and shows one council only its own', async () => {
    // Five now 24 (born 10 May 2002): the adult care plan was due at 18 and could be done only
    // until 19 (10 May 2021), so it is missed, not late. Five 17½-year-olds are late for the Care Act assessment.
    await people('NS', 5, '2002-05-10', { likelyAdultCareNeeds: true });
    await people('NS', 5, '2009-03-10', { likelyAdultCareNeeds: true });
    await people('WV', 5, '2009-03-10', { likelyAdultCareNeeds: true });
    const forecast = await forecastDemand({ db: db.prisma, today: TODAY });
    const row = (area: string, month: string, milestoneId: string) =>
      forecast.rows.find((r) => r.areaCode === area && r.month === month && r.milestoneId === milestoneId);
    expect(row('NS', 'missed', 'adult_care_plan_18')).toMatchObject({ count: 5 });
    expect(row('NS', 'late', 'adult_care_plan_18')).toBeUndefined();
    expect(row('NS', 'late', 'care_act_transition_assessment')).toMatchObject({ count: 5 });
    const westvale = await db.prisma.localArea.findUniqueOrThrow({ where: { code: 'WV' } });
    const own = await forecastDemand({ db: db.prisma, today: TODAY, areaId: westvale.id });
    expect(own.rows.length).toBeGreaterThan(0);
    expect(new Set(own.rows.map((r) => r.areaCode))).toEqual(new Set(['WV']));
    expect(
      own.rows.find((r) => r.month === 'late' && r.milestoneId === 'care_act_transition_assessment'),
    ).toMatchObject({
      count: 5,
    });
  });

  it('never contains a name, date of birth or NHS number, in JSON or CSV', async () => {
    await people('NS', 5, '2010-01-15', { hasEhcPlan: true });
    const forecast = await forecastDemand({ db: db.prisma, today: TODAY });
    for (const text of [JSON.stringify(forecast), forecastCsv(forecast)]) {
      expect(text).not.toMatch(/Secret|Surname|2010-01-15|\b\d{10}\b/);
    }
    const csv = forecastCsv(forecast).trimEnd().split('\r\n');
    expect(csv[0]).toBe('month,areaCode,areaName,pathway,leadAgency,milestoneId,milestoneTitle,count');
    expect(csv).toHaveLength(forecast.rows.length + 1);
    expect(csv.some((line) => line.endsWith(',5'))).toBe(true);
  });
});

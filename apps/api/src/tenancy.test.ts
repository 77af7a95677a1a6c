import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, sendFile, signIn, startTestServer, type Fixture, type Session } from '../test-support/test-server.ts';

/**
 * Each council is a tenant: its staff, agencies and commissioner see their own area's
 * directory, forecast and lists, never another's; the installation's administrator sees
 * every area. The directory is edited by hand as well as imported.
 */
for (const backend of ['PGlite', 'PostgreSQL'] as const) {
  describe(`one council's data stays its own (${backend})`, () => {
    let f: Fixture;
    let otherAgencyId: string;
    const as = async (email: string) => signIn(f, email);

    beforeAll(async () => {
      f = await startTestServer(backend);
      otherAgencyId = (
        await f.db.prisma.agency.create({
          data: { name: 'Westvale adult care', type: 'adult_social_care', areaId: f.otherAreaId, services: [] },
        })
      ).id;
    });
    afterAll(() => f.close());

    it('shows each caller the directory and areas of their own council only', async () => {
      const callers: [string, Session][] = [
        ['worker', await as(f.users.worker.email)],
        ['commissioner', await as(f.users.commissioner.email)],
        ['adults', await as(f.users.adults.email)],
        ['young person', await as(f.users.youngPerson.email)],
        ['parent', await as(f.users.parent.email)],
        ['area administrator', await as(f.areaAdmins.own.email)],
      ];
      for (const [who, session] of callers) {
        const agencies = await call(f, session, 'GET', '/api/agencies');
        expect([...new Set(agencies.body.items.map((agency: any) => agency.areaId))], who).toEqual([f.areaId]);
        const asked = await call(f, session, 'GET', `/api/agencies?areaId=${f.otherAreaId}`);
        expect(asked.body.items, who).toEqual([]);
        const areas = await call(f, session, 'GET', '/api/areas');
        expect(
          areas.body.items.map((area: any) => area.id),
          who,
        ).toEqual([f.areaId]);
      }
      const admin = await as(f.users.admin.email);
      const all = await call(f, admin, 'GET', '/api/agencies');
      // The installation's administrator sees every council's agencies: both areas'.
      expect(new Set(all.body.items.map((agency: any) => agency.areaId))).toEqual(new Set([f.areaId, f.otherAreaId]));
      expect(all.body.items.map((agency: any) => agency.id)).toEqual(
        expect.arrayContaining([f.adultAgencyId, f.schoolAgencyId, otherAgencyId]),
      );
      expect((await call(f, admin, 'GET', '/api/areas')).body.items).toHaveLength(2);
    });

    it('gives a commissioner their own council’s forecast, and one without a council nothing', async () => {
      const commissioner = await as(f.users.commissioner.email);
      const forecast = await call(f, commissioner, 'GET', '/api/forecast');
      expect(forecast.status).toBe(200);
      expect(new Set(forecast.body.rows.map((row: any) => row.areaCode))).toEqual(new Set(['NS']));
      const csv = await call(f, commissioner, 'GET', '/api/forecast.csv');
      expect(csv.body).not.toContain('Westvale');
      const homeless = await f.db.prisma.user.create({
        data: {
          email: 'nowhere@commissioning.test',
          name: 'No council',
          role: 'commissioner',
          passwordHash: (await f.db.prisma.user.findUniqueOrThrow({ where: { id: f.users.commissioner.id } }))
            .passwordHash,
        },
      });
      const none = await call(f, await as(homeless.email), 'GET', '/api/forecast');
      expect(none.body.rows).toEqual([]);
    });

    it('lets an area’s administrator add and correct agencies of their own area only', async () => {
      const admin = await as(f.areaAdmins.own.email);
      const added = await call(f, admin, 'POST', '/api/agencies', {
        name: 'Northshire Shared Lives',
        type: 'adult_social_care',
        email: 'sharedlives@northshire.test',
        services: ['Shared Lives placements'],
        minAge: 16,
        maxAge: 99,
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ areaId: f.areaId, externalId: null, phone: null });
      const changed = await call(f, admin, 'PATCH', `/api/agencies/${added.body.id}`, { phone: '01234 567890' });
      expect(changed.body).toMatchObject({ phone: '01234 567890', name: 'Northshire Shared Lives' });
      expect((await call(f, admin, 'PATCH', `/api/agencies/${otherAgencyId}`, { phone: '000' })).status).toBe(404);
      const elsewhere = await call(f, admin, 'POST', '/api/agencies', {
        name: 'X',
        type: 'other',
        areaId: f.otherAreaId,
      });
      expect(elsewhere.status).toBe(403);
      const importElsewhere = await sendFile(
        f,
        admin,
        `/api/agencies/import?areaId=${f.otherAreaId}`,
        'application/x-ndjson',
        '{"id":"s1","name":"A","organization":{"id":"o1","name":"A"}}',
      );
      expect(importElsewhere.status).toBe(403);
      expect(await f.db.prisma.agency.count({ where: { areaId: f.otherAreaId } })).toBe(1);
    });

    it('refuses bad agency details naming the field, writing nothing', async () => {
      const admin = await as(f.users.admin.email);
      const before = await f.db.prisma.agency.count();
      const cases: [unknown, string][] = [
        [{ name: '', type: 'other', areaId: f.areaId }, 'name'],
        [{ name: 'A', type: 'not_a_type', areaId: f.areaId }, 'type'],
        [{ name: 'A', type: 'other' }, 'areaId'],
        [{ name: 'A', type: 'other', areaId: f.areaId, website: 'javascript:alert(1)' }, 'website'],
        [{ name: 'A', type: 'other', areaId: f.areaId, minAge: 30, maxAge: 20 }, 'minAge'],
        [{ name: 'A', type: 'other', areaId: f.areaId, email: 'not an address' }, 'email'],
        [{ name: 'A', type: 'other', areaId: f.areaId, colour: 'blue' }, 'colour'],
      ];
      for (const [body, field] of cases) {
        const answer = await call(f, admin, 'POST', '/api/agencies', body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body.error.field, JSON.stringify(body)).toBe(field);
      }
      expect(await f.db.prisma.agency.count()).toBe(before);
    });
  });
}

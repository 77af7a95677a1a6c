import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Fixture, type Session } from '../test-support/test-server.ts';

const service = (id: string, organisation: string, extra: object = {}) => ({
  id,
  name: `Service ${id}`,
  organization: { id: `org-${organisation}`, name: `${organisation} Trust`, email: `hello@${organisation.toLowerCase()}.example.org` },
  eligibilitys: [{ minimum_age: 16, maximum_age: 25 }],
  contacts: [{ name: 'Front desk', phones: [{ number: '0300 123 4567' }] }],
  ...extra,
});

describe('Open Referral UK directory import', () => {
  let f: Fixture;
  let admin: Session;
  beforeAll(async () => {
    f = await startTestServer('PGlite');
    admin = await signIn(f, f.users.admin.email);
  });
  afterAll(async () => f?.close());

  const send = (body: string, contentType: string, session = admin) =>
    fetch(`${f.baseUrl}/api/agencies/import?areaId=${f.areaId}`, {
      method: 'POST',
      headers: { 'content-type': contentType, origin: f.baseUrl, cookie: session?.cookie ?? '', 'x-csrf-token': session?.csrfToken ?? '' },
      body,
    });

  it('imports good lines, reports bad ones by line and field, and skips them', async () => {
    const lines = [
      JSON.stringify(service('1', 'Harbour', { agency_type: 'careers' })),
      '{ this is not json',
      JSON.stringify(service('2', 'Harbour')),
      JSON.stringify({ ...service('3', 'Hillside'), name: '' }),
      JSON.stringify(service('4', 'Meadow', { eligibilitys: [{ minimum_age: 20, maximum_age: 14 }] })),
      '',
      JSON.stringify(service('5', 'Meadow', { agency_type: 'housing', eligibilitys: [{ minimum_age: 18 }] })),
    ].join('\n');
    const response = await send(lines, 'application/x-ndjson');
    const result = await response.clone().text();
    expect(response.status, result).toBe(200);
    expect(await response.json()).toEqual({
      servicesRead: 3,
      agenciesCreated: 2,
      agenciesUpdated: 0,
      problems: [
        { line: 2, field: 'line', message: 'not valid JSON' },
        { line: 4, field: 'name', message: expect.any(String) },
        { line: 5, field: 'eligibilitys.0.minimum_age', message: 'minimum_age is above maximum_age' },
      ],
    });
    const harbour = await f.db.prisma.agency.findFirstOrThrow({ where: { name: 'Harbour Trust' } });
    expect(harbour).toMatchObject({ type: 'careers', services: ['Service 1', 'Service 2'], minAge: 16, maxAge: 25, phone: '0300 123 4567', email: 'hello@harbour.example.org' });
    expect(await f.db.prisma.agency.findFirstOrThrow({ where: { name: 'Meadow Trust' } })).toMatchObject({ type: 'housing', minAge: 18, maxAge: null });
    expect(await f.db.prisma.agency.count({ where: { name: 'Hillside Trust' } })).toBe(0);
  });

  it('accepts a JSON array too, and updates agencies it already has', async () => {
    const response = await send(JSON.stringify([service('6', 'Harbour'), { id: 'x' }]), 'application/json');
    const result = await response.json();
    expect(result, JSON.stringify(result)).toMatchObject({ servicesRead: 1, agenciesCreated: 0, agenciesUpdated: 1, problems: [{ line: 2, field: 'name' }] });
    expect((await f.db.prisma.agency.findFirstOrThrow({ where: { name: 'Harbour Trust' } })).services).toEqual(['Service 1', 'Service 2', 'Service 6']);
  });

  it('is for administrators only', async () => {
    const worker = await signIn(f, f.users.worker.email);
    expect((await send('{}', 'application/x-ndjson', worker)).status).toBe(403);
  });
});

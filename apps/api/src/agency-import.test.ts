import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Fixture, type Session } from '../test-support/test-server.ts';

const service = (id: string, organisation: string, extra: object = {}) => ({
  id,
  name: `Service ${id}`,
  organization: {
    id: `org-${organisation}`,
    name: `${organisation} Trust`,
    email: `hello@${organisation.toLowerCase()}.example.org`,
  },
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
      headers: {
        'content-type': contentType,
        origin: f.baseUrl,
        cookie: session?.cookie ?? '',
        'x-csrf-token': session?.csrfToken ?? '',
      },
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
    expect(harbour).toMatchObject({
      type: 'careers',
      services: ['Service 1', 'Service 2'],
      minAge: 16,
      maxAge: 25,
      phone: '0300 123 4567',
      email: 'hello@harbour.example.org',
    });
    expect(await f.db.prisma.agency.findFirstOrThrow({ where: { name: 'Meadow Trust' } })).toMatchObject({
      type: 'housing',
      minAge: 18,
      maxAge: null,
    });
    expect(await f.db.prisma.agency.count({ where: { name: 'Hillside Trust' } })).toBe(0);
  });

  it('accepts a JSON array too, and updates agencies it already has', async () => {
    const response = await send(JSON.stringify([service('6', 'Harbour'), { id: 'x' }]), 'application/json');
    const result = await response.json();
    expect(result, JSON.stringify(result)).toMatchObject({
      servicesRead: 1,
      agenciesCreated: 0,
      agenciesUpdated: 1,
      problems: [{ line: 2, field: 'name' }],
    });
    expect((await f.db.prisma.agency.findFirstOrThrow({ where: { name: 'Harbour Trust' } })).services).toEqual([
      'Service 1',
      'Service 2',
      'Service 6',
    ]);
  });

  it('is for administrators only', async () => {
    const worker = await signIn(f, f.users.worker.email);
    expect((await send('{}', 'application/x-ndjson', worker)).status).toBe(403);
  });

  it('matches organisations on their feed id, never their name: a look-alike cannot overwrite the statutory team', async () => {
    const statutory = await f.db.prisma.agency.findUniqueOrThrow({ where: { id: f.adultAgencyId } });
    const lookalike = {
      ...service('20', 'X'),
      organization: { id: 'org-attacker', name: statutory.name, email: 'phish@evil.example' },
    };
    const response = await send(JSON.stringify(lookalike), 'application/x-ndjson');
    expect(await response.json()).toMatchObject({ agenciesCreated: 1, agenciesUpdated: 0, problems: [] });
    expect(await f.db.prisma.agency.findUniqueOrThrow({ where: { id: f.adultAgencyId } })).toEqual(statutory);
    // The same feed id again is the same agency.
    const again = await send(
      JSON.stringify({ ...lookalike, id: '21', name: 'Another service' }),
      'application/x-ndjson',
    );
    expect(await again.json()).toMatchObject({ agenciesCreated: 0, agenciesUpdated: 1 });
  });

  it('refuses links a person could not safely follow, and a control character spoils only its own line', async () => {
    const lines = [
      JSON.stringify(service('30', 'Script', { url: 'javascript:alert(document.cookie)' })),
      JSON.stringify({
        ...service('31', 'Data'),
        organization: { id: 'org-data', name: 'Data Trust', website: 'data:text/html,<script>alert(1)</script>' },
      }),
      JSON.stringify(service('32', 'Nul', { description: 'before\u0000after' })),
      JSON.stringify(service('33', 'Fine', { url: 'https://fine.example.org/' })),
    ].join('\n');
    const response = await send(lines, 'application/x-ndjson');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      servicesRead: 1,
      agenciesCreated: 1,
      agenciesUpdated: 0,
      problems: [
        { line: 1, field: 'url', message: 'must be a web address starting with http:// or https://' },
        { line: 2, field: 'organization.website', message: 'must be a web address starting with http:// or https://' },
        { line: 3, field: 'description', message: 'must not contain control characters' },
      ],
    });
    // In a JSON array as well: the line is refused, the request is not.
    const array = await send(
      JSON.stringify([service('34', 'Nul2', { name: 'a\u0000b' }), service('35', 'Fine2')]),
      'application/json',
    );
    expect(array.status).toBe(200);
    expect(await array.json()).toMatchObject({
      servicesRead: 1,
      problems: [{ line: 1, field: 'name', message: 'must not contain control characters' }],
    });
  });
});

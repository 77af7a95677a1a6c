import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { V1_SERVICE, V3_SERVICE } from '../test-support/oruk-examples.ts';
import { call, sendFile, signIn, startTestServer, type Fixture, type Session } from '../test-support/test-server.ts';

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

describe('Open Referral UK import', () => {
  let f: Fixture;
  let admin: Session;
  beforeAll(async () => {
    f = await startTestServer('PGlite', undefined, { services: { offerFeedsOnPrivateNetwork: true } });
    admin = await signIn(f, f.users.admin.email);
  });
  afterAll(async () => f?.close());

  const send = (body: string, contentType = 'application/json', session = admin) =>
    sendFile(f, session, `/api/agencies/import?areaId=${f.areaId}`, contentType, body);
  const stored = (externalId: string) =>
    f.db.prisma.service.findFirstOrThrow({ where: { areaId: f.areaId, externalId }, include: { agency: true } });

  it('keeps what the current profile (v3) says, from one pretty-printed service: the standard’s own example', async () => {
    const response = await send(JSON.stringify(V3_SERVICE, null, 2));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ servicesRead: 1, servicesCreated: 1, agenciesCreated: 1, problems: [] });
    const kept = await stored(V3_SERVICE.id);
    expect(kept).toMatchObject({
      name: 'Community Counselling',
      description: 'Counselling by trained professionals.\nFor people with anxiety, depression & eating disorders.',
      status: 'active',
      url: 'http://example.com/counselling',
      email: 'email@example.com',
      referralEmail: 'email@example.com',
      phone: '0300 000 0000',
      howToGet: 'Call reception or fill in the online form.',
      eligibility: 'Residents of MyCity',
      minAge: 12,
      maxAge: 100,
      cost: 'Some sessions are charged\nUnder 18s and Over 60s £35 per 1 hour session',
      isFree: false,
      languages: ['English', 'Polish'],
      accessibility: ['Step-free access: Ramp at the side door'],
      serviceAreas: ['MyCity'],
      taxonomy: ['Mental health'],
      locations: [{ name: 'Counselling rooms', address: '1 High Street, MyCity', postcode: 'AB1 2CD' }],
      contacts: [{ name: 'Ann Persona', title: 'Reception Manager', email: null, phone: '0300 000 0000' }],
      schedules: ['Weekdays from 10 am to 6 pm, not on public holidays.'],
    });
    expect(kept.topics).toEqual(expect.arrayContaining(['health', 'mental_health']));
    expect(kept.agency).toMatchObject({
      externalId: V3_SERVICE.organization.id,
      name: 'Example Organization Inc.',
      website: 'http://example.com',
    });
  });

  it('keeps what v1 says: eligibility ages, taxonomy, addresses, accessibility, schedules, free', async () => {
    const response = await send(JSON.stringify([V1_SERVICE]));
    expect(response.body).toMatchObject({ servicesCreated: 1, problems: [], warnings: [] });
    expect(await stored(V1_SERVICE.id)).toMatchObject({
      minAge: 8,
      maxAge: 18,
      taxonomy: ['Short breaks'],
      topics: expect.arrayContaining(['short_breaks']),
      locations: [{ name: 'Meadow Centre', address: '5 Meadow Lane, Northtown', postcode: 'NS1 4AB' }],
      accessibility: ['Hoist and changing places toilet'],
      schedules: ['Saturdays, 10:00 to 16:00'],
      serviceAreas: ['Northtown'],
      isFree: true,
      howToGet: 'Referral by a social worker or transition worker, with the family’s agreement.',
      referralEmail: 'referrals@shortbreaks.example.org',
    });
  });

  it('importing the same feed again changes nothing', async () => {
    const before = await stored(V1_SERVICE.id);
    const again = await send(JSON.stringify([V1_SERVICE, V3_SERVICE]));
    expect(again.body).toMatchObject({
      servicesCreated: 0,
      servicesUpdated: 0,
      servicesUnchanged: 2,
      agenciesCreated: 0,
      agenciesUpdated: 0,
    });
    expect((await stored(V1_SERVICE.id)).updatedAt).toEqual(before.updatedAt);
    // A change to what the feed says is an update of that service only.
    const changed = await send(JSON.stringify([{ ...V1_SERVICE, description: 'Now on Sundays too.' }, V3_SERVICE]));
    expect(changed.body).toMatchObject({ servicesUpdated: 1, servicesUnchanged: 1 });
    expect((await stored(V1_SERVICE.id)).description).toBe('Now on Sundays too.');
    // What an administrator corrected by hand, and the feed does not say, stays.
    const agency = (await stored(V1_SERVICE.id)).agency;
    const own = await signIn(f, f.areaAdmins.own.email);
    expect((await call(f, own, 'PATCH', `/api/agencies/${agency.id}`, { type: 'childrens_social_care' })).status).toBe(
      200,
    );
    const once = await send(JSON.stringify([{ ...V1_SERVICE, description: 'Now on Sundays too.' }]));
    expect(once.body).toMatchObject({ servicesUnchanged: 1, agenciesUpdated: 0 });
    expect((await stored(V1_SERVICE.id)).agency.type).toBe('childrens_social_care');
  });

  it('coerces what real feeds send, with a warning each, rather than refusing the service', async () => {
    const messy = {
      id: 4711,
      name: '  Youth Club  ',
      email: 'youth@club.example.org ',
      url: 'www.club.example.org',
      agency_type: 'leisure_centre',
      minimum_age: '16',
      maximum_age: 999,
      organization: { id: 'org-club', name: 'Club', website: 'club.example.org' },
      contacts: [{ name: 'Desk', phones: [{ number: '' }, { number: '01234 111222' }] }],
      eligibilitys: null,
    };
    const response = await send(JSON.stringify(messy));
    expect(response.body.problems).toEqual([]);
    expect(response.body.servicesCreated).toBe(1);
    const warned = response.body.warnings.map((w: { field: string }) => w.field);
    expect(warned).toEqual(
      expect.arrayContaining([
        'email',
        'url',
        'organization.website',
        'agency_type',
        'minimum_age',
        'maximum_age',
        'contacts.0.phones.0.number',
      ]),
    );
    expect(await stored('4711')).toMatchObject({
      name: 'Youth Club',
      email: 'youth@club.example.org',
      url: 'https://www.club.example.org',
      minAge: 16,
      maxAge: null,
      phone: '01234 111222',
    });
    expect((await stored('4711')).agency).toMatchObject({ type: 'other', website: 'https://club.example.org' });
  });

  it('leaves out links a person could not safely follow, with a warning; a control character refuses only its own record', async () => {
    const lines = [
      JSON.stringify(service('30', 'Script', { url: 'javascript:alert(document.cookie)' })),
      JSON.stringify({
        ...service('31', 'Data'),
        organization: { id: 'org-data', name: 'Data Trust', website: 'data:text/html,<script>alert(1)</script>' },
      }),
      JSON.stringify(service('32', 'Nul', { description: 'before\u0000after' })),
      '{ this is not json',
      JSON.stringify({ ...service('33', 'Ages'), eligibilitys: [{ minimum_age: 20, maximum_age: 14 }] }),
      JSON.stringify({ name: 'No id', organization: { id: 'o', name: 'O' } }),
    ].join('\n');
    const response = await send(lines, 'application/x-ndjson');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      servicesRead: 2,
      problems: [
        { line: 4, field: 'line', message: 'not valid JSON' },
        { line: 3, field: 'description', message: 'must not contain control characters' },
        { line: 5, field: 'eligibilitys.0.minimum_age', message: 'minimum_age is above maximum_age' },
        { line: 6, field: 'id', message: expect.stringContaining('required') },
      ],
    });
    expect(response.body.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 1, field: 'url' }),
        expect.objectContaining({ line: 2, field: 'organization.website' }),
      ]),
    );
    expect((await stored('30')).url).toBeNull();
  });

  it('skips inactive services with a note, and one imported before stops being offered', async () => {
    const response = await send(
      JSON.stringify({
        total_items: 2,
        content: [{ ...V1_SERVICE, status: 'inactive' }, service('40', 'Gone', { status: 'defunct' })],
      }),
    );
    expect(response.body).toMatchObject({
      servicesRead: 0,
      servicesWithdrawn: 1,
      skipped: [
        { line: 1, id: V1_SERVICE.id, name: V1_SERVICE.name, reason: 'listed as inactive: not imported' },
        { line: 2, id: '40', reason: 'listed as defunct: not imported' },
      ],
    });
    expect((await stored(V1_SERVICE.id)).status).toBe('inactive');
    expect(await f.db.prisma.service.count({ where: { externalId: '40' } })).toBe(0);
    // Active again in a later feed (a v3 page this time): offered again.
    const back = await send(JSON.stringify({ total_items: 1, page_number: 1, contents: [V1_SERVICE] }));
    expect(back.body).toMatchObject({ servicesUpdated: 1 });
    expect((await stored(V1_SERVICE.id)).status).toBe('active');
  });

  it('matches organisations on their feed id, never their name or its case', async () => {
    const response = await send(
      JSON.stringify([
        { ...service('50', 'x'), organization: { id: 'org-case', name: 'Org' } },
        { ...service('51', 'x'), organization: { id: 'org-case', name: 'org' } },
        { ...service('52', 'x'), organization: { id: 'org-other', name: 'Org' } },
      ]),
    );
    expect(response.body).toMatchObject({ servicesCreated: 3, agenciesCreated: 2 });
    const statutory = await f.db.prisma.agency.findUniqueOrThrow({ where: { id: f.adultAgencyId } });
    const lookalike = {
      ...service('53', 'x'),
      organization: { id: 'org-attacker', name: statutory.name, email: 'phish@evil.example' },
    };
    expect((await send(JSON.stringify(lookalike))).body).toMatchObject({ agenciesCreated: 1, agenciesUpdated: 0 });
    expect(await f.db.prisma.agency.findUniqueOrThrow({ where: { id: f.adultAgencyId } })).toEqual(statutory);
  });

  it('is for administrators, of their own area', async () => {
    const worker = await signIn(f, f.users.worker.email);
    expect((await send('{}', 'application/json', worker)).status).toBe(403);
    const own = await signIn(f, f.areaAdmins.own.email);
    const other = await sendFile(f, own, `/api/agencies/import?areaId=${f.otherAreaId}`, 'application/json', '[]');
    expect(other.status).toBe(403);
    expect((await sendFile(f, admin, '/api/agencies/import?areaId=nope', 'application/json', '[]')).status).toBe(400);
  });

  describe('from a council’s ORUK API', () => {
    let feed: Server;
    let feedUrl: string;
    const requested: string[] = [];
    beforeAll(async () => {
      // Two pages; the second lists a service without its organisation, read again in full.
      feed = createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://feed');
        requested.push(`${url.pathname}${url.search}`);
        response.setHeader('content-type', 'application/json');
        if (url.pathname === '/api/services/feed-3')
          return response.end(JSON.stringify(service('feed-3', 'Feed', { name: 'Detail read' })));
        if (url.pathname === '/broken/services') {
          response.statusCode = 500;
          return response.end('{}');
        }
        const page = Number(url.searchParams.get('page'));
        const contents =
          page === 1
            ? [service('feed-1', 'Feed'), service('feed-2', 'Feed')]
            : [{ id: 'feed-3', name: 'Summary only' }];
        response.end(
          JSON.stringify({
            total_items: 3,
            total_pages: 2,
            page_number: page,
            first_page: page === 1,
            last_page: page === 2,
            contents,
          }),
        );
      });
      await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
      feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/api/services`;
    });
    afterAll(() => new Promise<void>((resolve) => feed.close(() => resolve())));

    it('reads every page, and each service a list leaves short from its own address; saved, it is fetched daily', async () => {
      const response = await call(f, admin, 'POST', '/api/agencies/fetch', {
        areaId: f.areaId,
        url: feedUrl,
        daily: true,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({ pages: 2, servicesRead: 3, servicesCreated: 3 });
      expect(requested).toEqual([
        '/api/services?page=1&per_page=100',
        '/api/services?page=2&per_page=100',
        '/api/services/feed-3',
      ]);
      expect((await stored('feed-3')).name).toBe('Detail read');
      const saved = await call(f, admin, 'GET', `/api/agencies/feed?areaId=${f.areaId}`);
      expect(saved.body).toMatchObject({ url: feedUrl, lastResult: { ok: true, servicesCreated: 3 } });
    });

    it('says why a feed could not be read, and refuses addresses that are not web addresses', async () => {
      const broken = await call(f, admin, 'POST', '/api/agencies/fetch', {
        areaId: f.areaId,
        url: feedUrl.replace('/api/services', '/broken/services'),
      });
      expect(broken.status).toBe(422);
      expect(broken.body.error).toMatchObject({ field: 'url', message: expect.stringContaining('answered 500') });
      const ftp = await call(f, admin, 'POST', '/api/agencies/fetch', {
        areaId: f.areaId,
        url: 'ftp://x.example/services',
      });
      expect(ftp.status).toBe(400);
      expect(ftp.body.error.field).toBe('url');
    });
  });
});

describe('a feed on the planner’s own network', () => {
  it('is refused unless the installation allows it', async () => {
    const f = await startTestServer('PGlite');
    try {
      const admin = await signIn(f, f.users.admin.email);
      const response = await call(f, admin, 'POST', '/api/agencies/fetch', {
        areaId: f.areaId,
        url: 'http://127.0.0.1:9/api/services',
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain('public address');
    } finally {
      await f.close();
    }
  });
});

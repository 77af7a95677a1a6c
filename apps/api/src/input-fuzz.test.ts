import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestServer, TODAY, type Fixture, type Session } from '../test-support/test-server.ts';

/**
 * Every documented operation, with every field (at any depth), query parameter and path
 * parameter replaced in turn by input that has broken servers before: a NUL or another
 * control character, dates in year 0000 or 9999, integers past 2³¹ − 1, ids of nothing or
 * of another area, wrong types, huge text. Then random mutations (fast-check, bounded). The
 * answer to every one of them is a 4xx (or a success), never a 5xx, and the server keeps
 * serving.
 */

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  minimum?: number;
  default?: unknown;
  additionalProperties?: unknown;
};
type Operation = { method: string; path: string; query: Record<string, JsonSchema>; body?: JsonSchema };
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const UNKNOWN_ID = '6f1c2b1e-1111-4222-8333-944455556666';
const NASTY: Json[] = [
  'a\u0000b',
  '\u0000',
  'line\u0007bell',
  '\u001b[31mred',
  '0000-01-01',
  '9999-12-31',
  '1899-12-31',
  '2026-02-30',
  '2026-1-1',
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  1e308,
  -1,
  0,
  1.5,
  '',
  ' ',
  'x'.repeat(20_000),
  null,
  true,
  [],
  {},
  [null],
  { '\u0000': 1 },
  UNKNOWN_ID,
  'not-a-uuid',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '%00',
  '\ud800',
];

describe('no input gives a 5xx', () => {
  let f: Fixture;
  let sessions: Record<'worker' | 'admin' | 'adults' | 'youngPerson', Session>;
  let operations: Operation[];
  let schemas: Record<string, JsonSchema>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    f = await startTestServer('PGlite');
    sessions = {
      worker: await signIn(f, f.users.worker.email),
      admin: await signIn(f, f.users.admin.email),
      adults: await signIn(f, f.users.adults.email),
      youngPerson: await signIn(f, f.users.youngPerson.email),
    };
    const goal = await call(f, sessions.worker, 'POST', `/api/young-people/${f.personId}/goals`, {
      text: 'Cook a meal',
      outcomeArea: 'independent_living',
    });
    const consent = await f.db.prisma.consent.findFirstOrThrow({ where: { youngPersonId: f.personId } });
    const handover = await f.db.prisma.handover.findFirstOrThrow({ where: { youngPersonId: f.personId } });
    const notification = await f.db.prisma.notification.create({
      data: {
        userId: f.users.worker.id,
        youngPersonId: f.personId,
        milestoneId: 'x',
        kind: 'overdue',
        onDate: new Date(`${TODAY}T00:00:00Z`),
      },
    });
    Object.assign(ids, {
      id: f.personId,
      goalId: goal.body.id,
      consentId: consent.id,
      handoverId: handover.id,
      notificationId: notification.id,
      areaId: f.areaId,
    });
    const document = (await call(f, null, 'GET', '/api/openapi.json')).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; in: string; schema: JsonSchema }[];
            requestBody?: { content: Record<string, { schema: JsonSchema }> };
          }
        >
      >;
      components: { schemas: Record<string, JsonSchema> };
    };
    schemas = document.components.schemas;
    operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        query: Object.fromEntries(
          (operation.parameters ?? [])
            .filter((parameter) => parameter.in === 'query')
            .map((parameter) => [parameter.name, parameter.schema]),
        ),
        body: operation.requestBody?.content['application/json']?.schema,
      })),
    );
  });
  afterAll(async () => f?.close());

  /** A plausible value for a schema: what a well-behaved client would send. */
  function sample(schema: JsonSchema | undefined, name = ''): Json {
    if (!schema) return null;
    if (schema.$ref) return sample(schemas[schema.$ref.split('/').at(-1) as string], name);
    if (schema.default !== undefined) return schema.default as Json;
    if (schema.enum) return schema.enum[0] as Json;
    const alternative = schema.anyOf ?? schema.oneOf;
    if (alternative) return sample(alternative.find((option) => option.type !== 'null') ?? alternative[0], name);
    const type = Array.isArray(schema.type) ? schema.type.find((candidate) => candidate !== 'null') : schema.type;
    switch (type) {
      case 'object':
        return Object.fromEntries(
          Object.entries(schema.properties ?? {}).map(([key, inner]) => [key, sample(inner, key)]),
        );
      case 'array':
        return [sample(schema.items, name)];
      case 'integer':
      case 'number':
        return name === 'version' ? 1 : Math.max(schema.minimum ?? 1, 1);
      case 'boolean':
        return false;
      case 'string':
        if (schema.format === 'uuid') return ids[name] ?? f.adultAgencyId;
        if (schema.format === 'email') return 'someone@ns.test';
        if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}') || /date|from|to|due|transfer/i.test(name)) return TODAY;
        return 'text';
      default:
        return 'text';
    }
  }

  /** Every path to a value inside a JSON value (the whole value is the empty path). */
  function leafPaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
    if (Array.isArray(value)) return [prefix, ...value.flatMap((item, index) => leafPaths(item, [...prefix, index]))];
    if (value && typeof value === 'object')
      return [prefix, ...Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...prefix, key]))];
    return [prefix];
  }

  function replaced(value: Json, path: (string | number)[], by: Json): Json {
    if (path.length === 0) return by;
    const [head, ...rest] = path as [string | number, ...(string | number)[]];
    if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaced(item, rest, by) : item));
    if (value && typeof value === 'object')
      return { ...value, [head]: replaced((value as Record<string, Json>)[head] ?? null, rest, by) };
    return value;
  }

  const sessionFor = (operation: Operation) =>
    operation.path === '/api/agencies/import'
      ? sessions.admin
      : /acknowledge|request-info/.test(operation.path)
        ? sessions.adults
        : operation.path.endsWith('/about-me')
          ? sessions.youngPerson
          : sessions.worker;

  async function send(
    operation: Operation,
    query: Record<string, Json>,
    body: Json | undefined,
    pathIds: Record<string, string> = {},
  ) {
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(pathIds[name] ?? ids[name] ?? UNKNOWN_ID),
    );
    const search = new URLSearchParams(
      Object.entries(query)
        .filter(([, value]) => value !== null)
        .map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
    );
    // Sign-out would end the session the rest of the sweep uses.
    if (operation.method === 'DELETE' && operation.path === '/api/session') return { status: 204 };
    return call(f, sessionFor(operation), operation.method, `${path}${search.size > 0 ? `?${search}` : ''}`, body);
  }

  it('answers every operation’s every field, parameter and path id replaced by each hostile value without a 5xx', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const operation of operations) {
      const query = Object.fromEntries(
        Object.entries(operation.query).map(([name, schema]) => [name, sample(schema, name)]),
      );
      const body = operation.body ? sample(operation.body) : undefined;
      const variants: { query: Record<string, Json>; body: Json | undefined; pathIds?: Record<string, string> }[] = [];
      for (const nasty of NASTY) {
        for (const name of Object.keys(query)) variants.push({ query: { ...query, [name]: nasty }, body });
        if (body !== undefined)
          for (const path of leafPaths(body)) variants.push({ query, body: replaced(body, path, nasty) });
      }
      for (const name of operation.path.match(/\{(\w+)\}/g) ?? []) {
        for (const value of [UNKNOWN_ID, 'not-a-uuid', '\u0000', f.otherPersonId])
          variants.push({ query, body, pathIds: { [name.slice(1, -1)]: value } });
      }
      for (const variant of variants) {
        const answer = await send(operation, variant.query, variant.body, variant.pathIds);
        requests++;
        if (answer.status >= 500)
          failures.push(
            `${operation.method} ${operation.path} ${JSON.stringify(variant).slice(0, 300)} → ${answer.status}`,
          );
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(2000);
    // Still serving, and nothing half-written: the record reads as before.
    expect((await call(f, sessions.worker, 'GET', `/api/young-people/${f.personId}/plan`)).status).toBe(200);
  }, 180_000); // thousands of requests: about 40 s alone, longer beside another test file

  it('answers random bodies and mutations (property-based, bounded) without a 5xx', async () => {
    const hostile = fc.oneof(
      fc.constantFrom(...NASTY),
      fc.jsonValue() as fc.Arbitrary<Json>,
      fc.string({ unit: 'binary' }),
      fc.integer(),
      fc.double(),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), hostile, fc.boolean(), async (which, where, value, wholeBody) => {
        const operation = operations[which % operations.length] as Operation;
        const query = Object.fromEntries(
          Object.entries(operation.query).map(([name, schema]) => [name, sample(schema, name)]),
        );
        const body = operation.body ? sample(operation.body) : undefined;
        let answer;
        const names = Object.keys(query);
        if (body === undefined) {
          // No body to send: the value goes into a query parameter, if there is one.
          answer = await send(
            operation,
            names.length > 0 ? { ...query, [names[where % names.length] as string]: value } : query,
            undefined,
          );
        } else if (wholeBody) answer = await send(operation, query, value);
        else {
          const paths = leafPaths(body);
          answer = await send(
            operation,
            query,
            replaced(body, paths[where % paths.length] as (string | number)[], value),
          );
        }
        expect(answer.status, `${operation.method} ${operation.path}`).toBeLessThan(500);
      }),
      { numRuns: 400, seed: 1129 },
    );
  });

  it('refuses a body over 1 MB before reading it, and a control character naming its field', async () => {
    const headers = {
      'content-type': 'application/json',
      origin: f.baseUrl,
      cookie: sessions.worker?.cookie ?? '',
      'x-csrf-token': sessions.worker?.csrfToken ?? '',
    };
    const big = JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024), outcomeArea: 'employment' });
    expect(await statusOfUpload(`${f.baseUrl}/api/young-people/${f.personId}/goals`, headers, big)).toBe(413);
    // Also when the client does not say how long the body is (chunked): counted as it streams in,
    // and the connection is cut at the limit (Node answers a body it stopped reading with a reset).
    expect([413, 'reset']).toContain(
      await statusOfUpload(`${f.baseUrl}/api/young-people/${f.personId}/goals`, headers, big, true),
    );
    expect((await call(f, sessions.worker, 'GET', '/api/session')).status).toBe(200);
    expect(await f.db.prisma.goal.count({ where: { text: { startsWith: 'xxxx' } } })).toBe(0);
    const nul = await call(f, sessions.worker, 'POST', `/api/young-people/${f.personId}/goals`, {
      text: 'a\u0000b',
      outcomeArea: 'employment',
    });
    expect(nul.status).toBe(400);
    expect(nul.body.error).toMatchObject({
      code: 'invalid',
      field: 'text',
      message: 'text: must not contain control characters',
    });
    const search = await call(f, sessions.worker, 'GET', '/api/young-people?search=a%00b');
    expect(search.body.error.field).toBe('search');
    const year = await call(f, sessions.worker, 'POST', '/api/young-people', {
      givenName: 'A',
      familyName: 'B',
      dateOfBirth: '0000-01-01',
      jurisdiction: 'england',
    });
    expect(year.body.error.field).toBe('dateOfBirth');
    const version = await call(f, sessions.worker, 'PATCH', `/api/young-people/${f.personId}`, {
      version: 2 ** 31,
      changes: {},
    });
    expect(version.body.error.field).toBe('version');
  });
});

/** The status a server answers an upload with, even if it answers (and stops reading) before the upload ends. */
function statusOfUpload(
  url: string,
  headers: Record<string, string>,
  body: string,
  chunked = false,
): Promise<number | 'reset'> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        headers: chunked ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? resolve('reset') : reject(error),
    );
    if (chunked) {
      for (let offset = 0; offset < body.length; offset += 64 * 1024)
        request.write(body.slice(offset, offset + 64 * 1024));
      request.end();
    } else request.end(body);
  });
}

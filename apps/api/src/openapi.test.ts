import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { OPEN_OPERATIONS } from './openapi-document.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestServer, type Fixture } from '../test-support/test-server.ts';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

type Operation = {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  requestBody?: { content: Record<string, unknown> };
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  servers?: unknown[];
  components: { securitySchemes?: Record<string, unknown> };
};

describe('the OpenAPI document', () => {
  let f: Fixture;
  let text: string;
  let document: Document;
  beforeAll(async () => {
    f = await startTestServer('PGlite');
    document = (await call(f, null, 'GET', '/api/openapi.json')).body as Document;
    text = JSON.stringify(document);
  });
  afterAll(async () => f?.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ path, method, operation })),
    );

  it('is lint clean under an independent linter’s recommended rules (Redocly)', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: text, absoluteRef: 'openapi.json', config });
    expect(
      problems.map(
        (problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} ${problem.location[0]?.pointer ?? ''}`,
      ),
    ).toEqual([]);
  });

  it('describes every operation: its id, its security, its 401 and 403, and what the special formats return', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document.servers?.length).toBeGreaterThan(0);
    expect(document.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'pathways_session' },
      csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    });
    for (const { path, method, operation } of operations()) {
      if (path.startsWith('/calendar/') || OPEN_OPERATIONS.has(operation.operationId ?? '')) continue;
      expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '403']));
      if (method !== 'get') expect(operation.security, `${method} ${path}`).toEqual([{ session: [], csrfToken: [] }]);
    }
    const content = (path: string, method = 'get', status = '200') =>
      Object.keys(document.paths[path]?.[method]?.responses[status]?.content ?? {});
    expect(content('/api/young-people/{id}/fhir')).toEqual(['application/fhir+json']);
    expect(content('/api/handovers/{handoverId}/fhir')).toEqual(['application/fhir+json']);
    expect(content('/api/forecast.csv')).toEqual(['text/csv']);
    expect(content('/calendar/{file}')).toEqual(['text/calendar']);
    expect(
      document.paths['/api/young-people/{id}/plan']?.get?.responses['200']?.content?.['application/json']?.schema,
    ).toEqual({ $ref: '#/components/schemas/Plan' });
    expect(Object.keys(document.paths['/api/agencies/import']?.post?.requestBody?.content ?? {})).toEqual([
      'application/x-ndjson',
      'application/json',
    ]);
  });

  it('gives a client, generated from it by a tool nobody here wrote, that type-checks when used and works', async () => {
    const folder = mkdtempSync(join(API_DIR, '.client-check-'));
    try {
      writeFileSync(join(folder, 'schema.ts'), astToString(await openapiTS(text)));
      writeFileSync(
        join(folder, 'usage.ts'),
        `import createClient from 'openapi-fetch';
import type { paths } from './schema.ts';

const [baseUrl = '', cookie = '', csrf = '', id = '', handoverId = ''] = process.argv.slice(2);
const client = createClient<paths>({ baseUrl, headers: { cookie, origin: baseUrl } });
const plan = await client.GET('/api/young-people/{id}/plan', { params: { path: { id } } });
const due: string | null | undefined = plan.data?.milestones[0]?.dueDate;
const status: 'done' | 'overdue' | 'due' | 'upcoming' | 'missed' | 'not_known' | 'starts_later' | 'in_effect' | 'ended' | 'not_applicable' | undefined = plan.data?.milestones[0]?.status;
const goal = await client.POST('/api/young-people/{id}/goals', { params: { path: { id } }, body: { text: 'Made with a generated client', outcomeArea: 'employment' }, headers: { 'X-CSRF-Token': csrf } });
const goalId: string | undefined = goal.data?.id;
// @ts-expect-error: the document says which outcome areas there are
void client.POST('/api/young-people/{id}/goals', { params: { path: { id } }, body: { text: 'x', outcomeArea: 'flying' } });
const bundle = await client.GET('/api/handovers/{handoverId}/fhir', { params: { path: { handoverId } } });
const kind: 'collection' | 'document' | undefined = bundle.data?.type;
const refused = await client.GET('/api/caseload', { params: { query: { from: '2026-01-01', to: '2026-12-31' } } });
const refusal: string | undefined = refused.error?.error.message;
console.log(JSON.stringify({ due, status, goalId, kind, refusal }));
`,
      );
      writeFileSync(
        join(folder, 'tsconfig.json'),
        JSON.stringify({
          extends: '../../../tsconfig.base.json',
          compilerOptions: { types: ['node'] },
          include: ['*.ts'],
        }),
      );
      await run(process.execPath, [join(API_DIR, '../../node_modules/typescript/bin/tsc'), '--noEmit', '-p', folder], {
        cwd: API_DIR,
      });

      const handover = await f.db.prisma.handover.findFirstOrThrow({ where: { youngPersonId: f.personId } });
      const worker = await signIn(f, f.users.worker.email);
      const { stdout } = await run(
        process.execPath,
        [
          '--import',
          'tsx',
          join(folder, 'usage.ts'),
          f.baseUrl,
          worker?.cookie ?? '',
          worker?.csrfToken ?? '',
          f.personId,
          handover.id,
        ],
        { cwd: API_DIR },
      );
      const result = JSON.parse(stdout) as Record<string, unknown>;
      expect(result).toMatchObject({ status: expect.any(String), goalId: expect.any(String), kind: 'document' });
      expect(result.refusal).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});

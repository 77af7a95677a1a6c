import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, auditList, getImportRun, runImport, startImportRun, type ImportRunReport } from '@pathways/db';
import { NOWHERE } from '../access.ts';
import { today, type AppEnv } from '../app-env.ts';
import { requireRole, signedInUser } from '../auth/middleware.ts';
import { validationHook } from '../errors.ts';
import { importTemplate, readYoungPeopleCsv, TEMPLATE_COLUMNS } from '../import/young-people-csv.ts';
import { errorResponses, json, ZIdParam } from './schemas.ts';

/** Importing a caseload is the team manager's: it creates and changes many records at once. */
const IMPORTERS = ['team_manager'] as const;

const ZProblem = z.object({ column: z.string(), code: z.string(), message: z.string() });

const ZImportRun = z
  .object({
    id: z.string(),
    fileName: z.string(),
    isDryRun: z.boolean(),
    status: z.enum(['running', 'finished', 'failed']),
    isInterrupted: z.boolean().openapi({
      description: 'Still "running" but stopped (the server restarted): rows saved so far stay; import the file again',
    }),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    ignoredColumns: z.array(z.string()),
    rows: z.array(
      z.object({
        line: z.number().int(),
        outcome: z.enum(['created', 'updated', 'unchanged', 'failed']),
        youngPersonId: z.string().optional(),
        name: z.string().optional(),
        fields: z.array(z.string()).optional(),
        eventsAdded: z.number().int().optional(),
        problems: z.array(ZProblem).optional(),
      }),
    ),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('ImportRun');

const template = createRoute({
  method: 'get',
  path: '/young-people/template.csv',
  operationId: 'getImportTemplate',
  tags: ['Import'],
  summary: 'The CSV template for importing young people, with one made-up example row',
  middleware: [requireRole(...IMPORTERS)] as const,
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(401, 403),
  },
});

const start = createRoute({
  method: 'post',
  path: '/young-people',
  operationId: 'importYoungPeople',
  tags: ['Import'],
  summary:
    'Import young people into your area from CSV (team managers): our template, or the SEN2 return’s person-level columns. A dry run saves nothing.',
  description: `Body: the CSV file (\`text/csv\`), a header row first. Columns read (any case; SEN2 names too: forename, surname, personbirthdate, startdate, lastreview, sentype): ${TEMPLATE_COLUMNS.join(', ')}. Rows are matched to your area's young people on NHS number, UPN or local id; each row is written on its own, all or nothing. Answers 202 at once; follow the run at GET /api/imports/{id}.`,
  middleware: [requireRole(...IMPORTERS)] as const,
  request: {
    query: z.object({
      dryRun: z
        .enum(['true', 'false'])
        .default('true')
        .transform((value) => value === 'true')
        .openapi({ description: 'true (the default): check every row and say what would happen, saving nothing' }),
      fileName: z.string().trim().min(1).max(200).default('import.csv'),
    }),
    body: { required: true, content: { 'text/csv': { schema: { type: 'string', description: 'The CSV file' } } } },
  },
  responses: {
    202: json(ZImportRun, 'Started; progress and the report at GET /api/imports/{id}'),
    ...errorResponses(400, 401, 403, 413),
  },
});

const progress = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getImport',
  tags: ['Import'],
  summary: 'How an import is going, and its report by row when it has finished',
  middleware: [requireRole(...IMPORTERS)] as const,
  request: { params: ZIdParam },
  responses: { 200: json(ZImportRun, 'The run'), ...errorResponses(401, 403, 404) },
});

const shown = (run: ImportRunReport) => ({
  id: run.id,
  fileName: run.fileName,
  isDryRun: run.isDryRun,
  status: run.status as 'running' | 'finished' | 'failed',
  isInterrupted: run.isInterrupted,
  totalRows: run.totalRows,
  processedRows: run.processedRows,
  created: run.created,
  updated: run.updated,
  unchanged: run.unchanged,
  failed: run.failed,
  ignoredColumns: run.ignoredColumns,
  rows: run.rows,
  startedAt: run.startedAt.toISOString(),
  finishedAt: run.finishedAt?.toISOString() ?? null,
});

/** Mounted at `/api/imports` (see app.ts). */
export const importRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(template, (c) => {
    c.header('Content-Disposition', 'attachment; filename="pathways-young-people-template.csv"');
    return c.body(importTemplate(), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  })
  .openapi(start, async (c) => {
    const services = c.get('services');
    const user = signedInUser(c);
    const areaId = user.areaId ?? NOWHERE;
    const { dryRun, fileName } = c.req.valid('query');
    const day = today(services);
    const file = readYoungPeopleCsv(await c.req.text(), day);
    if (!file.ok) throw new AppError('invalid', `file: ${file.problem}`, { field: 'file' });
    if (file.rows.length === 0)
      throw new AppError('invalid', 'file: The file has a header but no rows.', { field: 'file' });
    const actor = { userId: user.id, role: user.role };
    const run = await startImportRun(services.db, actor, {
      areaId,
      fileName,
      isDryRun: dryRun,
      totalRows: file.rows.length,
      ignoredColumns: file.ignoredColumns,
    });
    // The rows are written after the answer, so a large file shows its progress; a run the
    // server stops part-way keeps its saved rows and says so (see getImportRun).
    void runImport({
      db: services.db,
      actor,
      run,
      rows: file.rows,
      today: day,
      reason: `Imported from ${fileName}`,
    }).catch((error: unknown) =>
      services.logger.error('an import stopped', { importId: run.id, error: String(error) }),
    );
    return c.json(shown({ ...run, rows: [], isInterrupted: false }), 202);
  })
  .openapi(progress, async (c) => {
    const { db, now } = c.get('services');
    const user = signedInUser(c);
    const run = await getImportRun(db, user.areaId ?? NOWHERE, c.req.valid('param').id, now());
    // The report names the young people of its rows: each one shown is on their audit trail.
    const named = run.rows.flatMap((row) => (row.youngPersonId ? [row.youngPersonId] : []));
    if (named.length > 0)
      await auditList(db, { userId: user.id, role: user.role }, 'ImportRun', named, { importId: run.id });
    return c.json(shown(run), 200);
  });

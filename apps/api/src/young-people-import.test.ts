import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, sendFile, signIn, startTestServer, type Fixture, type Session } from '../test-support/test-server.ts';

/** Sends a CSV file as the browser's import page does. */
const upload = (f: Fixture, session: Session, csv: string, query = 'dryRun=false&fileName=caseload.csv') =>
  sendFile(f, session, `/api/imports/young-people?${query}`, 'text/csv', csv);

/** Waits for a run to finish, as the page's progress bar does, and gives its report. */
async function finished(f: Fixture, session: Session, id: string) {
  for (let attempt = 0; attempt < 400; attempt++) {
    const run = await call(f, session, 'GET', `/api/imports/${id}`);
    if (run.body.status !== 'running') return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import never finished');
}

async function importFile(f: Fixture, session: Session, csv: string, dryRun: boolean) {
  const started = await upload(f, session, csv, `dryRun=${dryRun}&fileName=caseload.csv`);
  expect(started.status).toBe(202);
  return finished(f, session, started.body.id);
}

const HEADER = 'local_id,nhs_number,upn,given_name,family_name,date_of_birth,ehc_plan_issued_on,last_review,has_carer';
const row = (n: number, extra: Partial<Record<'dob' | 'review' | 'family' | 'nhs', string>> = {}) =>
  [
    `CS-${n}`,
    extra.nhs ?? '',
    '',
    `Given${n}`,
    extra.family ?? `Family${n}`,
    extra.dob ?? `2011-0${(n % 9) + 1}-1${n % 10}`,
    '2018-09-01',
    extra.review ?? '2026-03-0' + ((n % 9) + 1),
    n % 2 === 0 ? 'yes' : 'no',
  ].join(',');

for (const backend of ['PGlite', 'PostgreSQL'] as const) {
  describe(`importing young people from CSV (${backend})`, () => {
    let f: Fixture;
    let manager: Session;
    const count = () => f.db.prisma.youngPerson.count({ where: { areaId: f.areaId } });

    beforeAll(async () => {
      f = await startTestServer(backend);
      manager = await signIn(f, f.users.manager.email);
    });
    afterAll(() => f.close());

    it('gives a template a CSV parser reads, with the SEN2-compatible columns, that imports as it is', async () => {
      const template = await call(f, manager, 'GET', '/api/imports/young-people/template.csv');
      expect(template.status).toBe(200);
      expect(template.headers.get('content-disposition')).toContain('attachment');
      const [header, example]: string[][] = parse(template.body as string);
      expect(header).toEqual(
        expect.arrayContaining(['upn', 'date_of_birth', 'ehc_plan_issued_on', 'last_review', 'sen_type']),
      );
      expect(example).toHaveLength(header?.length ?? 0);
      const run = await importFile(f, manager, template.body as string, true);
      expect(run).toMatchObject({ status: 'finished', isDryRun: true, created: 1, failed: 0, totalRows: 1 });
    });

    it('dry-runs a file, naming each bad row’s line and column, and saves nothing', async () => {
      const before = await count();
      const csv = [
        HEADER,
        row(1),
        row(2, { dob: '31/02/2011' }),
        row(3),
        row(4, { nhs: '1234567890' }),
        row(5, { review: '2031-01-01' }),
        `CS-6,,,,Family6,2011-01-01,,,`,
      ].join('\r\n');
      const run = await importFile(f, manager, csv, true);
      expect(run).toMatchObject({ totalRows: 6, processedRows: 6, created: 2, updated: 0, failed: 4 });
      const problems = run.rows
        .filter((r: any) => r.outcome === 'failed')
        .map((r: any) => [r.line, r.problems[0].column, r.problems[0].code]);
      expect(problems).toEqual([
        [3, 'date_of_birth', 'not_a_date'],
        [5, 'nhs_number', 'invalid_nhs_number'],
        [6, 'last_review', 'future_date'],
        [7, 'given_name', 'missing'],
      ]);
      expect(await count()).toBe(before);
    });

    it('imports for real with past events, then changes nothing when the same file comes again', async () => {
      const csv = [HEADER, row(10), row(11), row(12, { dob: 'not a date' })].join('\n');
      const first = await importFile(f, manager, csv, false);
      expect(first).toMatchObject({ status: 'finished', created: 2, failed: 1, unchanged: 0 });
      const created = await f.db.prisma.youngPerson.findFirstOrThrow({ where: { localId: 'CS-10' } });
      expect(created).toMatchObject({ areaId: f.areaId, hasEhcPlan: true, hasCarer: true, givenName: 'Given10' });
      expect(created.ehcPlanIssuedOn?.toISOString().slice(0, 10)).toBe('2018-09-01');
      const events = await f.db.prisma.pathwayEvent.findMany({
        where: { youngPersonId: created.id },
        orderBy: { sequence: 'asc' },
      });
      expect(events.map((event) => [event.type, event.date.toISOString().slice(0, 10)])).toEqual([
        ['education.ehc_plan_issued', '2018-09-01'],
        ['education.annual_review_held', '2026-03-02'],
      ]);
      // The plan is right from the first day: the next review is dated from the one imported.
      const plan = await call(f, manager, 'GET', `/api/young-people/${created.id}/plan`);
      expect(plan.status).toBe(200);
      expect(plan.body.milestones.length).toBeGreaterThan(0);
      // Reading the report named them: it is on their audit trail.
      expect(
        await f.db.prisma.auditEntry.count({
          where: { youngPersonId: created.id, entityType: 'ImportRun', action: 'list' },
        }),
      ).toBeGreaterThan(0);
      const auditsBefore = await f.db.prisma.auditEntry.count({ where: { youngPersonId: created.id } });

      const again = await importFile(f, manager, csv, false);
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 1 });
      expect(await f.db.prisma.pathwayEvent.count({ where: { youngPersonId: created.id } })).toBe(2);
      expect(await f.db.prisma.auditEntry.count({ where: { youngPersonId: created.id } })).toBe(auditsBefore);
      expect((await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: created.id } })).version).toBe(
        created.version,
      );
    });

    it('forgets an erased young person’s line in every import report', async () => {
      const run = await importFile(f, manager, [HEADER, row(70), row(71)].join('\n'), false);
      const erased = run.rows.find((r: any) => r.name === 'Given70 Family70');
      const person = await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: erased.youngPersonId } });
      const answer = await call(f, manager, 'DELETE', `/api/young-people/${person.id}?version=${person.version}`);
      expect(answer.status).toBe(204);
      const report = await call(f, manager, 'GET', `/api/imports/${run.id}`);
      expect(report.body.rows.map((r: any) => r.name)).toEqual(['Given71 Family71']);
      expect(JSON.stringify(report.body)).not.toContain(person.id);
    });

    it('updates a matched record with what changed, keeps the correction, and adds a newer review', async () => {
      const csv = [HEADER, row(10, { family: 'Newname', review: '2026-09-09' })].join('\n');
      const run = await importFile(f, manager, csv, false);
      expect(run).toMatchObject({ created: 0, updated: 1 });
      expect(run.rows[0]).toMatchObject({ outcome: 'updated', fields: ['familyName'], eventsAdded: 1 });
      const person = await f.db.prisma.youngPerson.findFirstOrThrow({ where: { localId: 'CS-10' } });
      expect(person.familyName).toBe('Newname');
      const correction = await f.db.prisma.recordCorrection.findFirstOrThrow({ where: { youngPersonId: person.id } });
      expect(correction).toMatchObject({
        field: 'familyName',
        previousValue: 'Family10',
        newValue: 'Newname',
        reason: 'Imported from caseload.csv',
      });
    });

    it('reads the SEN2 return’s columns, names the ones it does not use, and never merges two people of one name', async () => {
      const sen2 = [
        'UPN,Surname,Forename,PersonBirthDate,Sex,Postcode,StartDate,LastReview,SENtype',
        'H801200001001,Patel,Aisha,2010-05-05,F,NS1 1AA,2017-01-10,2026-01-15,SLD',
        'X801200001002,Patel,Aisha,2012-07-07,F,NS1 2BB,2019-04-01,,ASD',
      ].join('\n');
      const run = await importFile(f, manager, sen2, false);
      expect(run).toMatchObject({ created: 2, failed: 0, ignoredColumns: ['Sex', 'Postcode'] });
      const aishas = await f.db.prisma.youngPerson.findMany({
        where: { areaId: f.areaId, givenName: 'Aisha', familyName: 'Patel' },
        orderBy: { dateOfBirth: 'asc' },
      });
      expect(aishas.map((person) => [person.upn, person.learningDisability])).toEqual([
        ['H801200001001', true],
        ['X801200001002', false],
      ]);
    });

    it('keeps each council’s records apart: the same UPN in another area is another child', async () => {
      const otherUpn = 'L801200001003';
      await f.db.prisma.youngPerson.update({ where: { id: f.otherPersonId }, data: { upn: otherUpn } });
      const run = await importFile(
        f,
        manager,
        `upn,forename,surname,personbirthdate\n${otherUpn},Ava,Reid,2010-01-15`,
        false,
      );
      expect(run).toMatchObject({ created: 1, updated: 0 });
      const other = await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: f.otherPersonId } });
      expect(other.version).toBe(1);
    });

    it('writes a batch the database refuses row by row, so only the refused row fails', async () => {
      // As if someone added the same child in another tab while the import ran: the database
      // refuses that row (a unique violation) after the file was checked.
      await f.db.prisma.$executeRawUnsafe(`
        CREATE FUNCTION refuse_clash() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW."givenName" = 'Clash' THEN
            RAISE EXCEPTION 'duplicate key value violates unique constraint "YoungPerson_areaId_localId_key"' USING ERRCODE = 'unique_violation';
          END IF;
          RETURN NEW;
        END $$`);
      await f.db.prisma.$executeRawUnsafe(
        'CREATE TRIGGER refuse_clash BEFORE INSERT ON "YoungPerson" FOR EACH ROW EXECUTE FUNCTION refuse_clash()',
      );
      try {
        const csv = [HEADER, row(50), row(51).replace('Given51', 'Clash'), row(52)].join('\n');
        const run = await importFile(f, manager, csv, false);
        expect(run).toMatchObject({ status: 'finished', created: 2, failed: 1 });
        expect(run.rows.find((r: any) => r.outcome === 'failed')).toMatchObject({
          line: 3,
          problems: [{ column: 'local_id', code: 'conflict' }],
        });
        expect(await f.db.prisma.youngPerson.count({ where: { localId: { in: ['CS-50', 'CS-51', 'CS-52'] } } })).toBe(
          2,
        );
        // Nothing half-written for the refused row: no events, plan or audit of a record that does not exist.
        const orphans = await f.db.prisma.$queryRawUnsafe<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM "PathwayEvent" e WHERE NOT EXISTS (SELECT 1 FROM "YoungPerson" p WHERE p.id = e."youngPersonId")',
        );
        expect(orphans[0]?.n).toBe(0);
      } finally {
        await f.db.prisma.$executeRawUnsafe('DROP TRIGGER refuse_clash ON "YoungPerson"');
        await f.db.prisma.$executeRawUnsafe('DROP FUNCTION refuse_clash()');
      }
    });

    it('refuses a file it cannot read, naming the file, with no run started', async () => {
      const runs = await f.db.prisma.importRun.count();
      for (const csv of [
        '',
        'given_name,family_name\nA,B',
        'local_id,given_name,family_name,date_of_birth\n"CS-1,A,B,2011-01-01',
      ]) {
        const answer = await upload(f, manager, csv);
        expect(answer.status).toBe(400);
        expect(answer.body.error.field).toBe('file');
      }
      for (const [query, field] of [
        ['dryRun=perhaps', 'dryRun'],
        [`fileName=${'x'.repeat(201)}`, 'fileName'],
      ]) {
        const answer = await upload(f, manager, `${HEADER}\n${row(60)}`, query);
        expect(answer.status).toBe(400);
        expect(answer.body.error.field).toBe(field);
      }
      expect(await f.db.prisma.importRun.count()).toBe(runs);
    });

    it('is the team manager’s, and a run is seen only in its own area', async () => {
      const worker = await signIn(f, f.users.worker.email);
      expect((await upload(f, worker, `${HEADER}\n${row(40)}`)).status).toBe(403);
      const started = await upload(f, manager, `${HEADER}\n${row(41)}`, 'dryRun=true');
      await finished(f, manager, started.body.id);
      const otherManager = await f.db.prisma.user.create({
        data: {
          email: 'manager@wv.test',
          name: 'WV manager',
          role: 'team_manager',
          areaId: f.otherAreaId,
          passwordHash: (await f.db.prisma.user.findUniqueOrThrow({ where: { id: f.users.manager.id } })).passwordHash,
        },
      });
      const other = await signIn(f, otherManager.email);
      expect((await call(f, other, 'GET', `/api/imports/${started.body.id}`)).status).toBe(404);
    });
  });
}

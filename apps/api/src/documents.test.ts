import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestServer, type Fixture, type Session } from '../test-support/test-server.ts';

const MB = 1024 * 1024;

/** A real (if blank) PDF of about `size` bytes: a header, a comment to pad it, the trailer. */
function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x20), tail]);
}

/** A Windows program (MZ and PE headers), as it would arrive renamed "report.pdf". */
function windowsProgram(): Buffer {
  const program = Buffer.alloc(1024);
  program.write('MZ', 0, 'latin1');
  program.writeUInt32LE(0x80, 0x3c);
  program.write('PE\0\0', 0x80, 'latin1');
  return program;
}

/** Uploads a file as the web app does: the file as the body, its name in X-File-Name. */
async function upload(
  f: Fixture,
  session: Session,
  query: string,
  body: Buffer,
  fileName = 'advice.pdf',
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${f.baseUrl}/api/young-people/${f.personId}/documents?${query}`, {
    method: 'POST',
    headers: {
      origin: f.baseUrl,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(fileName),
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
    body,
  });
  return { status: response.status, body: await response.json() };
}

async function download(f: Fixture, session: Session, id: string, view = 'attachment') {
  const response = await fetch(`${f.baseUrl}/api/documents/${id}/content?view=${view}`, {
    headers: session ? { cookie: session.cookie } : {},
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const uploadsLeftBehind = () => readdirSync(tmpdir()).filter((name) => name.startsWith('pathways-upload-'));

for (const backend of ['PGlite', 'PostgreSQL'] as const) {
  describe(`documents (${backend})`, () => {
    let f: Fixture;
    const sessions = new Map<string, Session>();
    const as = (who: string): Session => {
      const session = sessions.get(who);
      if (session === undefined) throw new Error(`${who} is not signed in`);
      return session;
    };

    beforeAll(async () => {
      f = await startTestServer(backend);
      for (const who of [
        'worker',
        'senco',
        'adults',
        'youngPerson',
        'withdrawnContributor',
        'otherContributor',
      ] as const)
        sessions.set(who, await signIn(f, f.users[who].email));
    });
    afterAll(() => f.close());

    const documentRows = () => f.db.prisma.document.count();
    const chunkRows = () => f.db.prisma.documentChunk.count();

    // A 20 MB file on PostgreSQL, where councils keep theirs; 3 MB (twelve pieces) on the embedded
    // database, whose slower writes (docs: bench:documents) would only lengthen the run.
    const size = backend === 'PostgreSQL' ? 20 : 3;
    it(`keeps a ${size} MB PDF in pieces and gives it back byte for byte, as an attachment nobody may sniff`, async () => {
      const pdf = pdfOf(size * MB);
      const added = await upload(
        f,
        as('worker'),
        'type=ehc_plan&title=EHC%20plan%202026',
        pdf,
        '../../EHC plan "final".pdf',
      );
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      expect(added.body).toMatchObject({
        type: 'ehc_plan',
        title: 'EHC plan 2026',
        fileName: 'EHC plan final.pdf',
        mediaType: 'application/pdf',
        byteSize: pdf.length,
        addedByName: 'worker',
        canPreview: true,
      });
      expect(await chunkRows()).toBe(Math.ceil(pdf.length / (256 * 1024)));
      const got = await download(f, as('worker'), added.body.id);
      expect(got.status).toBe(200);
      expect(createHash('sha256').update(got.bytes).digest('hex')).toBe(createHash('sha256').update(pdf).digest('hex'));
      expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="EHC plan final.pdf"/);
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('content-type')).toBe('application/pdf');
      const preview = await download(f, as('worker'), added.body.id, 'inline');
      expect(preview.headers.get('content-disposition')).toMatch(/^inline;/);
      expect(preview.headers.get('content-security-policy')).toContain('sandbox');
      const audited = await f.db.prisma.auditEntry.findMany({
        where: { entityType: 'Document', entityId: added.body.id },
        orderBy: { id: 'asc' },
      });
      expect(audited.map((entry) => entry.action)).toEqual(['upload', 'download', 'preview']);
      expect(uploadsLeftBehind()).toEqual([]);
    }, 60_000);

    it('refuses a program renamed .pdf, and a file over 25 MB, keeping nothing of either', async () => {
      const before = { documents: await documentRows(), chunks: await chunkRows() };
      const program = await upload(f, as('worker'), 'type=advice_report&title=Report', windowsProgram(), 'report.pdf');
      expect(program.status).toBe(415);
      expect(program.body.error.message).toContain('PDF');
      // Over the limit: refused while it streams in, whichever database (the same code before either).
      const huge = await upload(f, as('worker'), 'type=advice_report&title=Report', pdfOf(26 * MB));
      expect(huge.status).toBe(413);
      expect(huge.body.error.message).toContain('25 MB');
      const empty = await upload(f, as('worker'), 'type=letter&title=Nothing', Buffer.alloc(0));
      expect(empty.status).toBe(415);
      // The title is text like any other: a control character in it is refused, naming it.
      const hidden = await upload(f, as('worker'), 'type=letter&title=Bad%00title', pdfOf(2000));
      expect(hidden.status).toBe(400);
      expect(hidden.body.error.field).toBe('title');
      expect({ documents: await documentRows(), chunks: await chunkRows() }).toEqual(before);
      expect(uploadsLeftBehind()).toEqual([]);
    }, 60_000);

    it('lets a linked SEN coordinator add advice the worker and adult services open, within what the young person shares', async () => {
      const advice = await upload(f, as('senco'), 'type=advice_report&title=School%20advice', pdfOf(4000));
      expect(advice.status).toBe(201);
      expect(advice.body).toMatchObject({ addedByName: 'senco', addedByRole: 'sen_coordinator', canRemove: true });
      for (const who of ['worker', 'adults', 'youngPerson'] as const)
        expect((await download(f, as(who), advice.body.id)).status, who).toBe(200);
      // Maya shares her plan with the school but not her health: no hospital passport for the school.
      const passport = await upload(f, as('worker'), 'type=hospital_passport&title=Hospital%20passport', pdfOf(3000));
      expect(passport.status).toBe(201);
      expect((await download(f, as('senco'), passport.body.id)).status).toBe(404);
      expect((await upload(f, as('senco'), 'type=hospital_passport&title=Mine', pdfOf(3000))).status).toBe(403);
      const seen = await call(f, as('senco'), 'GET', `/api/young-people/${f.personId}/documents`);
      expect(seen.body.items.map((d: any) => d.title)).toContain('School advice');
      expect(seen.body.items.map((d: any) => d.title)).not.toContain('Hospital passport');
      expect(seen.body.items.find((d: any) => d.title === 'EHC plan 2026').canRemove).toBe(false);
      const passports = await call(
        f,
        as('worker'),
        'GET',
        `/api/young-people/${f.personId}/documents?type=hospital_passport`,
      );
      expect(passports.body.items.map((d: any) => d.title)).toEqual(['Hospital passport']);
      // A contributor whose agreement was withdrawn, or who is not linked, finds nothing.
      for (const who of ['withdrawnContributor', 'otherContributor'] as const) {
        expect((await download(f, as(who), advice.body.id)).status, who).toBe(404);
        expect((await call(f, as(who), 'GET', `/api/young-people/${f.personId}/documents`)).status, who).toBe(404);
        expect((await upload(f, as(who), 'type=letter&title=X', pdfOf(2000))).status, who).toBe(404);
      }
      // The coordinator removes what they added; the worker anything; the coordinator nothing else.
      const plan = seen.body.items.find((d: any) => d.title === 'EHC plan 2026');
      expect((await call(f, as('senco'), 'DELETE', `/api/documents/${plan.id}`)).status).toBe(403);
      expect((await call(f, as('senco'), 'DELETE', `/api/documents/${advice.body.id}`)).status).toBe(204);
      expect((await download(f, as('worker'), advice.body.id)).status).toBe(404);
    });

    it('gives the young person every document in their subject access copy, with where to fetch each', async () => {
      const copy = await call(f, as('youngPerson'), 'GET', `/api/young-people/${f.personId}/subject-access`);
      expect(copy.body.documents.map((d: any) => [d.title, d.type])).toEqual([
        ['EHC plan 2026', 'ehc_plan'],
        ['Hospital passport', 'hospital_passport'],
      ]);
      expect(copy.body.otherAgencies.map((a: any) => [a.name, a.agency])).toEqual(
        expect.arrayContaining([['senco', 'Northshire High']]),
      );
      const passport = copy.body.documents[1];
      expect((await download(f, as('youngPerson'), passport.download.split('/').at(-2))).status).toBe(200);
      const printable = await call(f, as('youngPerson'), 'GET', `/api/young-people/${f.personId}/subject-access.html`);
      expect(printable.body).toContain('Hospital passport');
    });

    it('erases documents and their content with the young person', async () => {
      const person = await f.db.prisma.youngPerson.findUniqueOrThrow({ where: { id: f.personId } });
      const manager = await signIn(f, f.users.manager.email);
      expect(await f.db.prisma.document.count({ where: { youngPersonId: f.personId } })).toBeGreaterThan(0);
      const erased = await call(f, manager, 'DELETE', `/api/young-people/${f.personId}?version=${person.version}`);
      expect(erased.status).toBe(204);
      expect(await documentRows()).toBe(0);
      expect(await chunkRows()).toBe(0);
      const proof = await f.db.prisma.erasureRecord.findFirstOrThrow({ where: { youngPersonId: f.personId } });
      expect(proof.rows).toMatchObject({ documents: 2 });
    });
  });
}

/**
 * `npm run create-administrator -w @pathways/api -- --email EMAIL --name "NAME" [--area CODE]`
 * creates the first administrator of a new installation (the demo seed never does): an
 * account without a password and a single-use invitation link, printed here, with which they
 * choose their password and then set up two-factor sign-in. Without --area the administrator
 * manages every area. Run it against DATABASE_URL, or with the embedded database's server stopped.
 * Run again for an administrator who has not yet used their link: a new link, the old one void.
 */
import { parseArgs } from 'node:util';
import { createFirstAdministrator, openDatabase } from '@pathways/db';
import { z } from 'zod';
import { ConfigError, readConfig } from '../config.ts';

const ZArguments = z.object({
  email: z.email({ error: '--email must be an e-mail address' }).max(200),
  name: z.string({ error: '--name is required' }).trim().min(1).max(120),
  area: z.string().trim().min(1).max(20).optional(),
});

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, area: { type: 'string' } },
  });
  const parsed = ZArguments.safeParse(values);
  if (!parsed.success) throw new ConfigError('arguments', parsed.error.issues[0]?.message ?? 'are not right');
  const config = readConfig(process.env);
  const database = await openDatabase(config.database);
  try {
    const { token, created } = await createFirstAdministrator(
      database.prisma,
      { email: parsed.data.email, name: parsed.data.name, areaCode: parsed.data.area ?? null },
      new Date(),
    );
    const origin = config.publicUrl ?? `http://localhost:${config.port}`;
    process.stdout.write(
      `${created ? 'Administrator created' : 'New invitation link'} for ${parsed.data.email}.\n` +
        `Open this link within 7 days to choose a password (it works once):\n\n  ${origin}/set-password#${token}\n\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

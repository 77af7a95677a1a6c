/**
 * `npm run create-administrator -w @pathways/api -- --email EMAIL --name "NAME" [--area CODE
 * [--area-name "NAME" --jurisdiction england|denmark]]`
 * creates the first administrator of a new installation (the demo seed never does): an
 * account without a password and a single-use invitation link, printed here, with which they
 * choose their password and then set up two-factor sign-in. Without --area the administrator
 * manages every area. With --area-name and --jurisdiction, an area that does not exist yet is
 * created (a new council's first step). Run it against DATABASE_URL, or with the embedded database's server stopped.
 * Run again for an administrator who has not yet used their link: a new link, the old one void.
 */
import { parseArgs } from 'node:util';
import { createFirstAdministrator, openDatabase } from '@pathways/db';
import { RULE_PACKS } from '@pathways/engine';
import { z } from 'zod';
import { ConfigError, readConfig } from '../config.ts';

const JURISDICTIONS = Object.keys(RULE_PACKS) as [string, ...string[]];

const ZArguments = z.object({
  email: z.email({ error: '--email must be an e-mail address' }).max(200),
  name: z.string({ error: '--name is required' }).trim().min(1).max(120),
  area: z.string().trim().min(1).max(20).optional(),
  'area-name': z.string().trim().min(1).max(200).optional(),
  jurisdiction: z
    .enum(JURISDICTIONS, { error: `--jurisdiction must be one of ${JURISDICTIONS.join(', ')}` })
    .optional(),
});

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      area: { type: 'string' },
      'area-name': { type: 'string' },
      jurisdiction: { type: 'string' },
    },
  });
  const parsed = ZArguments.safeParse(values);
  if (!parsed.success) throw new ConfigError('arguments', parsed.error.issues[0]?.message ?? 'are not right');
  const config = readConfig(process.env);
  const database = await openDatabase(config.database);
  try {
    const { area, 'area-name': areaName, jurisdiction } = parsed.data;
    const { token, created, areaCreated } = await createFirstAdministrator(
      database.prisma,
      {
        email: parsed.data.email,
        name: parsed.data.name,
        area: area ? { code: area, name: areaName, jurisdiction } : null,
      },
      new Date(),
    );
    if (areaCreated) process.stdout.write(`Area ${area} (${areaName}, ${jurisdiction}) created.\n`);
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

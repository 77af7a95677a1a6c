import { Prisma } from './generated/prisma/client.ts';

/** Typed errors from the data layer; the API translates each code to one HTTP status, once. */
export type AppErrorCode = 'not_found' | 'conflict' | 'unprocessable' | 'invalid' | 'forbidden';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** `reason`: a code for what is wrong, so an interface can say it in the person's language. */
    readonly details: { field?: string; currentVersion?: number; reason?: string } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

type DriverCause = {
  originalCode?: string;
  originalMessage?: string;
  constraint?: { fields?: string[]; index?: string };
};

/** The columns of a unique constraint the database named: from the driver's list, else from the constraint's name (Model_a_b_key). */
function uniqueFields(error: Prisma.PrismaClientKnownRequestError, cause: DriverCause): string[] {
  const listed = (error.meta?.target as string[] | undefined) ?? cause.constraint?.fields ?? [];
  if (listed.length > 0) return listed.map((field) => field.replaceAll('"', ''));
  const name = /constraint "([^"]+)"/.exec(cause.originalMessage ?? '')?.[1] ?? cause.constraint?.index ?? '';
  return name.split('_').slice(1, -1);
}

/**
 * A write the database refused because of what was sent, as the data layer's error naming the
 * field where the database says which: a unique value already used (`conflict`), a reference
 * to nothing (`invalid`), a value out of the column's range (`invalid`). Null for any other
 * error. The routes validate first; this is the net under them, so that no input ever
 * becomes a 500.
 */
export function refusedByDatabase(error: unknown): AppError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  const cause = (error.meta?.driverAdapterError as { cause?: DriverCause } | undefined)?.cause ?? {};
  if (error.code === 'P2002') {
    // A young person's NHS number is unique within their area: the field is the number, not the area.
    const fields = uniqueFields(error, cause);
    const field = fields.filter((name) => name !== 'areaId').at(-1) ?? fields[0] ?? 'value';
    return new AppError('conflict', `${field}: is already in use`, { field });
  }
  if (error.code === 'P2003') {
    // Constraint names are Model_field_fkey.
    const field = cause.constraint?.index?.split('_').slice(1, -1).join('_') || undefined;
    return new AppError(
      'invalid',
      `${field ?? 'input'}: refers to something that does not exist`,
      field ? { field } : {},
    );
  }
  // SQLSTATE class 22: data exception (out of range, bad encoding, bad date).
  if (['P2000', 'P2007', 'P2020', 'P2033'].includes(error.code) || cause.originalCode?.startsWith('22')) {
    return new AppError('invalid', 'input: a value is too long, out of range or not allowed');
  }
  return null;
}

import { parse } from 'csv-parse/sync';
import { isValidNhsNumber, isValidUpn, PROFILE_FLAGS, ZIsoDate, type ProfileFlag } from '@pathways/engine';
import type { ImportEvent, ImportRecord, ImportRow, RowProblem } from '@pathways/db';
import { isPlainText } from '../input-guard.ts';

/**
 * Reads a CSV of young people: our template's columns, or the DfE SEN2 return's person-level
 * ones (`forename`, `surname`, `personbirthdate`, `upn`, `startdate`, `lastreview`, `sentype`),
 * so a council can load its statutory return as it is. Each row is checked on its own and
 * keeps its problems by column; columns we do not use are named, not refused.
 */

/** Our template's columns, in order, each with what it fills. */
export const TEMPLATE_COLUMNS = [
  'local_id',
  'nhs_number',
  'upn',
  'given_name',
  'family_name',
  'preferred_name',
  'date_of_birth',
  'ehc_plan_issued_on',
  'last_review',
  'sen_type',
  'named_worker_email',
  'year_group_offset',
  ...PROFILE_FLAGS.map(snakeCase),
] as const;

/** Other names for our columns: the SEN2 return's, and what case systems commonly export. */
const ALIASES: Record<string, string> = {
  localid: 'local_id',
  council_id: 'local_id',
  nhsnumber: 'nhs_number',
  forename: 'given_name',
  first_name: 'given_name',
  firstname: 'given_name',
  surname: 'family_name',
  last_name: 'family_name',
  lastname: 'family_name',
  personbirthdate: 'date_of_birth',
  dob: 'date_of_birth',
  birth_date: 'date_of_birth',
  startdate: 'ehc_plan_issued_on',
  ehc_plan_start_date: 'ehc_plan_issued_on',
  lastreview: 'last_review',
  last_review_date: 'last_review',
  sentype: 'sen_type',
};

/**
 * SEN2 primary needs (`sentype`) that mean a learning disability for the rules (annual health
 * checks from 14, the GP's learning disability register): severe and profound and multiple
 * learning difficulty. A moderate learning difficulty (MLD) is not on its own a learning
 * disability, so it sets nothing; a worker sets the fact by hand when it applies.
 */
const LEARNING_DISABILITY_NEEDS = new Set(['SLD', 'PMLD']);
const SEN_TYPES = new Set(['SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'OTH', 'NSA']);

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

const FLAG_OF_COLUMN = new Map<string, ProfileFlag>(PROFILE_FLAGS.map((flag) => [snakeCase(flag), flag]));

/** The template: the header row and one made-up example, so a person sees the formats. */
export function importTemplate(): string {
  const example: Record<string, string> = {
    local_id: 'CS-000123',
    nhs_number: '943 476 5919',
    upn: 'H801200001001',
    given_name: 'Maya',
    family_name: 'Hill',
    preferred_name: '',
    date_of_birth: '2012-03-03',
    ehc_plan_issued_on: '2019-09-01',
    last_review: '2026-02-10',
    sen_type: 'SLD',
    named_worker_email: '',
    year_group_offset: '0',
  };
  const row = TEMPLATE_COLUMNS.map(
    (column) => example[column] ?? (column === 'uses_childrens_health_services' ? 'yes' : ''),
  );
  return `${TEMPLATE_COLUMNS.join(',')}\r\n${row.join(',')}\r\n`;
}

export type ReadFile =
  | { ok: true; rows: ImportRow[]; ignoredColumns: string[]; columns: Record<string, string> }
  | { ok: false; problem: string };

/** A header as our column name: lower case, spaces and dashes as underscores, an alias followed. */
function columnName(header: string): string {
  const name = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return ALIASES[name] ?? name;
}

/** Reads the whole file: `ok: false` when it is not a CSV we can read at all (no header, broken quoting). */
export function readYoungPeopleCsv(text: string, today: string): ReadFile {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    return { ok: false, problem: `The file is not a CSV file we can read${lines ? ` (near line ${lines})` : ''}.` };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, problem: 'The file is empty.' };
  const names = header.record.map(columnName);
  const known = new Set<string>(TEMPLATE_COLUMNS);
  const columns: Record<string, string> = {};
  names.forEach((name, index) => {
    if (known.has(name) && !(name in columns)) columns[name] = (header.record[index] as string).trim();
  });
  for (const required of ['given_name', 'family_name', 'date_of_birth'])
    if (!(required in columns))
      return { ok: false, problem: `The file has no ${required} column (see the template for the columns we read).` };
  if (!('local_id' in columns || 'nhs_number' in columns || 'upn' in columns))
    return {
      ok: false,
      problem:
        'The file needs a local_id, nhs_number or upn column: that is how a second import finds the same people.',
    };
  const ignoredColumns = header.record.filter((_, index) => !known.has(names[index] as string)).map((h) => h.trim());
  const rows = body.map(({ record, info }) => {
    const cells: Record<string, string> = {};
    names.forEach((name, index) => {
      if (known.has(name) && !(name in cells)) cells[name] = (record[index] ?? '').trim();
    });
    const row = readRow(info.lines, cells, today, columns);
    if (record.length !== header.record.length)
      row.problems.push({
        column: 'line',
        code: 'wrong_column_count',
        message: `This line has ${record.length} values; the header has ${header.record.length}.`,
      });
    return row;
  });
  markRepeatedIdentifiers(rows, columns);
  return { ok: true, rows, ignoredColumns, columns };
}

/** One row: the record as far as its cells say, the past events they give, and what is wrong with them. */
function readRow(
  line: number,
  cells: Record<string, string>,
  today: string,
  columns: Record<string, string>,
): ImportRow {
  const problems: RowProblem[] = [];
  const record: ImportRecord = {};
  const header = (column: string) => columns[column] ?? column;
  const problem = (column: string, code: string, message: string) =>
    problems.push({ column: header(column), code, message });
  const text = (column: string, max: number): string | undefined => {
    const value = cells[column];
    if (!value) return undefined;
    if (!isPlainText(value))
      return void problem(column, 'control_character', 'Contains characters that cannot be stored.');
    if (value.length > max) return void problem(column, 'too_long', `Longer than ${max} characters.`);
    return value;
  };
  const date = (column: string, notAfterToday: boolean): string | undefined => {
    const value = cells[column];
    if (!value) return undefined;
    const iso = isoDateOf(value);
    if (!iso) return void problem(column, 'not_a_date', `"${value}" is not a date (write 2012-03-31 or 31/03/2012).`);
    if (notAfterToday && iso > today) return void problem(column, 'future_date', 'This date is in the future.');
    return iso;
  };

  const givenName = text('given_name', 100);
  const familyName = text('family_name', 100);
  if (givenName) record.givenName = givenName;
  else if (!cells.given_name) problem('given_name', 'missing', 'The first name is missing.');
  if (familyName) record.familyName = familyName;
  else if (!cells.family_name) problem('family_name', 'missing', 'The last name is missing.');
  const preferredName = text('preferred_name', 100);
  if (preferredName) record.preferredName = preferredName;
  const dateOfBirth = date('date_of_birth', true);
  if (dateOfBirth) record.dateOfBirth = dateOfBirth;
  else if (!cells.date_of_birth) problem('date_of_birth', 'missing', 'The date of birth is missing.');

  const localId = text('local_id', 100);
  if (localId) record.localId = localId;
  const nhsNumber = cells.nhs_number;
  if (nhsNumber) {
    if (isValidNhsNumber(nhsNumber)) record.nhsNumber = nhsNumber.replaceAll(' ', '');
    else problem('nhs_number', 'invalid_nhs_number', `"${nhsNumber}" is not a valid NHS number.`);
  }
  const upn = cells.upn;
  if (upn) {
    if (isValidUpn(upn)) record.upn = upn.toUpperCase();
    else problem('upn', 'invalid_upn', `"${upn}" is not a valid UPN.`);
  }
  if (!localId && !nhsNumber && !upn)
    problem(
      columns.local_id ? 'local_id' : columns.nhs_number ? 'nhs_number' : 'upn',
      'no_identifier',
      'The row needs a local id, NHS number or UPN, so that a second import finds the same person.',
    );

  const issued = date('ehc_plan_issued_on', true);
  const events: ImportEvent[] = [];
  if (issued) {
    record.ehcPlanIssuedOn = issued;
    record.hasEhcPlan = true;
    events.push({ type: 'education.ehc_plan_issued', date: issued, column: header('ehc_plan_issued_on') });
  }
  const lastReview = date('last_review', true);
  if (lastReview)
    events.push({ type: 'education.annual_review_held', date: lastReview, column: header('last_review') });

  const senType = cells.sen_type?.toUpperCase();
  if (senType) {
    if (!SEN_TYPES.has(senType))
      problem('sen_type', 'invalid_sen_type', `"${cells.sen_type}" is not an SEN2 type of need.`);
    else if (LEARNING_DISABILITY_NEEDS.has(senType)) record.learningDisability = true;
  }
  const offset = cells.year_group_offset;
  if (offset) {
    if (/^[+-]?[0-3]$/.test(offset)) record.yearGroupOffset = Number(offset);
    else
      problem('year_group_offset', 'not_a_number', 'Write a whole number from -3 to 3 (years out of their age group).');
  }
  for (const [column, flag] of FLAG_OF_COLUMN) {
    const value = cells[column]?.toLowerCase();
    if (!value) continue;
    if (YES.has(value)) record[flag] = true;
    else if (NO.has(value)) record[flag] = false;
    else problem(column, 'not_yes_no', `Write yes or no (not "${cells[column]}").`);
  }
  const email = cells.named_worker_email;
  return {
    line,
    record,
    events,
    namedWorkerEmail: email ? email.toLowerCase() : undefined,
    problems,
  };
}

/** An ISO date from `2012-03-31` or the British `31/03/2012` (also with dashes or dots), if it is a real date. */
export function isoDateOf(value: string): string | undefined {
  const british = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const iso = british
    ? `${british[3]}-${british[2]?.padStart(2, '0')}-${british[1]?.padStart(2, '0')}`
    : value.slice(0, 10);
  // An SEN2 export may carry a time after the date (2019-09-01T00:00:00).
  if (!british && value.length > 10 && !/^\d{4}-\d{2}-\d{2}[T ]/.test(value)) return undefined;
  return ZIsoDate.safeParse(iso).success ? iso : undefined;
}

/** The same NHS number, UPN or local id on two rows of one file: both would be one person, so the later rows are refused. */
function markRepeatedIdentifiers(rows: ImportRow[], columns: Record<string, string>): void {
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    for (const [field, column] of [
      ['nhsNumber', 'nhs_number'],
      ['upn', 'upn'],
      ['localId', 'local_id'],
    ] as const) {
      const value = row.record[field];
      if (!value) continue;
      const key = `${field}:${value}`;
      const first = firstLine.get(key);
      if (first === undefined) firstLine.set(key, row.line);
      else
        row.problems.push({
          column: columns[column] ?? column,
          code: 'repeated_in_file',
          message: `The same as on line ${first}: one person per row.`,
        });
    }
  }
}

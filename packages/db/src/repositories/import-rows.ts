import type { ProfileFlag } from '@pathways/engine';

/** The rows of a young people import, as the file gives them and as they turn out. */

/** What a row of an import file says about a young person: only the fields with a value in the file. */
export type ImportRecord = {
  localId?: string;
  nhsNumber?: string;
  upn?: string;
  givenName?: string;
  familyName?: string;
  preferredName?: string;
  dateOfBirth?: string;
  ehcPlanIssuedOn?: string;
  yearGroupOffset?: number;
} & Partial<Record<ProfileFlag, boolean>>;

/** A past event a row brings with it (the plan issued, the last review), and the column it came from. */
export type ImportEvent = {
  type: 'education.ehc_plan_issued' | 'education.annual_review_held';
  date: string;
  column: string;
};

/** What is wrong with one row, by the column (as the file names it), with a code an interface can translate. */
export type RowProblem = { column: string; code: string; message: string };

export type ImportRow = {
  /** The line of the file the row ends on (the header is line 1). */
  line: number;
  record: ImportRecord;
  events: ImportEvent[];
  namedWorkerEmail?: string;
  /** Problems found reading the row; a row with any is not imported. */
  problems: RowProblem[];
};

/** What became (or would become) of one row. */
export type RowOutcome = {
  line: number;
  outcome: 'created' | 'updated' | 'unchanged' | 'failed';
  youngPersonId?: string;
  name?: string;
  /** For an update: the fields that change. */
  fields?: string[];
  /** For an update or creation: the past events added. */
  eventsAdded?: number;
  problems?: RowProblem[];
};

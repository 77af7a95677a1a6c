import type { CaseloadPage } from '../api/queries.ts';

type Item = CaseloadPage['items'][number];
type Person = CaseloadPage['people'][string];
type Milestone = CaseloadPage['milestones'][string];

/** A caseload row with everything the table shows: the milestone, who it is for, what it is and why. */
export type CaseloadRow = Item & Person & Milestone;

/** The API sends who each young person is and what each milestone is once; each row gets them back here. */
export function caseloadRows(page: CaseloadPage): CaseloadRow[] {
  return page.items.map((item) => ({
    ...(page.people[item.youngPersonId] as Person),
    ...(page.milestones[item.milestoneId] as Milestone),
    ...item,
  }));
}

export type SortKey = 'due' | 'name' | 'pathway' | 'status';
export type GroupKey = 'none' | 'person' | 'pathway' | 'agency' | 'status' | 'worker';
export type CaseloadView = {
  search: string;
  pathway: string;
  status: string;
  agency: string;
  worker: string;
  sort: SortKey;
  group: GroupKey;
};

/** Most urgent first when sorting by status. */
const STATUS_ORDER: Record<CaseloadRow['status'], number> = {
  overdue: 0,
  due: 1,
  upcoming: 2,
  not_known: 3,
  missed: 4,
  starts_later: 5,
  in_effect: 6,
  ended: 7,
  done: 8,
  not_applicable: 9,
};

/** One collator for thousands of comparisons (`localeCompare` sets one up on each call). */
const compareText = new Intl.Collator().compare;
/** ISO days sort as plain strings; a row without a date goes last. */
const compareDays = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

const byDue = (a: CaseloadRow, b: CaseloadRow) => compareDays(a.dueDate, b.dueDate) || compareText(a.name, b.name);
const COMPARE: Record<SortKey, (a: CaseloadRow, b: CaseloadRow) => number> = {
  due: byDue,
  name: (a, b) => compareText(a.name, b.name) || byDue(a, b),
  pathway: (a, b) => compareText(a.pathway, b.pathway) || byDue(a, b),
  status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byDue(a, b),
};

/**
 * What each grouping groups by. A person is grouped by their record, never their name: two
 * young people may share one (their group headings tell them apart by date of birth).
 */
const GROUP_OF: Record<Exclude<GroupKey, 'none'>, (row: CaseloadRow) => string> = {
  person: (row) => row.youngPersonId,
  pathway: (row) => row.pathway,
  agency: (row) => row.leadAgency,
  status: (row) => row.status,
  worker: (row) => row.namedWorkerName ?? '',
};

export type ListItem =
  | { kind: 'group'; key: string; label: string; count: number; first: CaseloadRow }
  | { kind: 'row'; key: string; row: CaseloadRow };

/**
 * Filters, sorts and groups the rows of a caseload window into one flat list (group headings
 * followed by their rows) for the virtualised table. Pure, so it is tested without a browser.
 */
export function arrangeCaseload(rows: readonly CaseloadRow[], view: CaseloadView): ListItem[] {
  const search = view.search.trim().toLowerCase();
  const kept = rows.filter(
    (row) =>
      (!search || row.name.toLowerCase().includes(search)) &&
      (!view.pathway || row.pathway === view.pathway) &&
      (!view.status || row.status === view.status) &&
      (!view.agency || row.leadAgency === view.agency) &&
      (!view.worker || (row.namedWorkerId ?? 'none') === view.worker),
  );
  const sorted = [...kept].sort(COMPARE[view.sort]);
  const rowItem = (row: CaseloadRow): ListItem => ({
    kind: 'row',
    key: `${row.youngPersonId}/${row.milestoneId}`,
    row,
  });
  if (view.group === 'none') return sorted.map(rowItem);

  const groupOf = GROUP_OF[view.group];
  const groups = new Map<string, CaseloadRow[]>();
  for (const row of sorted) {
    const key = groupOf(row);
    const members = groups.get(key);
    if (members) members.push(row);
    else groups.set(key, [row]);
  }
  // Groups keep the order of their first (most relevant, by the chosen sort) row.
  return [...groups].flatMap(([key, members]) => [
    {
      kind: 'group' as const,
      key: `group:${key}`,
      label: key,
      count: members.length,
      first: members[0] as CaseloadRow,
    },
    ...members.map(rowItem),
  ]);
}

import { describe, expect, it } from 'vitest';
import { arrangeCaseload, caseloadRows, type CaseloadRow, type CaseloadView } from './caseload-view.ts';

const row = (name: string, milestoneId: string, dueDate: string, extra: Partial<CaseloadRow> = {}): CaseloadRow => ({
  youngPersonId: name,
  name,
  dateOfBirth: '2010-01-01',
  milestoneId,
  pathway: 'education',
  title: milestoneId,
  status: 'due',
  windowStart: null,
  closesOn: null,
  dueDate,
  leadAgency: 'la_send',
  namedWorkerId: 'w1',
  namedWorkerName: 'Sam',
  rule: '',
  source: '',
  ...extra,
});

const ROWS = [
  row('Maya', 'annual_review', '2027-02-01'),
  row('Leo', 'chc_decision', '2027-01-10', {
    pathway: 'health',
    leadAgency: 'icb_continuing_care',
    status: 'overdue',
    namedWorkerId: null,
    namedWorkerName: null,
  }),
  row('Maya', 'transition_assessment', '2027-01-20', { pathway: 'social_care', leadAgency: 'adult_social_care' }),
  row('Ava', 'careers_guidance', '2027-03-01', { pathway: 'employment', status: 'upcoming' }),
];
const VIEW: CaseloadView = { search: '', pathway: '', status: '', agency: '', worker: '', sort: 'due', group: 'none' };
const keys = (view: Partial<CaseloadView>) => arrangeCaseload(ROWS, { ...VIEW, ...view }).map((item) => item.key);

describe('arranging a caseload window', () => {
  it('sorts by due date, name, pathway or urgency', () => {
    expect(keys({})).toEqual([
      'Leo/chc_decision',
      'Maya/transition_assessment',
      'Maya/annual_review',
      'Ava/careers_guidance',
    ]);
    expect(keys({ sort: 'name' })).toEqual([
      'Ava/careers_guidance',
      'Leo/chc_decision',
      'Maya/transition_assessment',
      'Maya/annual_review',
    ]);
    expect(keys({ sort: 'status' })[0]).toBe('Leo/chc_decision');
    expect(keys({ sort: 'status' }).at(-1)).toBe('Ava/careers_guidance');
  });

  it('puts a row without a due date last, and rows due the same day in name order', () => {
    const rows = [
      row('Zoe', 'a', '2027-01-01'),
      row('Ben', 'b', '', { dueDate: null }),
      row('Ada', 'c', '2027-01-01'),
      row('Émile', 'd', '2027-01-01'),
    ];
    expect(arrangeCaseload(rows, VIEW).map((item) => item.key)).toEqual(['Ada/c', 'Émile/d', 'Zoe/a', 'Ben/b']);
  });

  it('filters by name, pathway, status, lead agency and worker (including “no worker”)', () => {
    expect(keys({ search: 'may' })).toEqual(['Maya/transition_assessment', 'Maya/annual_review']);
    expect(keys({ pathway: 'health' })).toEqual(['Leo/chc_decision']);
    expect(keys({ status: 'upcoming' })).toEqual(['Ava/careers_guidance']);
    expect(keys({ agency: 'adult_social_care' })).toEqual(['Maya/transition_assessment']);
    expect(keys({ worker: 'none' })).toEqual(['Leo/chc_decision']);
  });

  it('groups rows under a heading with their count, groups in the order of their first row', () => {
    const items = arrangeCaseload(ROWS, { ...VIEW, group: 'person' });
    expect(items.map((item) => (item.kind === 'group' ? `# ${item.label} (${item.count})` : item.key))).toEqual([
      '# Leo (1)',
      'Leo/chc_decision',
      '# Maya (2)',
      'Maya/transition_assessment',
      'Maya/annual_review',
      '# Ava (1)',
      'Ava/careers_guidance',
    ]);
  });

  it('never groups two young people of the same name together: a group is one record', () => {
    const twins = [
      row('Sam Lee', 'a', '2027-01-01', { youngPersonId: 'sam-2010', dateOfBirth: '2010-01-01' }),
      row('Sam Lee', 'b', '2027-02-01', { youngPersonId: 'sam-2012', dateOfBirth: '2012-05-05' }),
      row('Sam Lee', 'c', '2027-03-01', { youngPersonId: 'sam-2010', dateOfBirth: '2010-01-01' }),
    ];
    const groups = arrangeCaseload(twins, { ...VIEW, group: 'person' }).flatMap((item) =>
      item.kind === 'group' ? [[item.first.dateOfBirth, item.count]] : [],
    );
    expect(groups).toEqual([
      ['2010-01-01', 2],
      ['2012-05-05', 1],
    ]);
  });

  it('gives each row back who it is for and what the milestone is', () => {
    const page = {
      items: [
        {
          youngPersonId: 'p1',
          milestoneId: 'annual_review',
          status: 'due' as const,
          windowStart: null,
          dueDate: '2027-02-01',
          closesOn: null,
          leadAgency: 'la_send',
        },
        {
          youngPersonId: 'p1',
          milestoneId: 'chc_decision',
          status: 'overdue' as const,
          windowStart: '2026-01-01',
          dueDate: '2026-06-01',
          closesOn: null,
          leadAgency: 'icb_continuing_care',
        },
      ],
      people: { p1: { name: 'Maya Hill', dateOfBirth: '2009-06-01', namedWorkerId: 'w1', namedWorkerName: 'Sam' } },
      milestones: {
        annual_review: {
          pathway: 'education',
          title: 'Yearly review',
          rule: 'Every 12 months',
          source: 'Children and Families Act 2014, s.44',
        },
        chc_decision: {
          pathway: 'health',
          title: 'Continuing care decision',
          rule: 'Before 18',
          source: 'National Framework',
        },
      },
      total: 2,
      page: 1,
      pageSize: 5000,
    };
    const rows = caseloadRows(page);
    expect(rows[1]).toEqual({
      youngPersonId: 'p1',
      milestoneId: 'chc_decision',
      status: 'overdue',
      windowStart: '2026-01-01',
      dueDate: '2026-06-01',
      closesOn: null,
      leadAgency: 'icb_continuing_care',
      name: 'Maya Hill',
      dateOfBirth: '2009-06-01',
      namedWorkerId: 'w1',
      namedWorkerName: 'Sam',
      pathway: 'health',
      title: 'Continuing care decision',
      rule: 'Before 18',
      source: 'National Framework',
    });
    expect(arrangeCaseload(rows, VIEW).map((item) => item.key)).toEqual(['p1/chc_decision', 'p1/annual_review']);
  });
});

import { describe, expect, it } from 'vitest';
import type { CaseloadRow } from '../api/queries.ts';
import { arrangeCaseload, type CaseloadView } from './caseload-view.ts';

const row = (name: string, milestoneId: string, dueDate: string, extra: Partial<CaseloadRow> = {}): CaseloadRow => ({
  youngPersonId: name,
  name,
  dateOfBirth: '2010-01-01',
  milestoneId,
  pathway: 'education',
  title: milestoneId,
  status: 'due',
  windowStart: null,
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
  row('Leo', 'chc_decision', '2027-01-10', { pathway: 'health', leadAgency: 'icb_continuing_care', status: 'overdue', namedWorkerId: null, namedWorkerName: null }),
  row('Maya', 'transition_assessment', '2027-01-20', { pathway: 'social_care', leadAgency: 'adult_social_care' }),
  row('Ava', 'careers_guidance', '2027-03-01', { pathway: 'employment', status: 'upcoming' }),
];
const VIEW: CaseloadView = { search: '', pathway: '', status: '', agency: '', worker: '', sort: 'due', group: 'none' };
const keys = (view: Partial<CaseloadView>) => arrangeCaseload(ROWS, { ...VIEW, ...view }).map((item) => item.key);

describe('arranging a caseload window', () => {
  it('sorts by due date, name, pathway or urgency', () => {
    expect(keys({})).toEqual(['Leo/chc_decision', 'Maya/transition_assessment', 'Maya/annual_review', 'Ava/careers_guidance']);
    expect(keys({ sort: 'name' })).toEqual(['Ava/careers_guidance', 'Leo/chc_decision', 'Maya/transition_assessment', 'Maya/annual_review']);
    expect(keys({ sort: 'status' })[0]).toBe('Leo/chc_decision');
    expect(keys({ sort: 'status' }).at(-1)).toBe('Ava/careers_guidance');
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
});

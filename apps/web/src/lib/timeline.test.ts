import { describe, expect, it } from 'vitest';
import type { PlannedMilestone } from '../api/queries.ts';
import { birthdayAt, lanesOf, minimumGap, positionOf, stackRows } from './timeline.ts';

const milestone = (
  id: string,
  pathway: string,
  dueDate: string | null,
  status: PlannedMilestone['status'] = 'due',
  completedOn: string | null = null,
) => ({ id, pathway, dueDate, status, completedOn }) as PlannedMilestone;

describe('the 14–25 timeline', () => {
  it('places the 14th birthday at 0%, the 25th at 100%, and clamps dates outside', () => {
    expect(positionOf('2024-06-01', '2010-06-01')).toBe(0);
    expect(positionOf('2035-06-01', '2010-06-01')).toBe(100);
    expect(positionOf('2030-06-01', '2010-06-01')).toBeCloseTo((6 / 11) * 100, 1);
    expect(positionOf('2019-01-01', '2010-06-01')).toBe(0);
    expect(positionOf('2040-01-01', '2010-06-01')).toBe(100);
  });

  it('moves a 29 February birthday to 1 March in other years', () => {
    expect(birthdayAt('2012-02-29', 14)).toBe('2026-03-01');
    expect(birthdayAt('2012-02-29', 16)).toBe('2028-02-29');
  });

  it('makes one lane per pathway in pathway order, without milestones that do not apply or have no date', () => {
    const lanes = lanesOf(
      [
        milestone('b', 'health', '2027-01-01'),
        milestone('a', 'education', '2028-01-01'),
        milestone('c', 'education', '2026-01-01', 'done', '2025-12-01'),
        milestone('d', 'health', null),
        milestone('e', 'palliative', '2027-01-01', 'not_applicable'),
      ],
      ['education', 'employment', 'health', 'palliative'],
    );
    expect(lanes.map((lane) => [lane.pathway, lane.milestones.map((m) => m.id)])).toEqual([
      ['education', ['c', 'a']],
      ['health', ['b']],
    ]);
  });

  it('puts markers that would overlap on further rows, reusing a row once there is room', () => {
    expect(stackRows([0, 1, 2, 10, 11, 20])).toEqual([0, 1, 2, 0, 1, 0]);
    expect(stackRows([])).toEqual([]);
    // On a 300 px track (a phone) markers need 34 px, over 11% of it: 0, 10 and 20 % stack.
    expect(minimumGap(300)).toBeCloseTo(11.33, 1);
    expect(stackRows([0, 10, 20], minimumGap(300))).toEqual([0, 1, 0]);
    expect(minimumGap(null)).toBe(2.6);
  });
});

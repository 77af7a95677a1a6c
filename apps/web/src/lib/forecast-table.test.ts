import { describe, expect, it } from 'vitest';
import type { ForecastRow } from '../api/queries.ts';
import { summarise } from './forecast-table.ts';

const row = (month: string, pathway: string, count: number | null): ForecastRow => ({
  month,
  pathway,
  count,
  isSuppressed: count === null,
  areaCode: 'NS',
  areaName: 'Northshire',
  leadAgency: 'la_send',
  milestoneId: 'm',
  milestoneTitle: 'M',
});

describe('summarising the forecast', () => {
  it('sums published counts by row and column, late first, and marks totals that left suppressed counts out', () => {
    const summary = summarise(
      [
        row('2027-02', 'health', 7),
        row('late', 'health', 5),
        row('2027-01', 'health', null),
        row('2027-01', 'education', 9),
        row('2027-01', 'education', 6),
      ],
      (r) => r.month,
      (r) => r.pathway,
    );
    expect(summary.rows).toEqual(['late', '2027-01', '2027-02']);
    expect(summary.columns).toEqual(['education', 'health']);
    expect(summary.cells.get('2027-01|education')).toEqual({ count: 15, hasSuppressed: false });
    expect(summary.cells.get('2027-01|health')).toEqual({ count: 0, hasSuppressed: true });
    expect(summary.rowTotals.get('2027-01')).toEqual({ count: 15, hasSuppressed: true });
    expect(summary.columnTotals.get('health')).toEqual({ count: 12, hasSuppressed: true });
    expect(
      summarise(
        [row('late', 'health', 5), row('late', 'education', 9)],
        (r) => r.month,
        (r) => r.pathway,
        ['health', 'education'],
      ).columns,
    ).toEqual(['health', 'education']);
  });
});

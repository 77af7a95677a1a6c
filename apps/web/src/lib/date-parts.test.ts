import { describe, expect, it } from 'vitest';
import { isoOfParts, partsOfIso } from './date-parts.ts';

describe('a date typed as day, month and year', () => {
  it('gives the ISO day, with or without leading zeros', () => {
    expect(isoOfParts({ day: '3', month: '3', year: '2012' })).toEqual({ iso: '2012-03-03' });
    expect(isoOfParts({ day: ' 29 ', month: '02', year: '2024' })).toEqual({ iso: '2024-02-29' });
  });

  it('says what is wrong, in the order GOV.UK asks: nothing, a part missing, not a real day', () => {
    expect(isoOfParts({ day: '', month: '', year: '' })).toEqual({ problem: 'missing' });
    expect(isoOfParts({ day: '3', month: '', year: '2012' })).toEqual({ problem: 'incomplete' });
    for (const parts of [
      { day: '31', month: '2', year: '2012' },
      { day: '29', month: '2', year: '2023' },
      { day: '1', month: '13', year: '2012' },
      { day: '1', month: '1', year: '12' },
      { day: 'x', month: '1', year: '2012' },
      { day: '1', month: '1', year: '1812' },
    ])
      expect(isoOfParts(parts), JSON.stringify(parts)).toEqual({ problem: 'not_real' });
  });

  it('splits a recorded day back into its parts', () => {
    expect(partsOfIso('2012-03-03')).toEqual({ day: '3', month: '3', year: '2012' });
    expect(partsOfIso(null)).toEqual({ day: '', month: '', year: '' });
  });
});

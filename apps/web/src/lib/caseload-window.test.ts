import { describe, expect, it } from 'vitest';
import { caseloadWindow } from './caseload-window.ts';

const TODAY = '2026-11-26';
const windowOf = (search: string, role: string) => caseloadWindow(new URLSearchParams(search), role, TODAY);

describe('the caseload a page address asks for', () => {
  it('defaults to a year back and 90 days ahead, a worker’s own young people', () => {
    expect(windowOf('', 'transition_worker')).toEqual({
      from: '2025-11-26',
      to: '2027-02-24',
      scope: 'mine',
      filter: { from: '2025-11-26', to: '2027-02-24', worker: 'me' },
    });
  });

  it('takes the window and scope from the address; a team manager always sees the whole area', () => {
    expect(windowOf('from=2027-01-01&to=2027-03-31&scope=area', 'transition_worker').filter).toEqual({
      from: '2027-01-01',
      to: '2027-03-31',
      worker: undefined,
    });
    expect(windowOf('scope=mine', 'team_manager').filter.worker).toBeUndefined();
    expect(windowOf('scope=nonsense', 'transition_worker').scope).toBe('mine');
  });
});

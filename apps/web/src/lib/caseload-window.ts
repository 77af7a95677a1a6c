import type { CaseloadFilter } from '../api/query-options.ts';
import { addDaysIso } from './calendar-days.ts';

export type CaseloadScope = 'mine' | 'area';

/**
 * The caseload a page address asks for. By default: everything already late (up to a year
 * back) and the next 90 days; a transition worker's own young people unless they chose the
 * whole area; a team manager always sees the whole area. Live work only, unless missed
 * milestones are asked for.
 */
export function caseloadWindow(
  params: URLSearchParams,
  role: string | undefined,
  today: string,
): { from: string; to: string; scope: CaseloadScope; filter: CaseloadFilter } {
  const from = params.get('from') ?? addDaysIso(today, -365);
  const to = params.get('to') ?? addDaysIso(today, 90);
  const scope: CaseloadScope = params.get('scope') === 'area' ? 'area' : 'mine';
  return {
    from,
    to,
    scope,
    filter: {
      from,
      to,
      worker: scope === 'mine' && role !== 'team_manager' ? 'me' : undefined,
      status: params.get('status') === 'missed' ? 'missed' : undefined,
    },
  };
}

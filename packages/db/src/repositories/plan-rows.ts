import { createHash } from 'node:crypto';
import type { buildScheduleWithState } from '@pathways/engine';
import type { YoungPerson } from '../generated/prisma/client.ts';

/** What a stored plan is made from: a plan's schedule (a full plan will do) and every pathway's snapshot. */
export type StoredPlanSource = ReturnType<typeof buildScheduleWithState>;

/** One Milestone row as stored (dates as ISO days), for caseload and forecast queries. */
export type MilestoneRow = {
  youngPersonId: string;
  milestoneId: string;
  pathway: string;
  status: string;
  windowStart: string | null;
  dueDate: string | null;
  closesOn: string | null;
  completedOn: string | null;
  leadAgency: string;
  areaId: string;
  namedWorkerId: string | null;
};

/** One PathwayState row: a pathway's persisted machine snapshot, its state in words, and a digest. */
export type PathwayStateRow = {
  youngPersonId: string;
  pathway: string;
  state: string;
  isEnded: boolean;
  snapshot: string;
  digest: string;
};

/**
 * Everything stored about one young person's plan: its rows, each row's fingerprint (the
 * text `plan-store` compares with the stored row's), by milestone id or pathway, and a digest
 * of all of it.
 */
export type StoredPlan = {
  youngPersonId: string;
  milestones: MilestoneRow[];
  states: PathwayStateRow[];
  fingerprints: { milestones: Map<string, string>; states: Map<string, string> };
  digest: string;
};

const sha1 = (text: string) => createHash('sha1').update(text).digest('base64url');

/** The rows that store a plan for a young person (in their area, with their named worker). */
export function storedPlanOf(
  person: Pick<YoungPerson, 'id' | 'areaId' | 'namedWorkerId'>,
  planned: StoredPlanSource,
): StoredPlan {
  const milestones = planned.plan.milestones.map((milestone) => ({
    youngPersonId: person.id,
    milestoneId: milestone.id,
    pathway: milestone.pathway,
    status: milestone.status,
    windowStart: milestone.windowStart,
    dueDate: milestone.dueDate,
    closesOn: milestone.closesOn,
    completedOn: milestone.completedOn,
    leadAgency: milestone.leadAgency,
    areaId: person.areaId,
    namedWorkerId: person.namedWorkerId,
  }));
  const status = new Map(planned.plan.pathways.map((pathway) => [pathway.pathway, pathway]));
  const states = planned.pathwayStates.map((state) => {
    const snapshot = JSON.stringify(state);
    return {
      youngPersonId: person.id,
      pathway: state.pathway,
      state: status.get(state.pathway)?.state ?? '',
      isEnded: status.get(state.pathway)?.isEnded ?? false,
      snapshot,
      digest: sha1(snapshot),
    };
  });
  const fingerprints = {
    milestones: new Map(milestones.map((row) => [row.milestoneId, milestoneFingerprint(row)])),
    states: new Map(states.map((row) => [row.pathway, stateFingerprint(row)])),
  };
  const digest = sha1([...fingerprints.milestones, ...fingerprints.states].join('\n'));
  return { youngPersonId: person.id, milestones, states, fingerprints, digest };
}

/** A milestone row as text, the same text `writeStoredPlans` has PostgreSQL make of a stored one. */
function milestoneFingerprint(row: MilestoneRow): string {
  return [
    row.pathway,
    row.status,
    row.windowStart ?? '-',
    row.dueDate ?? '-',
    row.closesOn ?? '-',
    row.completedOn ?? '-',
    row.leadAgency,
    row.areaId,
    row.namedWorkerId ?? '-',
  ].join('|');
}

/** A pathway-state row as text, the same text `writeStoredPlans` has PostgreSQL make of a stored one. */
function stateFingerprint(row: PathwayStateRow): string {
  return [row.state, row.isEnded ? 'ended' : 'open', row.digest].join('|');
}

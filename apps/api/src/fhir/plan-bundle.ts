import { createHash } from 'node:crypto';
import type { Agency, Goal, GoalProgressNote, Handover, YoungPerson } from '@pathways/db';
import { isoDay } from '@pathways/db';
import { englandRulePack, type Plan, type PlannedMilestone } from '@pathways/engine';
import type { Bundle, BundleEntry, CarePlan, CarePlanActivity, CareTeam, Composition, FhirResource, Goal as FhirGoal, Organization, Patient, Practitioner, Reference } from 'fhir/r4';

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

export type PlanBundleInput = {
  person: YoungPerson;
  plan: Plan;
  goals: (Goal & { notes: GoalProgressNote[] })[];
  namedWorker: { id: string; name: string; email: string } | null;
  /** Agencies of the young person's area (lead and contributing agencies are matched by type). */
  agencies: Agency[];
  /** Present for a handover: the bundle becomes a document led by a Composition. */
  handover?: Handover & { toAgency: Agency };
  generatedAt: Date;
};

/** A stable UUID (name-based, SHA-1, as UUID v5) so the same plan exports the same references. */
function uuidFor(name: string): string {
  const hex = createHash('sha1').update(`pathways:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

const ACTIVITY_STATUS: Record<Exclude<PlannedMilestone['status'], 'not_applicable'>, NonNullable<CarePlanActivity['detail']>['status']> = {
  done: 'completed',
  due: 'in-progress',
  overdue: 'in-progress',
  upcoming: 'scheduled',
};

const GOAL_STATUS: Record<string, FhirGoal['lifecycleStatus']> = { active: 'active', achieved: 'completed', paused: 'on-hold', dropped: 'cancelled' };

/**
 * A young person's plan as an HL7 FHIR R4 Bundle: Patient (NHS number as the NHS identifier
 * when known), one CarePlan per pathway with an activity per applicable milestone (status,
 * window, explanation, lead agency), their Goals in their own words, and a CareTeam of the
 * named worker and the lead and contributing agencies. With a handover it is a `document`
 * Bundle led by a Composition holding the handover pack.
 */
export function planBundle(input: PlanBundleInput): Bundle {
  const { person, plan } = input;
  const entries: BundleEntry[] = [];
  const add = <T extends FhirResource>(key: string, resource: T): Reference => {
    const id = uuidFor(key);
    entries.push({ fullUrl: `urn:uuid:${id}`, resource: { ...resource, id } });
    return { reference: `urn:uuid:${id}` };
  };

  const patientRef = add(`patient:${person.id}`, {
    resourceType: 'Patient',
    identifier: person.nhsNumber ? [{ system: NHS_NUMBER_SYSTEM, value: person.nhsNumber }] : undefined,
    name: [{ use: 'official', given: [person.givenName], family: person.familyName }, ...(person.preferredName ? [{ use: 'usual' as const, given: [person.preferredName], family: person.familyName }] : [])],
    birthDate: isoDay(person.dateOfBirth),
  } satisfies Patient);

  const agencyRefs = new Map<string, Reference>();
  const agencyRef = (type: string): Reference => {
    const known = agencyRefs.get(type);
    if (known) return known;
    const agency = input.agencies.find((candidate) => candidate.type === type);
    const display = agency?.name ?? englandRulePack.agencyNames[type as keyof typeof englandRulePack.agencyNames] ?? type;
    const ref = {
      ...add(`organization:${person.areaId}:${type}`, {
        resourceType: 'Organization',
        name: display,
        type: [{ text: type }],
        telecom: [...(agency?.email ? [{ system: 'email' as const, value: agency.email }] : []), ...(agency?.phone ? [{ system: 'phone' as const, value: agency.phone }] : [])],
      } satisfies Organization),
      display,
    };
    agencyRefs.set(type, ref);
    return ref;
  };

  const workerRef = input.namedWorker
    ? { ...add(`practitioner:${input.namedWorker.id}`, { resourceType: 'Practitioner', name: [{ text: input.namedWorker.name }], telecom: [{ system: 'email', value: input.namedWorker.email }] } satisfies Practitioner), display: input.namedWorker.name }
    : undefined;

  const careTeamParticipants: NonNullable<CareTeam['participant']> = workerRef ? [{ role: [{ text: 'named worker' }], member: workerRef }] : [];
  const leads = new Set<string>();
  const contributors = new Set<string>();

  for (const pathway of plan.pathways) {
    const milestones = plan.milestones.filter((m) => m.pathway === pathway.pathway && m.status !== 'not_applicable');
    if (milestones.length === 0) continue;
    const activities: CarePlanActivity[] = milestones.map((milestone) => {
      leads.add(milestone.leadAgency);
      milestone.contributingAgencies.forEach((type) => contributors.add(type));
      return {
        detail: {
          kind: 'Task',
          code: { coding: [{ system: 'https://pathways.example/milestone', code: milestone.id }], text: milestone.title },
          status: ACTIVITY_STATUS[milestone.status as keyof typeof ACTIVITY_STATUS],
          statusReason: milestone.status === 'overdue' ? { text: 'overdue' } : undefined,
          scheduledPeriod: { start: milestone.windowStart ?? undefined, end: milestone.dueDate ?? undefined },
          performer: [agencyRef(milestone.leadAgency)],
          description: milestone.explanation,
        },
      };
    });
    add(`careplan:${person.id}:${pathway.pathway}`, {
      resourceType: 'CarePlan',
      status: pathway.isEnded ? 'completed' : 'active',
      intent: 'plan',
      title: `${pathway.pathway.replaceAll('_', ' ')} pathway`,
      description: pathway.description,
      subject: patientRef,
      activity: activities,
    } satisfies CarePlan);
  }

  for (const goal of input.goals) {
    add(`goal:${goal.id}`, {
      resourceType: 'Goal',
      lifecycleStatus: GOAL_STATUS[goal.status] ?? 'active',
      category: [{ text: goal.outcomeArea.replaceAll('_', ' ') }],
      description: { text: goal.text },
      subject: patientRef,
      startDate: isoDay(goal.createdAt),
      note: goal.notes.map((note) => ({ text: note.note, time: note.createdAt.toISOString() })),
    } satisfies FhirGoal);
  }

  for (const type of leads) careTeamParticipants.push({ role: [{ text: 'lead agency' }], member: agencyRef(type) });
  for (const type of contributors) if (!leads.has(type) && type !== 'young_person' && type !== 'family') careTeamParticipants.push({ role: [{ text: 'contributing agency' }], member: agencyRef(type) });
  const careTeamRef = add(`careteam:${person.id}`, { resourceType: 'CareTeam', status: 'active', name: 'Transition team', subject: patientRef, participant: careTeamParticipants } satisfies CareTeam);

  const timestamp = input.generatedAt.toISOString();
  if (!input.handover) return { resourceType: 'Bundle', type: 'collection', timestamp, entry: entries };

  const handover = input.handover;
  const section = (title: string, text: string | null) => (text ? [{ title, text: { status: 'generated' as const, div: `<div xmlns="http://www.w3.org/1999/xhtml">${escapeHtml(text)}</div>` } }] : []);
  const composition: Composition = {
    resourceType: 'Composition',
    id: uuidFor(`composition:${handover.id}`),
    status: 'final',
    type: { text: 'Transition handover to adult services' },
    subject: patientRef,
    date: timestamp,
    author: workerRef ? [workerRef] : [{ display: 'Pathways' }],
    title: `Handover to ${handover.toAgency.name}`,
    section: [
      ...section('Summary', handover.summary),
      ...section('What matters to me', handover.whatMatters),
      ...section('Needs', handover.needs),
      ...section('Current support', handover.currentSupport),
      ...section('Contacts', handover.contacts),
      ...section('Decisions still to make', handover.pendingDecisions),
      { title: 'Care team', entry: [careTeamRef] },
    ],
  };
  return {
    resourceType: 'Bundle',
    type: 'document',
    identifier: { system: 'https://pathways.example/handover', value: handover.id },
    timestamp,
    entry: [{ fullUrl: `urn:uuid:${composition.id}`, resource: composition }, ...entries],
  };
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

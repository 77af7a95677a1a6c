import { createHash } from 'node:crypto';
import type { Agency, Document, Goal, GoalProgressNote, Handover, YoungPerson } from '@pathways/db';
import { isoDay } from '@pathways/db';
import { englandRulePack, type Plan, type PlannedMilestone } from '@pathways/engine';
import { escapeHtml } from '../html-escape.ts';
import type {
  Bundle,
  BundleEntry,
  CarePlan,
  CarePlanActivity,
  CareTeam,
  Composition,
  CompositionSection,
  FhirResource,
  Goal as FhirGoal,
  Organization,
  Patient,
  Practitioner,
  Reference,
  RelatedPerson,
  DocumentReference,
} from 'fhir/r4';

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
/** NHS Organisation Data Service codes (a trust, an ICB, a GP practice). */
export const ODS_CODE_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
/** Where Pathways' own code systems live unless FHIR_CODE_SYSTEM_BASE (or PUBLIC_URL) says otherwise. */
export const DEFAULT_CODE_SYSTEM_BASE = 'https://pathways.invalid/fhir';

export type PlanBundleInput = {
  person: YoungPerson;
  plan: Plan;
  goals: (Goal & { notes: GoalProgressNote[] })[];
  namedWorker: { id: string; name: string; email: string } | null;
  /** Agencies of the young person's area (lead and contributing agencies are matched by type). */
  agencies: Agency[];
  /** Present for a handover: the bundle becomes a document led by a Composition. */
  handover?: Handover & { toAgency: Agency };
  /** Documents the reader may see (for a handover: those shared with the agency), each a DocumentReference. */
  documents?: { document: Document; url: string }[];
  generatedAt: Date;
  /** The base of our code-system URLs (milestones, agency types): the deployment's own address. */
  codeSystemBase?: string;
};

/** What each kind of document is, as a reader of the export sees it. */
const DOCUMENT_TYPE_NAMES: Record<string, string> = {
  ehc_plan: 'Education, health and care plan',
  advice_report: 'Advice report',
  advance_care_plan: 'Advance care plan',
  hospital_passport: 'Hospital passport',
  letter: 'Letter',
  other: 'Document',
};

/** A stable UUID (name-based, SHA-1, as UUID v5) so the same plan exports the same references. */
function uuidFor(name: string): string {
  const hex = createHash('sha1').update(`pathways:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Nothing records that work on a due or late milestone has begun: it is `not-started` until
 * done. A missed task was `stopped` before it was done; a legal fact or duty is `scheduled`,
 * `in-progress` while it runs and `completed` once it has ended.
 */
const ACTIVITY_STATUS: Record<
  Exclude<PlannedMilestone['status'], 'not_applicable'>,
  NonNullable<CarePlanActivity['detail']>['status']
> = {
  done: 'completed',
  due: 'not-started',
  overdue: 'not-started',
  upcoming: 'scheduled',
  missed: 'stopped',
  not_known: 'unknown',
  starts_later: 'scheduled',
  in_effect: 'in-progress',
  ended: 'completed',
};

/** Why an activity has its status, where the code alone does not say. */
function statusReason(milestone: PlannedMilestone): { text: string } | undefined {
  switch (milestone.status) {
    case 'overdue':
      return { text: 'late: its due date has passed' };
    case 'missed':
      return { text: `missed: it can no longer be done as such.${milestone.ifMissed ? ` ${milestone.ifMissed}` : ''}` };
    case 'not_known':
      return { text: `date not known${milestone.dateNeeds ? `: record ${milestone.dateNeeds}` : ''}` };
    default:
      return undefined;
  }
}

/** FHIR forbids empty arrays: an element with nothing in it is left out. */
const nonEmpty = <T>(items: T[]): T[] | undefined => (items.length > 0 ? items : undefined);

/** A period whose start is never after its end (invariant per-1): a start later than the end is left out. */
function period(
  start: string | null | undefined,
  end: string | null | undefined,
): { start?: string; end?: string } | undefined {
  if (!start && !end) return undefined;
  if (start && end && start > end) return { end };
  return { start: start ?? undefined, end: end ?? undefined };
}

/** XHTML narrative for a resource or section (FHIR's `text`). */
const narrative = (text: string) => ({
  status: 'generated' as const,
  div: `<div xmlns="http://www.w3.org/1999/xhtml">${escapeHtml(text)}</div>`,
});

const GOAL_STATUS: Record<string, FhirGoal['lifecycleStatus']> = {
  active: 'active',
  achieved: 'completed',
  paused: 'on-hold',
  dropped: 'cancelled',
};

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
    name: [
      { use: 'official', given: [person.givenName], family: person.familyName },
      ...(person.preferredName
        ? [{ use: 'usual' as const, given: [person.preferredName], family: person.familyName }]
        : []),
    ],
    birthDate: isoDay(person.dateOfBirth),
  } satisfies Patient);

  const codeSystemBase = (input.codeSystemBase ?? DEFAULT_CODE_SYSTEM_BASE).replace(/\/$/, '');
  const agencyRefs = new Map<string, Reference>();
  /** An agency by type, as an Organization; the young person is the Patient and their family a RelatedPerson, never an Organization. */
  const agencyRef = (type: string): Reference => {
    const known = agencyRefs.get(type);
    if (known) return known;
    if (type === 'young_person') return patientRef;
    if (type === 'family') {
      const family = {
        ...add(`related-person:${person.id}:family`, {
          resourceType: 'RelatedPerson',
          patient: patientRef,
          relationship: [{ text: 'family' }],
          text: narrative('The young person’s family'),
        } satisfies RelatedPerson),
        display: 'Family',
      };
      agencyRefs.set(type, family);
      return family;
    }
    const agency = input.agencies.find((candidate) => candidate.type === type);
    const display =
      agency?.name ?? englandRulePack.agencyNames[type as keyof typeof englandRulePack.agencyNames] ?? type;
    const ref = {
      ...add(`organization:${person.areaId}:${type}`, {
        resourceType: 'Organization',
        identifier: agency?.odsCode ? [{ system: ODS_CODE_SYSTEM, value: agency.odsCode }] : undefined,
        name: display,
        type: [
          {
            coding: [{ system: `${codeSystemBase}/CodeSystem/agency-type`, code: type }],
            text: englandRulePack.agencyNames[type as keyof typeof englandRulePack.agencyNames] ?? type,
          },
        ],
        telecom: nonEmpty([
          ...(agency?.email ? [{ system: 'email' as const, value: agency.email }] : []),
          ...(agency?.phone ? [{ system: 'phone' as const, value: agency.phone }] : []),
        ]),
      } satisfies Organization),
      display,
    };
    agencyRefs.set(type, ref);
    return ref;
  };

  const workerRef = input.namedWorker
    ? {
        ...add(`practitioner:${input.namedWorker.id}`, {
          resourceType: 'Practitioner',
          name: [{ text: input.namedWorker.name }],
          telecom: [{ system: 'email', value: input.namedWorker.email }],
        } satisfies Practitioner),
        display: input.namedWorker.name,
      }
    : undefined;

  const careTeamParticipants: NonNullable<CareTeam['participant']> = workerRef
    ? [{ role: [{ text: 'named worker' }], member: workerRef }]
    : [];
  const leads = new Set<string>();
  const contributors = new Set<string>();

  const carePlanRefs: Reference[] = [];
  for (const pathway of plan.pathways) {
    const milestones = plan.milestones.filter((m) => m.pathway === pathway.pathway && m.status !== 'not_applicable');
    if (milestones.length === 0) continue;
    const activities: CarePlanActivity[] = milestones.map((milestone) => {
      leads.add(milestone.leadAgency);
      milestone.contributingAgencies.forEach((type) => contributors.add(type));
      return {
        detail: {
          kind: 'Task',
          code: {
            coding: [{ system: `${codeSystemBase}/CodeSystem/milestone`, code: milestone.id }],
            // Read by other agencies: the staff wording.
            text: milestone.staffTitle,
          },
          status: ACTIVITY_STATUS[milestone.status as keyof typeof ACTIVITY_STATUS],
          statusReason: statusReason(milestone),
          // A task runs from its window to its due date; a legal fact or duty over its own period.
          scheduledPeriod:
            milestone.nature === 'task'
              ? period(milestone.windowStart, milestone.dueDate)
              : period(milestone.dueDate, milestone.closesOn),
          performer: [agencyRef(milestone.leadAgency)],
          description: milestone.explanation,
        },
      };
    });
    const title = `${pathway.pathway.replaceAll('_', ' ')} pathway`;
    const carePlanRef = add(`careplan:${person.id}:${pathway.pathway}`, {
      resourceType: 'CarePlan',
      text: narrative(`${title}: ${pathway.description}`),
      status: pathway.isEnded ? 'completed' : 'active',
      intent: 'plan',
      title,
      description: pathway.description,
      subject: patientRef,
      activity: activities,
    } satisfies CarePlan);
    carePlanRefs.push({ ...carePlanRef, display: title });
  }

  const goalRefs: Reference[] = [];
  for (const goal of input.goals) {
    goalRefs.push(
      add(`goal:${goal.id}`, {
        resourceType: 'Goal',
        text: narrative(goal.text),
        lifecycleStatus: GOAL_STATUS[goal.status] ?? 'active',
        category: [{ text: goal.outcomeArea.replaceAll('_', ' ') }],
        description: { text: goal.text },
        subject: patientRef,
        startDate: isoDay(goal.createdAt),
        note: nonEmpty(goal.notes.map((note) => ({ text: note.note, time: note.createdAt.toISOString() }))),
      } satisfies FhirGoal),
    );
  }

  for (const type of leads) careTeamParticipants.push({ role: [{ text: 'lead agency' }], member: agencyRef(type) });
  for (const type of contributors)
    if (!leads.has(type) && type !== 'young_person' && type !== 'family')
      careTeamParticipants.push({ role: [{ text: 'contributing agency' }], member: agencyRef(type) });
  const careTeamRef = add(`careteam:${person.id}`, {
    resourceType: 'CareTeam',
    status: 'active',
    name: 'Transition team',
    subject: patientRef,
    participant: nonEmpty(careTeamParticipants),
  } satisfies CareTeam);

  const documentRefs = (input.documents ?? []).map(({ document, url }) =>
    add(`document:${document.id}`, {
      resourceType: 'DocumentReference',
      status: 'current',
      type: { text: DOCUMENT_TYPE_NAMES[document.type] ?? 'Document' },
      subject: patientRef,
      date: document.createdAt.toISOString(),
      author: [{ display: document.addedByName }],
      description: document.title,
      content: [
        {
          attachment: {
            contentType: document.mediaType,
            url,
            size: document.byteSize,
            title: document.fileName,
            creation: document.createdAt.toISOString(),
          },
        },
      ],
    } satisfies DocumentReference),
  );

  const timestamp = input.generatedAt.toISOString();
  if (!input.handover) return { resourceType: 'Bundle', type: 'collection', timestamp, entry: entries };

  const handover = input.handover;
  const section = (title: string, text: string | null): CompositionSection[] =>
    text ? [{ title, text: narrative(text) }] : [];
  const listed = (title: string, refs: Reference[]): CompositionSection[] =>
    refs.length > 0
      ? [
          {
            title,
            text: narrative(
              refs
                .map((ref) => ref.display ?? '')
                .filter(Boolean)
                .join('; ') || title,
            ),
            entry: refs,
          },
        ]
      : [];
  const composition: Composition = {
    resourceType: 'Composition',
    id: uuidFor(`composition:${handover.id}`),
    // A pack still being written is not the final word.
    status: handover.status === 'draft' ? 'preliminary' : 'final',
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
      ...listed('Plan', carePlanRefs),
      ...listed(
        'Documents',
        documentRefs.map((ref, index) => ({ ...ref, display: input.documents?.[index]?.document.title })),
      ),
      ...listed(
        'Goals',
        goalRefs.map((ref, index) => ({ ...ref, display: input.goals[index]?.text })),
      ),
      {
        title: 'Care team',
        text: narrative(
          careTeamParticipants
            .map((participant) => participant.member?.display)
            .filter(Boolean)
            .join('; ') || 'Transition team',
        ),
        entry: [careTeamRef],
      },
    ],
  };
  return {
    resourceType: 'Bundle',
    type: 'document',
    // Each version of the document is a new document: the pack's version and the record's.
    identifier: {
      system: 'urn:ietf:rfc:3986',
      value: `urn:uuid:${uuidFor(`document:${handover.id}:${handover.version}:${person.version}`)}`,
    },
    timestamp,
    entry: [{ fullUrl: `urn:uuid:${composition.id}`, resource: composition }, ...entries],
  };
}

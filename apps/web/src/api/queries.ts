import {
  keepPreviousData,
  useIsFetching,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, setCsrfToken, unwrap } from './http.ts';
import { caseloadQuery, sessionQuery, sessionUserOf, type CaseloadFilter, type SessionUser } from './query-options.ts';

export type { CaseloadFilter, SessionUser };

/** Response shapes, straight from the API's route types. */
export type CaseloadPage = InferResponseType<typeof api.api.caseload.$get, 200>;
export type YoungPerson = InferResponseType<(typeof api.api)['young-people'][':id']['$get'], 200>;
export type Goal = InferResponseType<(typeof api.api)['young-people'][':id']['goals']['$get'], 200>['items'][number];
export type Handover = InferResponseType<typeof api.api.handovers.$get, 200>['items'][number];
/** One handover as its page shows it, with the documents shared with its agency. */
export type HandoverWithDocuments = InferResponseType<(typeof api.api.handovers)[':handoverId']['$get'], 200>;
export type AuditRow = InferResponseType<
  (typeof api.api)['young-people'][':id']['audit']['$get'],
  200
>['items'][number];
export type EventType = InferResponseType<(typeof api.api)['event-types']['$get'], 200>['items'][number];
export type ForecastRow = InferResponseType<typeof api.api.forecast.$get, 200>['rows'][number];
export type Agency = InferResponseType<typeof api.api.agencies.$get, 200>['items'][number];

/** The engine's plan, as the API documents it (apps/api/src/routes/plan-schema.ts, checked against the engine's type). */
export type Plan = InferResponseType<(typeof api.api)['young-people'][':id']['plan']['$get'], 200>;
export type PlannedMilestone = Plan['milestones'][number];
export type PathwayState = Plan['pathways'][number];

export const keys = {
  session: sessionQuery.queryKey,
  person: (id: string) => ['young-person', id] as const,
  plan: (id: string) => ['young-person', id, 'plan'] as const,
  goals: (id: string) => ['young-person', id, 'goals'] as const,
  audit: (id: string) => ['young-person', id, 'audit'] as const,
  handovers: ['handovers'] as const,
  handover: (id: string) => ['handovers', id] as const,
};

export function useSession() {
  return useQuery(sessionQuery);
}

/** After a sign-in step that answers with a session: the app moves on to wherever it leads. */
export function useAdoptSession() {
  const client = useQueryClient();
  return (session: Parameters<typeof sessionUserOf>[0]) => {
    forgetEverythingButTheSession(client);
    client.setQueryData(keys.session, sessionUserOf(session));
  };
}

/** Nothing one person read may be shown to the next on this browser; the session query itself stays observed. */
function forgetEverythingButTheSession(client: ReturnType<typeof useQueryClient>) {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== keys.session[0] });
  client.getMutationCache().clear();
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      unwrap(api.api.session.$post({ json: credentials })),
    onSuccess: (session) => {
      forgetEverythingButTheSession(client);
      client.setQueryData(keys.session, sessionUserOf(session));
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.api.session.$delete()),
    onSettled: () => {
      setCsrfToken(null);
      forgetEverythingButTheSession(client);
      client.setQueryData(keys.session, null);
    },
  });
}

export function useCaseload(filter: CaseloadFilter) {
  return useQuery({ ...caseloadQuery(filter), placeholderData: keepPreviousData });
}

/** How many young people a page of the list shows. */
export const PEOPLE_PAGE_SIZE = 200;

/** A page of the area's young people: matching `search`, of one named worker (`none`: without one) when given. */
export function useYoungPeople(search: string, namedWorkerId = '', page = 1) {
  return useQuery({
    queryKey: ['young-people', search, namedWorkerId, page],
    queryFn: () =>
      unwrap(
        api.api['young-people'].$get({
          query: {
            ...(search ? { search } : {}),
            ...(namedWorkerId ? { namedWorkerId } : {}),
            page: String(page),
            pageSize: String(PEOPLE_PAGE_SIZE),
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useMyYoungPeople(enabled: boolean) {
  return useQuery({ queryKey: ['my-young-people'], queryFn: () => unwrap(api.api['my-young-people'].$get()), enabled });
}

export function useYoungPerson(id: string) {
  return useQuery({
    queryKey: keys.person(id),
    queryFn: () => unwrap(api.api['young-people'][':id'].$get({ param: { id } })),
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: keys.plan(id),
    queryFn: () => unwrap(api.api['young-people'][':id'].plan.$get({ param: { id } })),
  });
}

export function useGoals(id: string) {
  return useQuery({
    queryKey: keys.goals(id),
    queryFn: () => unwrap(api.api['young-people'][':id'].goals.$get({ param: { id } })),
  });
}

export function useAuditTrail(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.audit(id),
    queryFn: () => unwrap(api.api['young-people'][':id'].audit.$get({ param: { id }, query: { pageSize: '100' } })),
    enabled,
  });
}

export function useEventTypes() {
  return useQuery({
    queryKey: ['event-types'],
    queryFn: () => unwrap(api.api['event-types'].$get()),
    staleTime: Infinity,
  });
}

export function useHandovers() {
  return useQuery({ queryKey: keys.handovers, queryFn: () => unwrap(api.api.handovers.$get({ query: {} })) });
}

export function useHandover(id: string) {
  return useQuery({
    queryKey: keys.handover(id),
    queryFn: () => unwrap(api.api.handovers[':handoverId'].$get({ param: { handoverId: id } })),
  });
}

export function useAgencies() {
  return useQuery({
    queryKey: ['agencies'],
    queryFn: () => unwrap(api.api.agencies.$get({ query: {} })),
    staleTime: 60_000,
  });
}

export function useAreas() {
  return useQuery({ queryKey: ['areas'], queryFn: () => unwrap(api.api.areas.$get()), staleTime: 60_000 });
}

export function useForecast() {
  return useQuery({
    queryKey: ['forecast'],
    queryFn: () => unwrap(api.api.forecast.$get({ query: { months: '24' } })),
  });
}

/** Everything about one young person that a write can change: plan, record (version), audit. */
export function useInvalidatePerson(id: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['young-person', id] });
}

export function useRecordEvent(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; event: { type: string; date: string } & Record<string, unknown> }) =>
      unwrap(api.api['young-people'][':id'].events.$post({ param: { id }, json: input })),
    onSuccess: (result) => showNewPlan(client, id, result),
  });
}

/**
 * After an event is recorded or undone: the answer carries the new plan and version, shown at
 * once; the audit trail and the caseload are fetched again.
 */
function showNewPlan(client: QueryClient, id: string, result: { plan: Plan; version: number }) {
  client.setQueryData<Plan>(keys.plan(id), result.plan);
  client.setQueryData(keys.person(id), (person: YoungPerson | undefined) =>
    person ? { ...person, version: result.version } : person,
  );
  void client.invalidateQueries({ queryKey: keys.audit(id) });
  void client.invalidateQueries({ queryKey: ['caseload'] });
}

/** Undoes an event recorded by mistake; the answer is the plan without it. */
export function useWithdrawEvent(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; eventId: string }) =>
      unwrap(
        api.api['young-people'][':id'].events[':eventId'].$delete({
          param: { id, eventId: input.eventId },
          query: { version: String(input.version) },
        }),
      ),
    onSuccess: (result) => showNewPlan(client, id, result),
  });
}

export function useAddGoal(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { text: string; outcomeArea: Goal['outcomeArea'] }) =>
      unwrap(api.api['young-people'][':id'].goals.$post({ param: { id }, json: input })),
    onSuccess: (goal) =>
      client.setQueryData(keys.goals(id), (goals: { items: Goal[] } | undefined) => ({
        items: [...(goals?.items ?? []), goal],
      })),
  });
}

/** Progress notes only ever add: safe to show at once, rolled back if the server refuses. */
export function useAddProgressNote(youngPersonId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { goalId: string; note: string }) =>
      unwrap(api.api.goals[':goalId'].notes.$post({ param: { goalId: input.goalId }, json: { note: input.note } })),
    onMutate: async (input) => {
      await client.cancelQueries({ queryKey: keys.goals(youngPersonId) });
      const before = client.getQueryData<{ items: Goal[] }>(keys.goals(youngPersonId));
      client.setQueryData(keys.goals(youngPersonId), {
        items: (before?.items ?? []).map((goal) =>
          goal.id === input.goalId
            ? {
                ...goal,
                notes: [
                  ...goal.notes,
                  {
                    id: `pending-${Date.now()}`,
                    note: input.note,
                    authorId: null,
                    createdAt: new Date().toISOString(),
                  },
                ],
              }
            : goal,
        ),
      });
      return { before };
    },
    onError: (_error, _input, context) => client.setQueryData(keys.goals(youngPersonId), context?.before),
    onSettled: () => client.invalidateQueries({ queryKey: keys.goals(youngPersonId) }),
  });
}

export function useUpdateGoal(youngPersonId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { goalId: string; version: number; status: Goal['status'] }) =>
      unwrap(
        api.api.goals[':goalId'].$patch({
          param: { goalId: input.goalId },
          json: { version: input.version, status: input.status },
        }),
      ),
    onSuccess: (goal) =>
      client.setQueryData(keys.goals(youngPersonId), (goals: { items: Goal[] } | undefined) => ({
        items: (goals?.items ?? []).map((g) => (g.id === goal.id ? goal : g)),
      })),
  });
}

export function useSaveAboutMe(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; aboutMe: string }) =>
      unwrap(api.api['young-people'][':id']['about-me'].$put({ param: { id }, json: input })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['young-person', id] });
      void client.invalidateQueries({ queryKey: ['my-young-people'] });
    },
  });
}

/** What drafting a handover sends, as the API's route declares it. */
export type HandoverDraft = InferRequestType<(typeof api.api)['young-people'][':id']['handovers']['$post']>['json'];

export function useCreateHandover(youngPersonId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: HandoverDraft) =>
      unwrap(api.api['young-people'][':id'].handovers.$post({ param: { id: youngPersonId }, json: draft })),
    onSuccess: (handover) => {
      client.setQueryData(keys.handover(handover.id), handover);
      void client.invalidateQueries({ queryKey: keys.handovers, exact: true });
    },
  });
}

type HandoverStep = { action: 'send' } | { action: 'acknowledge' } | { action: 'request-info'; message: string };

/**
 * Moves a handover on. Acknowledging is shown at once (the server can only agree or say
 * someone else moved it first, and then the old state comes back with the reason).
 */
export function useHandoverStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ handover, step }: { handover: Handover; step: HandoverStep }) => {
      const param = { handoverId: handover.id };
      if (step.action === 'send')
        return unwrap(api.api.handovers[':handoverId'].send.$post({ param, json: { version: handover.version } }));
      if (step.action === 'acknowledge')
        return unwrap(
          api.api.handovers[':handoverId'].acknowledge.$post({ param, json: { version: handover.version } }),
        );
      return unwrap(
        api.api.handovers[':handoverId']['request-info'].$post({
          param,
          json: { version: handover.version, message: step.message },
        }),
      );
    },
    onMutate: async ({ handover, step }) => {
      if (step.action !== 'acknowledge') return undefined;
      await client.cancelQueries({ queryKey: keys.handovers });
      const before = client.getQueryData<{ items: Handover[] }>(keys.handovers);
      const optimistic = { ...handover, status: 'acknowledged' as const, acknowledgedAt: new Date().toISOString() };
      client.setQueryData(
        keys.handovers,
        (list: { items: Handover[] } | undefined) =>
          list && { items: list.items.map((h) => (h.id === handover.id ? optimistic : h)) },
      );
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) client.setQueryData(keys.handovers, context.before);
    },
    onSuccess: (handover) => client.setQueryData(keys.handover(handover.id), handover),
    onSettled: () => client.invalidateQueries({ queryKey: keys.handovers }),
  });
}

export type Consent = InferResponseType<
  (typeof api.api)['young-people'][':id']['consents']['$get'],
  200
>['items'][number];
export type SharingScope = Consent['scope'];
export type Reminder = InferResponseType<typeof api.api.notifications.$get, 200>['items'][number];

export function useConsents(id: string) {
  return useQuery({
    queryKey: ['young-person', id, 'consents'],
    queryFn: () => unwrap(api.api['young-people'][':id'].consents.$get({ param: { id } })),
  });
}

/** Giving or withdrawing an agreement changes what others see at once: everything about the person is refetched. */
export function useGiveConsent(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (consent: { scope: SharingScope; agencyId: string | null }) =>
      unwrap(api.api['young-people'][':id'].consents.$post({ param: { id }, json: consent })),
    onSettled: () => client.invalidateQueries({ queryKey: ['young-person', id] }),
  });
}

export function useWithdrawConsent(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (consentId: string) => unwrap(api.api.consents[':consentId'].withdraw.$post({ param: { consentId } })),
    onSettled: () => client.invalidateQueries({ queryKey: ['young-person', id] }),
  });
}

const remindersQuery = {
  queryKey: ['notifications'],
  queryFn: () => unwrap(api.api.notifications.$get()),
  refetchInterval: 5 * 60_000,
};

export function useReminders() {
  return useQuery(remindersQuery);
}

/**
 * The reminders behind the menu's unread count. While the page's own data is still on its way
 * the count waits: on the embedded database both requests would queue on its one connection,
 * and the page is what the person came for.
 */
export function useMenuReminders(enabled: boolean) {
  const pageIsLoading = useIsFetching({ predicate: (query) => query.queryKey[0] !== remindersQuery.queryKey[0] }) > 0;
  return useQuery({ ...remindersQuery, enabled: enabled && !pageIsLoading });
}

export function useMarkReminderRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) =>
      unwrap(api.api.notifications[':notificationId'].read.$post({ param: { notificationId } })),
    onSettled: () => client.invalidateQueries({ queryKey: remindersQuery.queryKey }),
  });
}

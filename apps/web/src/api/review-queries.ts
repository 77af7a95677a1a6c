import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, unwrap } from './http.ts';
import { keys } from './queries.ts';

/** Reviews and meetings: their clock, invitations, advice, profile, record, actions and decision. */
export type Review = InferResponseType<(typeof api.api.reviews)[':reviewId']['$get'], 200>;
export type ReviewStep = Review['steps'][number];
export type ReviewInvitation = Review['invitations'][number];
export type ReviewAction = Review['actions'][number];
export type ReviewProfile = NonNullable<Review['profile']>;
export type ReviewList = InferResponseType<(typeof api.api)['young-people'][':id']['reviews']['$get'], 200>;
export type OwnedAction = InferResponseType<typeof api.api.actions.$get, 200>['items'][number];
export type LinkedInvitation = InferResponseType<(typeof api.api)['invitation-links']['look-up']['$post'], 200>;
export type NewReview = InferRequestType<(typeof api.api)['young-people'][':id']['reviews']['$post']>['json'];
export type NewInvitation = InferRequestType<(typeof api.api.reviews)[':reviewId']['invitations']['$post']>['json'];
export type NewAction = InferRequestType<(typeof api.api.reviews)[':reviewId']['actions']['$post']>['json'];
export type MeetingRecord = InferRequestType<(typeof api.api.reviews)[':reviewId']['meeting-record']['$post']>['json'];
export type AfterMeeting = InferRequestType<(typeof api.api.reviews)[':reviewId']['after-meeting']['$post']>['json'];
export type MeetingChange = InferRequestType<(typeof api.api.reviews)[':reviewId']['meeting']['$post']>['json'];

const reviewKey = (id: string) => ['reviews', id] as const;
const reviewsOf = (personId: string) => [...keys.person(personId), 'reviews'] as const;

export function useReviews(personId: string, enabled = true) {
  return useQuery({
    queryKey: reviewsOf(personId),
    queryFn: () => unwrap(api.api['young-people'][':id'].reviews.$get({ param: { id: personId } })),
    enabled,
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: reviewKey(id),
    queryFn: () => unwrap(api.api.reviews[':reviewId'].$get({ param: { reviewId: id } })),
  });
}

export function useReviewPeople(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...reviewKey(id), 'people'],
    queryFn: () => unwrap(api.api.reviews[':reviewId'].people.$get({ param: { reviewId: id } })),
    enabled,
    staleTime: 60_000,
  });
}

export type OpenReview = InferResponseType<typeof api.api.reviews.$get, 200>['items'][number];

/** Reviews under way on a caseload (a worker's own, or the whole area's), each with its next step. */
export function useOpenReviews(ownOnly: boolean) {
  return useQuery({
    queryKey: ['caseload', 'reviews', ownOnly],
    queryFn: () => unwrap(api.api.reviews.$get({ query: ownOnly ? { worker: 'me' } : {} })),
  });
}

export function useMyActions(enabled = true) {
  return useQuery({ queryKey: ['actions'], queryFn: () => unwrap(api.api.actions.$get()), enabled });
}

/** After a review changes: it, its young person's list and plan, caseloads and actions are read again. */
function useAfterReviewChange() {
  const client = useQueryClient();
  return (review: Review) => {
    client.setQueryData(reviewKey(review.id), review);
    void client.invalidateQueries({ queryKey: keys.person(review.youngPersonId) });
    void client.invalidateQueries({ queryKey: ['actions'] });
    void client.invalidateQueries({ queryKey: ['caseload'] });
  };
}

export function useArrangeReview(personId: string) {
  const changed = useAfterReviewChange();
  return useMutation({
    mutationFn: (review: NewReview) =>
      unwrap(api.api['young-people'][':id'].reviews.$post({ param: { id: personId }, json: review })),
    onSuccess: changed,
  });
}

/**
 * Every change to one review, each a call of the API's own that answers with the review as
 * it now is (so the page shows the new clock at once).
 */
export function useReviewChanges(id: string) {
  const changed = useAfterReviewChange();
  const param = { reviewId: id };
  const routes = api.api.reviews[':reviewId'];
  const useChange = <T>(call: (input: T) => Promise<Review>) => useMutation({ mutationFn: call, onSuccess: changed });
  return {
    invite: useChange((json: NewInvitation) => unwrap(routes.invitations.$post({ param, json }))),
    requestAdvice: useChange(({ invitationId, ...json }: { invitationId: string; question: string; dueOn?: string }) =>
      unwrap(routes.invitations[':invitationId']['advice-request'].$post({ param: { ...param, invitationId }, json })),
    ),
    withdraw: useChange((invitationId: string) =>
      unwrap(routes.invitations[':invitationId'].withdraw.$post({ param: { ...param, invitationId } })),
    ),
    send: useChange((version: number) => unwrap(routes['send-invitations'].$post({ param, json: { version } }))),
    circulate: useChange((version: number) => unwrap(routes['circulate-advice'].$post({ param, json: { version } }))),
    move: useChange((json: MeetingChange) => unwrap(routes.meeting.$post({ param, json }))),
    cancel: useChange((version: number) => unwrap(routes.cancel.$post({ param, json: { version } }))),
    record: useChange((json: MeetingRecord) => unwrap(routes['meeting-record'].$post({ param, json }))),
    after: useChange((json: AfterMeeting) => unwrap(routes['after-meeting'].$post({ param, json }))),
    addAction: useChange((json: NewAction) => unwrap(routes.actions.$post({ param, json }))),
    saveProfile: useChange((json: ReviewProfile) => unwrap(routes.profile.$put({ param, json }))),
    reply: useChange((reply: 'accepted' | 'declined' | 'tentative') =>
      unwrap(routes.reply.$post({ param, json: { reply } })),
    ),
    advise: useChange((advice: string) => unwrap(routes.advice.$post({ param, json: { advice } }))),
  };
}

/** A private reply link made for someone the worker will give it to themselves. */
export function useInvitationByHand(id: string) {
  const changed = useAfterReviewChange();
  return useMutation({
    mutationFn: (invitationId: string) =>
      unwrap(
        api.api.reviews[':reviewId'].invitations[':invitationId']['by-hand'].$post({
          param: { reviewId: id, invitationId },
        }),
      ),
    onSuccess: (answer) => changed(answer.review),
  });
}

export function useChangeAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...json }: { id: string; version: number; status: 'not_started' | 'in_progress' | 'done' }) =>
      unwrap(api.api.actions[':actionId'].$patch({ param: { actionId: id }, json })),
    onSuccess: (action) => {
      void client.invalidateQueries({ queryKey: ['actions'] });
      void client.invalidateQueries({ queryKey: reviewKey(action.reviewId) });
    },
  });
}

/** An invitee's private link (no sign-in): what it is for, and their reply and advice. */
export function useInvitationLink(token: string) {
  return useQuery({
    queryKey: ['invitation-link', token],
    queryFn: () => unwrap(api.api['invitation-links']['look-up'].$post({ json: { token } })),
    enabled: token.length > 0,
    retry: false,
  });
}

export function useAnswerByLink(token: string) {
  const client = useQueryClient();
  const done = (answer: LinkedInvitation) => client.setQueryData(['invitation-link', token], answer);
  return {
    reply: useMutation({
      mutationFn: (reply: 'accepted' | 'declined' | 'tentative') =>
        unwrap(api.api['invitation-links'].reply.$post({ json: { token, reply } })),
      onSuccess: done,
    }),
    advise: useMutation({
      mutationFn: (advice: string) => unwrap(api.api['invitation-links'].advice.$post({ json: { token, advice } })),
      onSuccess: done,
    }),
  };
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, unwrap } from './http.ts';
import { keys } from './queries.ts';

/** The local offer: the directory of services, services beside a plan, referrals. */
export type ServiceSearchAnswer = InferResponseType<typeof api.api.services.$get, 200>;
export type ServiceSummary = ServiceSearchAnswer['items'][number];
export type ServiceTopic = ServiceSummary['topics'][number];
export type Service = InferResponseType<(typeof api.api.services)[':id']['$get'], 200>;
export type ServiceSearch = InferRequestType<typeof api.api.services.$get>['query'];
export type HelpfulServices = InferResponseType<
  (typeof api.api)['young-people'][':id']['helpful-services']['$get'],
  200
>;
export type Referral = InferResponseType<
  (typeof api.api)['young-people'][':id']['referrals']['$get'],
  200
>['items'][number];
export type NewReferral = InferRequestType<(typeof api.api)['young-people'][':id']['referrals']['$post']>['json'];
export type ReferralChange = InferRequestType<(typeof api.api.referrals)[':referralId']['status']['$post']>['json'];
export type ReferralDemand = InferResponseType<(typeof api.api.commissioning.referrals)['$get'], 200>;
export type OfferImportReport = InferResponseType<(typeof api.api.agencies.import)['$post'], 200>;

export const SERVICE_TOPICS: readonly ServiceTopic[] = [
  'short_breaks',
  'education',
  'employment',
  'health',
  'mental_health',
  'social_care',
  'independent_living',
  'travel',
  'money',
  'legal_capacity',
  'leisure',
  'advice',
];

const referralsOf = (personId: string) => [...keys.person(personId), 'referrals'] as const;

/** A page of the directory for a search (the last page stays shown while the next loads). */
export function useServiceSearch(search: ServiceSearch) {
  return useQuery({
    queryKey: ['services', search],
    queryFn: () => unwrap(api.api.services.$get({ query: search })),
    placeholderData: keepPreviousData,
  });
}

export function useService(id: string) {
  return useQuery({
    queryKey: ['services', 'one', id],
    queryFn: () => unwrap(api.api.services[':id'].$get({ param: { id } })),
  });
}

/** Services that can help with each pathway of a plan and each action still to do. */
export function useHelpfulServices(personId: string, enabled = true) {
  return useQuery({
    queryKey: [...keys.person(personId), 'helpful-services'],
    queryFn: () => unwrap(api.api['young-people'][':id']['helpful-services'].$get({ param: { id: personId } })),
    enabled,
  });
}

export function useReferrals(personId: string) {
  return useQuery({
    queryKey: referralsOf(personId),
    queryFn: () => unwrap(api.api['young-people'][':id'].referrals.$get({ param: { id: personId } })),
  });
}

export function useRefer(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (referral: NewReferral) =>
      unwrap(api.api['young-people'][':id'].referrals.$post({ param: { id: personId }, json: referral })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.person(personId) }),
  });
}

/** Records a service's answer; accepting may complete a milestone, so the whole record is read again. */
export function useUpdateReferral(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ referralId, ...change }: ReferralChange & { referralId: string }) =>
      unwrap(api.api.referrals[':referralId'].status.$post({ param: { referralId }, json: change })),
    onSettled: () => client.invalidateQueries({ queryKey: keys.person(personId) }),
  });
}

export function useReferralDemand() {
  return useQuery({
    queryKey: ['commissioning', 'referrals'],
    queryFn: () => unwrap(api.api.commissioning.referrals.$get()),
  });
}

export function useOfferFeed(areaId: string) {
  return useQuery({
    queryKey: ['offer-feed', areaId],
    queryFn: () => unwrap(api.api.agencies.feed.$get({ query: { areaId } })),
    enabled: areaId !== '',
  });
}

/** Fetches a council's feed now (and saves it to fetch daily, if asked). */
export function useFetchOffer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: { areaId: string; url: string; daily: boolean }) =>
      unwrap(api.api.agencies.fetch.$post({ json: request })),
    onSettled: () => client.invalidateQueries(),
  });
}

export function useForgetOfferFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (areaId: string) => unwrap(api.api.agencies.feed.$delete({ query: { areaId } })),
    onSettled: (_answer, _error, areaId) => client.invalidateQueries({ queryKey: ['offer-feed', areaId] }),
  });
}

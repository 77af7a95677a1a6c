import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, unwrap, uploadFile } from './http.ts';
import { keys } from './queries.ts';

/** Young people's records, named workers, families and imports: the hooks of the pages that change them. */
export type NamedWorker = InferResponseType<(typeof api.api)['named-workers']['$get'], 200>['items'][number];
export type NewYoungPerson = InferRequestType<(typeof api.api)['young-people']['$post']>['json'];
export type YoungPersonChange = InferRequestType<(typeof api.api)['young-people'][':id']['$patch']>['json'];
export type FamilyMember = InferResponseType<
  (typeof api.api)['young-people'][':id']['family']['$get'],
  200
>['items'][number];
export type FamilyInvitation = InferRequestType<(typeof api.api)['young-people'][':id']['family']['$post']>['json'];
export type ImportRun = InferResponseType<(typeof api.api.imports)[':id']['$get'], 200>;
export type NewAgency = InferRequestType<typeof api.api.agencies.$post>['json'];
export type AgencyChanges = InferRequestType<(typeof api.api.agencies)[':id']['$patch']>['json'];

export function useNamedWorkers() {
  return useQuery({
    queryKey: ['named-workers'],
    queryFn: () => unwrap(api.api['named-workers'].$get()),
    staleTime: 30_000,
  });
}

/** After records change: lists, caseloads and worker counts are read again. */
function useForgetLists() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['young-people'] });
    void client.invalidateQueries({ queryKey: ['caseload'] });
    void client.invalidateQueries({ queryKey: ['named-workers'] });
  };
}

export function useAddYoungPerson() {
  const forget = useForgetLists();
  return useMutation({
    mutationFn: (person: NewYoungPerson) => unwrap(api.api['young-people'].$post({ json: person })),
    onSuccess: forget,
  });
}

export function useChangeYoungPerson(id: string) {
  const client = useQueryClient();
  const forget = useForgetLists();
  return useMutation({
    mutationFn: (change: YoungPersonChange) =>
      unwrap(api.api['young-people'][':id'].$patch({ param: { id }, json: change })),
    onSuccess: () => {
      forget();
      void client.invalidateQueries({ queryKey: ['young-person', id] });
    },
  });
}

export function useAssignNamedWorker() {
  const forget = useForgetLists();
  return useMutation({
    mutationFn: (assignment: InferRequestType<(typeof api.api)['named-workers']['assignments']['$post']>['json']) =>
      unwrap(api.api['named-workers'].assignments.$post({ json: assignment })),
    onSuccess: forget,
  });
}

export function useFamily(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.person(id), 'family'],
    queryFn: () => unwrap(api.api['young-people'][':id'].family.$get({ param: { id } })),
    enabled,
  });
}

export function useInviteFamilyMember(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (invitation: FamilyInvitation) =>
      unwrap(api.api['young-people'][':id'].family.$post({ param: { id }, json: invitation })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...keys.person(id), 'family'] }),
  });
}

/** Sends a CSV file to be checked (a dry run) or imported. */
export function startImport(file: File, dryRun: boolean): Promise<ImportRun> {
  const query = new URLSearchParams({ dryRun: String(dryRun), fileName: file.name.slice(0, 200) || 'import.csv' });
  return uploadFile<ImportRun>(`/api/imports/young-people?${query}`, 'text/csv', file);
}

/** A run, asked again twice a second while it is running. */
export function useImportRun(id: string | null) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: () => unwrap(api.api.imports[':id'].$get({ param: { id: id as string } })),
    enabled: id !== null,
    refetchInterval: (query) =>
      query.state.data?.status === 'running' && !query.state.data.isInterrupted ? 500 : false,
  });
}

export function useSaveAgency() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (agency: { id: string; changes: AgencyChanges } | { id: null; details: NewAgency }) =>
      agency.id === null
        ? unwrap(api.api.agencies.$post({ json: agency.details }))
        : unwrap(api.api.agencies[':id'].$patch({ param: { id: agency.id }, json: agency.changes })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['agencies'] }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, ApiError, csrfHeaders, unwrap, type ErrorAnswer } from './http.ts';
import { keys } from './queries.ts';

/** Working together: other agencies linked to a young person, documents and conversations. */
export type DocumentItem = InferResponseType<
  (typeof api.api)['young-people'][':id']['documents']['$get'],
  200
>['items'][number];
export type DocumentType = DocumentItem['type'];
export type Contributor = InferResponseType<typeof api.api.contributors.$get, 200>['items'][number];
export type Thread = InferResponseType<(typeof api.api.messages)[':kind'][':subjectId']['$get'], 200>;
export type ThreadKind = Thread['kind'];
export type Inbox = InferResponseType<typeof api.api.messages.$get, 200>;
export type HandoverVersion = InferResponseType<
  (typeof api.api.handovers)[':handoverId']['versions']['$get'],
  200
>['items'][number];

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  'ehc_plan',
  'advice_report',
  'advance_care_plan',
  'hospital_passport',
  'letter',
  'other',
];

const documentsOf = (personId: string) => [...keys.person(personId), 'documents'] as const;
const contributorsOf = (personId: string) => [...keys.person(personId), 'contributors'] as const;
const threadKey = (kind: string, subjectId: string) => ['messages', kind, subjectId] as const;
const inboxKey = ['messages'] as const;

/** Documents for one review or one handover, rather than all of a young person's. */
export type DocumentsOf = { reviewId?: string; handoverId?: string };

/** A young person's documents, perhaps of one type, perhaps only those for one review or handover. */
export function useDocuments(personId: string, type?: DocumentType, only: DocumentsOf = {}) {
  return useQuery({
    queryKey: [...documentsOf(personId), type ?? 'all', only.reviewId ?? only.handoverId ?? 'any'],
    queryFn: () =>
      unwrap(
        api.api['young-people'][':id'].documents.$get({
          param: { id: personId },
          query: { ...(type ? { type } : {}), ...only },
        }),
      ),
  });
}

/**
 * Adds a document: the file itself is the body, streamed by the browser (never read into
 * memory here), its name in X-File-Name; the server judges its type by its content.
 */
export function useUploadDocument(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, ...upload }: { file: File; type: DocumentType; title: string } & DocumentsOf) => {
      const query = new URLSearchParams(upload);
      const response = await fetch(`/api/young-people/${personId}/documents?${query}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/octet-stream',
          'X-File-Name': encodeURIComponent(file.name),
          ...csrfHeaders(),
        },
        body: file,
      });
      const body = (await response.json()) as DocumentItem & ErrorAnswer;
      if (!response.ok)
        throw new ApiError(
          response.status,
          body.error?.code ?? 'unknown',
          body.error?.message ?? '',
          body.error?.field,
        );
      return body;
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: documentsOf(personId) });
      // A handover's pack lists what its agency may see.
      void client.invalidateQueries({ queryKey: keys.handovers });
    },
  });
}

export function useRemoveDocument(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) => unwrap(api.api.documents[':documentId'].$delete({ param: { documentId } })),
    onSuccess: () => client.invalidateQueries({ queryKey: documentsOf(personId) }),
  });
}

export function useContributors(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: contributorsOf(personId),
    queryFn: () => unwrap(api.api['young-people'][':id'].contributors.$get({ param: { id: personId } })),
    enabled,
  });
}

export function useAreaContributors(enabled: boolean) {
  return useQuery({ queryKey: ['contributors'], queryFn: () => unwrap(api.api.contributors.$get()), enabled });
}

export function useLinkContributor(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.api['young-people'][':id'].contributors.$post({ param: { id: personId }, json: { userId } })),
    onSuccess: (list) => client.setQueryData(contributorsOf(personId), list),
  });
}

export function useUnlinkContributor(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.api['young-people'][':id'].contributors[':userId'].$delete({ param: { id: personId, userId } })),
    onSuccess: () => client.invalidateQueries({ queryKey: contributorsOf(personId) }),
  });
}

/** Unread conversations: the menu's count, kept fresh while the planner is open. */
export function useInbox(enabled: boolean) {
  return useQuery({
    queryKey: inboxKey,
    queryFn: () => unwrap(api.api.messages.$get()),
    enabled,
    refetchInterval: 60_000,
  });
}

/** A conversation; opening it marks it read, so the menu's count is refreshed after. */
export function useThread(kind: ThreadKind, subjectId: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: threadKey(kind, subjectId),
    queryFn: async () => {
      const thread = await unwrap(api.api.messages[':kind'][':subjectId'].$get({ param: { kind, subjectId } }));
      void client.invalidateQueries({ queryKey: inboxKey, exact: true });
      return thread;
    },
  });
}

export function useSendMessage(kind: ThreadKind, subjectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      unwrap(api.api.messages[':kind'][':subjectId'].messages.$post({ param: { kind, subjectId }, json: { body } })),
    onSuccess: (thread) => client.setQueryData(threadKey(kind, subjectId), thread),
  });
}

export function useHandoverVersions(handoverId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.handover(handoverId), 'versions'],
    queryFn: () => unwrap(api.api.handovers[':handoverId'].versions.$get({ param: { handoverId } })),
    enabled,
  });
}

/** The pack's words, as the draft and publish forms send them. */
export type PackWords = {
  summary: string;
  whatMatters?: string;
  needs?: string;
  currentSupport?: string;
  contacts?: string;
  pendingDecisions?: string;
};

/** Saves a draft's words, or publishes a sent pack's next version (with a note for the conversation). */
export function useChangeHandover(handoverId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      mode,
      version,
      pack,
      note,
    }: {
      mode: 'draft' | 'publish';
      version: number;
      pack: PackWords;
      note?: string;
    }) =>
      mode === 'draft'
        ? unwrap(api.api.handovers[':handoverId'].$put({ param: { handoverId }, json: { version, ...pack } }))
        : unwrap(
            api.api.handovers[':handoverId'].publish.$post({ param: { handoverId }, json: { version, ...pack, note } }),
          ),
    onSettled: () => client.invalidateQueries({ queryKey: keys.handovers }),
  });
}

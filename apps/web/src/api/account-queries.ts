import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, unwrap } from './http.ts';
import { useAdoptSession } from './queries.ts';

/** Accounts and sign-in: the hooks of the sign-in steps, your own security page and administration. */
export type Account = InferResponseType<typeof api.api.accounts.$get, 200>['items'][number];
export type Invitation = InferRequestType<typeof api.api.accounts.$post>['json'];
export type AccountSecurity = InferResponseType<typeof api.api.account.security.$get, 200>;
export type OwnSession = InferResponseType<typeof api.api.account.sessions.$get, 200>['items'][number];
type PasskeyRequestOptions = Parameters<typeof startAuthentication>[0]['optionsJSON'];
type PasskeyCreationOptions = Parameters<typeof startRegistration>[0]['optionsJSON'];

const accountKeys = {
  security: ['account', 'security'] as const,
  sessions: ['account', 'sessions'] as const,
  accounts: ['accounts'] as const,
  account: (id: string) => ['accounts', id] as const,
  signOn: (areaId: string) => ['accounts', 'sign-on', areaId] as const,
};

export function useSignOnAreas() {
  return useQuery({
    queryKey: ['sign-on', 'areas'],
    queryFn: () => unwrap(api.api['sign-on'].areas.$get()),
    staleTime: 60_000,
  });
}

export function useSecondFactor() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (code: string) => unwrap(api.api.session['second-factor'].$post({ json: { code } })),
    onSuccess: adopt,
  });
}

/** Signs in with a passkey: the browser asks the person's authenticator, the server checks its answer. */
export function usePasskeySignIn() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: async () => {
      const options = await unwrap(api.api.session.passkey.options.$post());
      const response = await startAuthentication({ optionsJSON: options as unknown as PasskeyRequestOptions });
      return unwrap(api.api.session.passkey.$post({ json: { response: response as never } }));
    },
    onSuccess: adopt,
  });
}

/** Begins single sign-on: the browser then goes to the council's provider (a full page load). */
export function useStartSignOn() {
  return useMutation({
    mutationFn: (areaId: string) => unwrap(api.api['sign-on'].start.$post({ json: { areaId } })),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}

/** Finishes single sign-on with the provider's answer, which arrived in this page's address. */
export function useFinishSignOn() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (answer: string) => unwrap(api.api['sign-on'].finish.$post({ json: { answer } })),
    onSuccess: adopt,
  });
}

export function useForgottenPassword() {
  return useMutation({
    mutationFn: (email: string) => unwrap(api.api['password-reset'].$post({ json: { email } })),
  });
}

export function useAccountLink(token: string) {
  return useQuery({
    queryKey: ['account-link', token],
    queryFn: () => unwrap(api.api['account-links']['look-up'].$post({ json: { token } })),
    enabled: token.length > 0,
    retry: false,
  });
}

export function useSetPassword() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      unwrap(api.api['account-links'].use.$post({ json: input })),
  });
}

export function useSecurity() {
  return useQuery({ queryKey: accountKeys.security, queryFn: () => unwrap(api.api.account.security.$get()) });
}

/** After a set-up step that may finish an enrolment: the new session, when there is one, takes over. */
export function useFinishEnrolment() {
  const client = useQueryClient();
  const adopt = useAdoptSession();
  return (answer: { session?: Parameters<typeof adopt>[0] | null }) => {
    void client.invalidateQueries({ queryKey: accountKeys.security });
    if (answer.session) adopt(answer.session);
  };
}

export function useStartTotp() {
  return useMutation({ mutationFn: () => unwrap(api.api.account.totp.start.$post()) });
}

export function useConfirmTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => unwrap(api.api.account.totp.$post({ json: { code } })),
    // The session (when this finished an enrolment) is adopted when the person has seen their recovery codes.
    onSuccess: () => void client.invalidateQueries({ queryKey: accountKeys.security }),
  });
}

export function useRemoveTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.api.account.totp.$delete()),
    onSuccess: () => void client.invalidateQueries({ queryKey: accountKeys.security }),
  });
}

export function useReplaceRecoveryCodes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.api.account['recovery-codes'].$post()),
    onSuccess: () => void client.invalidateQueries({ queryKey: accountKeys.security }),
  });
}

/** Adds a passkey: the browser has the authenticator make one, the server checks and keeps it. */
export function useAddPasskey() {
  const afterSetUp = useFinishEnrolment();
  return useMutation({
    mutationFn: async (name: string) => {
      const options = await unwrap(api.api.account.passkeys.options.$post());
      const response = await startRegistration({ optionsJSON: options as unknown as PasskeyCreationOptions });
      return unwrap(api.api.account.passkeys.$post({ json: { name, response: response as never } }));
    },
    onSuccess: afterSetUp,
  });
}

export function useRemovePasskey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (passkeyId: string) => unwrap(api.api.account.passkeys[':passkeyId'].$delete({ param: { passkeyId } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: accountKeys.security }),
  });
}

export function useOwnSessions() {
  return useQuery({ queryKey: accountKeys.sessions, queryFn: () => unwrap(api.api.account.sessions.$get()) });
}

export function useEndOwnSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => unwrap(api.api.account.sessions[':sessionId'].$delete({ param: { sessionId } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useEndOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.api.account.sessions.$delete()),
    onSuccess: () => void client.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useAccounts() {
  return useQuery({ queryKey: accountKeys.accounts, queryFn: () => unwrap(api.api.accounts.$get()) });
}

export function useAccount(id: string) {
  return useQuery({
    queryKey: accountKeys.account(id),
    queryFn: () => unwrap(api.api.accounts[':id'].$get({ param: { id } })),
  });
}

export function useInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (invitation: Invitation) => unwrap(api.api.accounts.$post({ json: invitation })),
    onSuccess: () => void client.invalidateQueries({ queryKey: accountKeys.accounts }),
  });
}

/** Every change an administrator makes to one account refreshes the list and the account. */
function useAccountChange<T>(change: (id: string, input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: T }) => change(id, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: accountKeys.accounts }),
  });
}

export const useChangeRole = () =>
  useAccountChange((id, json: { role: Account['role']; agencyId: string | null }) =>
    unwrap(api.api.accounts[':id'].$patch({ param: { id }, json })),
  );
export const useSetAccountActive = () =>
  useAccountChange((id, active: boolean) =>
    unwrap(
      active
        ? api.api.accounts[':id'].reactivate.$post({ param: { id } })
        : api.api.accounts[':id'].deactivate.$post({ param: { id } }),
    ),
  );
export const useResendInvitation = () =>
  useAccountChange((id, _input: null) => unwrap(api.api.accounts[':id'].invitation.$post({ param: { id } })));
export const useEndAccountSessions = () =>
  useAccountChange((id, _input: null) => unwrap(api.api.accounts[':id'].sessions.$delete({ param: { id } })));

export function useSignOnSettings(areaId: string) {
  return useQuery({
    queryKey: accountKeys.signOn(areaId),
    queryFn: () => unwrap(api.api['sign-on-settings'][':areaId'].$get({ param: { areaId } })),
    enabled: areaId !== '',
  });
}

export function useSaveSignOn(areaId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (json: InferRequestType<(typeof api.api)['sign-on-settings'][':areaId']['$put']>['json']) =>
      unwrap(api.api['sign-on-settings'][':areaId'].$put({ param: { areaId }, json })),
    onSuccess: () => void client.invalidateQueries({ queryKey: accountKeys.signOn(areaId) }),
  });
}

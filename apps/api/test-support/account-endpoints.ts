/**
 * The account and sign-in endpoints, whose authorisation matrix is in
 * `src/accounts-authorisation.test.ts` (it has callers the main matrix has not: an
 * administrator of the area and one of another area).
 */
export const ACCOUNT_ENDPOINTS = [
  'GET /api/accounts',
  'POST /api/accounts',
  'GET /api/accounts/{id}',
  'PATCH /api/accounts/{id}',
  'POST /api/accounts/{id}/deactivate',
  'POST /api/accounts/{id}/reactivate',
  'POST /api/accounts/{id}/invitation',
  'GET /api/accounts/{id}/sessions',
  'DELETE /api/accounts/{id}/sessions',
  'GET /api/sign-on-settings/{areaId}',
  'PUT /api/sign-on-settings/{areaId}',
  'GET /api/account/security',
  'POST /api/account/totp/start',
  'POST /api/account/totp',
  'DELETE /api/account/totp',
  'POST /api/account/recovery-codes',
  'POST /api/account/passkeys/options',
  'POST /api/account/passkeys',
  'DELETE /api/account/passkeys/{passkeyId}',
  'GET /api/account/sessions',
  'DELETE /api/account/sessions/{sessionId}',
  'DELETE /api/account/sessions',
  'POST /api/session/second-factor',
  'POST /api/session/passkey/options',
  'POST /api/session/passkey',
  'POST /api/account-links/look-up',
  'POST /api/account-links/use',
  'POST /api/password-reset',
  'GET /api/sign-on/areas',
  'POST /api/sign-on/start',
  'POST /api/sign-on/finish',
] as const;

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID Connect provider for the tests: panva's certified `oidc-provider`, on this
 * machine over HTTP, with its development sign-in form (any password; the login typed is the
 * account). An e-mail listed in `unverified` comes back with `email_verified: false`.
 */
export type OpenIdProvider = { issuer: string; clientId: string; clientSecret: string; close: () => Promise<void> };

export async function startOpenIdProvider(
  redirectUris: string[],
  options: { unverified?: string[] } = {},
): Promise<OpenIdProvider> {
  // The server must listen before the provider exists: its address is the provider's issuer.
  const route: { to?: ReturnType<Provider['callback']> } = {};
  const server: Server = createServer((request, response) => void route.to?.(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'pathways';
  const clientSecret = 'a-test-client-secret-that-is-long-enough-for-hs256';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-cookie-key-one', 'test-cookie-key-two'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    async findAccount(_ctx: KoaContextWithOIDC, id: string) {
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: id,
          email_verified: !(options.unverified ?? []).includes(id),
          name: id.split('@')[0],
        }),
      };
    },
    // First-party client: the person is not asked to consent to their own council's planner.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const accountId = ctx.oidc.session?.accountId;
      const client = ctx.oidc.client;
      if (!accountId || !client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  // Plain HTTP on this machine only (a real provider is HTTPS).
  provider.proxy = false;
  route.to = provider.callback();
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { audit } from '@pathways/db';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';

/**
 * Records a refused request of a signed-in person as a security event, in the audit trail
 * (who, what they asked for, why not) and the log: a person probing records that are not
 * theirs shows up there. Never fails the answer itself.
 */
export async function recordRefusal(c: Context<AppEnv>, status: number, code: string): Promise<void> {
  const user = c.get('user');
  if (!user) return;
  const services = c.get('services');
  const detail = { method: c.req.method, path: c.req.path, status, code };
  services.logger.warn('security: refused', { user: user.id, role: user.role, ...detail });
  await audit(
    services.db,
    { userId: user.id, role: user.role },
    { action: 'refused', entityType: 'Request', detail },
  ).catch((error: unknown) => services.logger.error('could not record a refusal', { error: String(error) }));
}

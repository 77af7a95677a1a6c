import { isEventType } from './catalogue.ts';
import { ZPathwayEvent, type PathwayEvent } from './pathway-event.ts';

export type ParsedEvent = { ok: true; event: PathwayEvent } | { ok: false; field: string; message: string };

/**
 * Validates one event from outside. The error names the first bad field, e.g.
 * `moveDate: is not a real calendar date` or `type: "x" is not a known event type`.
 */
export function parseEvent(raw: unknown): ParsedEvent {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !isEventType(type)) {
    return {
      ok: false,
      field: 'type',
      message: typeof type === 'string' ? `"${type}" is not a known event type` : 'is required',
    };
  }
  const parsed = ZPathwayEvent.safeParse(raw);
  if (parsed.success) return { ok: true, event: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, field: issue?.path.join('.') || 'event', message: issue?.message ?? 'is invalid' };
}

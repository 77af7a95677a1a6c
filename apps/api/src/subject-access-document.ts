import { displayName, type SubjectAccessExport } from '@pathways/db';
import { escapeHtml } from './html-escape.ts';

/** A value as HTML text; nothing shows as a dash. */
const escape = (value: unknown) =>
  escapeHtml(value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

const words = (key: string) =>
  key
    .replace(/([A-Z])/g, ' $1')
    .replace(/_/g, ' ')
    .replace(/^./, (first) => first.toUpperCase());

/** A table of rows with the given columns; "None." when there are none. */
function table(rows: Record<string, unknown>[], columns: string[]): string {
  if (rows.length === 0) return '<p>None.</p>';
  const cell = (value: unknown) =>
    typeof value === 'object' && value !== null ? escape(JSON.stringify(value)) : escape(value);
  return `<table><thead><tr>${columns.map((column) => `<th scope="col">${escape(words(column))}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${columns.map((column) => `<td>${cell(row[column])}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/**
 * The subject access copy as one self-contained, printable HTML document: plain language
 * headings, every section present (saying "None." when empty), no script, no outside files.
 */
export function subjectAccessHtml(copy: SubjectAccessExport): string {
  const { record } = copy;
  const name = displayName(record);
  const section = (title: string, body: string) => `<section><h2>${escape(title)}</h2>${body}</section>`;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Information held about ${escape(name)}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 2rem; color: #111; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #1d4f91; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; } th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; } dt { font-weight: 600; }
@media print { body { margin: 0; } section { break-inside: auto; } h2 { break-after: avoid; } }
</style></head><body>
<h1>Information held about ${escape(name)}</h1>
<p>This is a copy of everything Pathways holds about ${escape(name)}, made on ${escape(copy.generatedAt.slice(0, 10))} (UK GDPR article 15).</p>
${section(
  'About the record',
  `<dl>${Object.entries(record)
    .map(
      ([key, value]) =>
        `<dt>${escape(words(key))}</dt><dd>${escape(typeof value === 'boolean' ? (value ? 'Yes' : 'No') : value)}</dd>`,
    )
    .join('')}</dl>`,
)}
${section('Family links', table(copy.familyLinks, ['name', 'relationship', 'since']))}
${section('What happened (the event log)', table(copy.events, ['date', 'type', 'details', 'recordedAt']))}
${section('The plan: milestones', table(copy.milestones, ['pathway', 'milestoneId', 'status', 'windowStart', 'dueDate', 'completedOn', 'leadAgency']))}
${section('Where each pathway is now', table(copy.pathways, ['pathway', 'state', 'isEnded', 'since']))}
${section(
  'Goals',
  table(
    copy.goals.map((goal) => ({
      ...goal,
      notes: goal.notes.map((note) => `${note.at?.slice(0, 10)}: ${note.note}`).join(' | '),
    })),
    ['text', 'outcomeArea', 'status', 'createdAt', 'notes'],
  ),
)}
${section(
  'Reviews and meetings',
  table(
    copy.reviews.map((review) => ({
      ...review,
      profile: review.profile ? JSON.stringify(review.profile) : '',
      invited: review.invited
        .map(
          (person) =>
            `${person.name} (${person.role}): ${person.reply}${person.advice ? `; advice: ${person.advice}` : ''}`,
        )
        .join('\n'),
      actions: review.actions
        .map((action) => `${action.description} — ${action.owner}, by ${action.dueOn}: ${action.status}`)
        .join('\n'),
    })),
    [
      'kind',
      'meetingDate',
      'status',
      'heldOn',
      'youngPersonTookPart',
      'outcomesDiscussed',
      'meetingNotes',
      'profile',
      'invited',
      'actions',
      'decision',
      'decisionOn',
      'finalPlanOn',
    ],
  ),
)}
${section('Handovers to adult services', table(copy.handovers, ['toAgency', 'status', 'dueBy', 'expectedTransfer', 'summary', 'whatMatters', 'needs', 'currentSupport', 'contacts', 'pendingDecisions', 'infoRequest', 'sentAt', 'acknowledgedAt']))}
${section('Documents', table(copy.documents, ['title', 'type', 'fileName', 'byteSize', 'addedBy', 'addedAt', 'download']))}
${section('Messages', table(copy.messages, ['conversation', 'from', 'role', 'sentAt', 'text']))}
${section('Referrals to services', table(copy.referrals, ['service', 'agency', 'reason', 'agreedBy', 'agreedOn', 'sharedParts', 'sentTo', 'referredBy', 'status', 'outcome', 'history']))}
${section('Other agencies working with them', table(copy.otherAgencies, ['name', 'role', 'agency', 'since']))}
${section('Agreements to share', table(copy.consents, ['scope', 'agencyId', 'givenByRole', 'givenAt', 'withdrawnAt']))}
${section('Corrections to the record', table(copy.corrections, ['field', 'previousValue', 'newValue', 'reason', 'correctedBy', 'correctedAt']))}
${section('Reminders sent to staff', table(copy.reminders, ['to', 'milestoneId', 'kind', 'onDate', 'createdAt']))}
${section('Who looked at or changed the record', table(copy.auditTrail, ['at', 'who', 'role', 'action', 'what']))}
</body></html>
`;
}

/**
 * `npm start` (for now): plans a handful of synthetic young people as of today and prints
 * what a transition worker would see — each one's overdue and due milestones, who leads,
 * and why. The engine never reads the clock; this script passes today's date in.
 */
import { buildPlan, syntheticPerson, type PlannedMilestone } from '../src/index.ts';

const today = new Date().toISOString().slice(0, 10);
const people = Number(process.argv[2] ?? 5);
const order: PlannedMilestone['status'][] = ['overdue', 'due'];

console.log(`Pathways — caseload as of ${today} (synthetic demo data, England rule pack)\n`);
for (let index = 0; index < people; index++) {
  const { profile, events } = syntheticPerson(2026, index, today);
  const plan = buildPlan(profile, events, { asOf: today });
  const open = plan.milestones
    .filter((m) => order.includes(m.status))
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  const done = plan.milestones.filter((m) => m.status === 'done').length;
  console.log(
    `Young person ${index + 1}: born ${profile.dateOfBirth}, ${events.length} events recorded, ${done} milestones done`,
  );
  for (const milestone of open) {
    console.log(
      `  ${milestone.status.toUpperCase().padEnd(8)} ${milestone.dueDate}  ${milestone.title}  [lead: ${milestone.leadAgency}]`,
    );
    console.log(`           ${milestone.explanation}`);
  }
  if (open.length === 0) console.log('  Nothing due or overdue.');
  console.log('');
}

import { isEventType } from '../events/catalogue.ts';
import { REVIEW_STEPS, type Condition, type DateExpression, type RulePack } from './types.ts';

/**
 * Checks a rule pack's data for mistakes the type system cannot see: duplicate ids, missing
 * windows, references to unknown milestones or events, reference cycles, pathways the pack
 * does not run, and conditions without a plain-language reason. Returns the problems found
 * (empty when the pack is sound); tests run it on every pack.
 */
export function validateRulePack(pack: RulePack): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const rule of pack.milestones) {
    if (ids.has(rule.id)) problems.push(`${rule.id}: duplicate milestone id`);
    ids.add(rule.id);
  }
  const references = new Map<string, string[]>();
  for (const rule of pack.milestones) {
    const where = rule.id;
    if (!pack.pathways.includes(rule.pathway))
      problems.push(`${where}: pathway "${rule.pathway}" is not run by this pack`);
    if (!rule.windowStart && !rule.recurrence)
      problems.push(`${where}: needs a windowStart (only recurring milestones may leave it out)`);
    if (!rule.title.trim() || !rule.staffTitle.trim() || !rule.description.trim() || !rule.rule.trim())
      problems.push(`${where}: needs a title, a staff title, a description and rule text`);
    if (!rule.familyDescription.includes('{name}'))
      problems.push(`${where}: needs a description for the family that names the young person ({name})`);
    if (!rule.source.document.trim()) problems.push(`${where}: needs a source`);
    const expressions = [
      rule.due,
      ...[rule.windowStart, rule.recurrence?.until, rule.missedAfter, rule.until].filter((expression) => !!expression),
    ];
    const nature = rule.nature ?? 'task';
    if (nature === 'task' && rule.until)
      problems.push(`${where}: a task has no period end (until); did you mean missedAfter?`);
    if (nature !== 'task' && (rule.missedAfter || rule.ifMissed || rule.recurrence))
      problems.push(`${where}: a legal fact or duty cannot be missed or recur`);
    if (rule.missedAfter && !rule.ifMissed?.trim())
      problems.push(`${where}: says when it is missed but not what to do instead (ifMissed)`);
    const refs: string[] = [];
    for (const expression of expressions) checkExpression(expression, where, pack, problems, refs);
    references.set(rule.id, refs);
    for (const completion of rule.completedBy ?? []) {
      if (!isEventType(completion.type)) problems.push(`${where}: completed by unknown event "${completion.type}"`);
    }
    checkCondition(rule.appliesWhen, where, pack, problems);
  }
  for (const [id, refs] of references) {
    for (const ref of refs) if (!ids.has(ref)) problems.push(`${id}: refers to unknown milestone "${ref}"`);
  }
  for (const id of ids)
    if (reaches(id, id, references, new Set())) problems.push(`${id}: its dates refer back to itself`);
  if (pack.planEnd?.extension && !isEventType(pack.planEnd.extension.eventType))
    problems.push(`planEnd: unknown extension event "${pack.planEnd.extension.eventType}"`);
  checkReviews(pack, ids, problems);
  return problems;
}

/** Review kinds: unique ids, events the catalogue has, steps that name the pack's own milestones, in order. */
function checkReviews(pack: RulePack, milestoneIds: Set<string>, problems: string[]): void {
  const kindIds = new Set<string>();
  for (const kind of pack.reviews.kinds) {
    const where = `review ${kind.id}`;
    if (kindIds.has(kind.id)) problems.push(`${where}: duplicate review kind id`);
    kindIds.add(kind.id);
    if (!pack.pathways.includes(kind.pathway))
      problems.push(`${where}: pathway "${kind.pathway}" is not run by this pack`);
    for (const type of Object.values(kind.events))
      if (!isEventType(type)) problems.push(`${where}: records unknown event "${type}"`);
    if (kind.needsFlag && !pack.conditionReasons[kind.needsFlag])
      problems.push(`${where}: no reason text for flag "${kind.needsFlag}"`);
    const order = kind.steps.map((step) => REVIEW_STEPS.indexOf(step.id));
    if (order.some((position, index) => index > 0 && position <= (order[index - 1] as number)))
      problems.push(`${where}: steps must be unique and in the order they happen`);
    if (!kind.steps.some((step) => step.id === 'meeting')) problems.push(`${where}: needs a meeting step`);
    if (kind.nextDueMilestoneId && !milestoneIds.has(kind.nextDueMilestoneId))
      problems.push(`${where}: next one dated by unknown milestone "${kind.nextDueMilestoneId}"`);
    for (const step of kind.steps) {
      if (step.milestoneId && !milestoneIds.has(step.milestoneId))
        problems.push(`${where}: step ${step.id} refers to unknown milestone "${step.milestoneId}"`);
      if (!step.source.document.trim()) problems.push(`${where}: step ${step.id} needs a source`);
    }
  }
}

function checkExpression(
  expression: DateExpression,
  where: string,
  pack: RulePack,
  problems: string[],
  refs: string[],
): void {
  switch (expression.at) {
    case 'event':
      if (!isEventType(expression.type)) problems.push(`${where}: date from unknown event "${expression.type}"`);
      break;
    case 'milestone':
      refs.push(expression.id);
      break;
    case 'transferDeadline':
      if (!pack.transfers?.[expression.transfer])
        problems.push(`${where}: pack has no "${expression.transfer}" transfer rule`);
      break;
    case 'planEnd':
      if (!pack.planEnd) problems.push(`${where}: pack has no plan end`);
      break;
    case 'firstOf':
    case 'latestOf':
    case 'earliestOf':
      for (const option of expression.of) checkExpression(option, where, pack, problems, refs);
      break;
    default:
      break;
  }
}

function checkCondition(condition: Condition | undefined, where: string, pack: RulePack, problems: string[]): void {
  if (!condition) return;
  if ('flag' in condition) {
    if (!pack.conditionReasons[condition.flag]) problems.push(`${where}: no reason text for flag "${condition.flag}"`);
  } else if ('event' in condition) {
    if (!isEventType(condition.event)) problems.push(`${where}: condition on unknown event "${condition.event}"`);
    if (!pack.conditionReasons[condition.event])
      problems.push(`${where}: no reason text for event "${condition.event}"`);
  } else if ('planIssuedBy' in condition) {
    checkExpression(condition.planIssuedBy, where, pack, problems, []);
  } else if ('not' in condition) {
    if (!condition.because.trim()) problems.push(`${where}: a "not" condition needs its reason`);
    checkInnerCondition(condition.not, where, pack, problems);
  } else {
    for (const part of 'all' in condition ? condition.all : condition.any) checkCondition(part, where, pack, problems);
  }
}

/** The inner condition of a "not": its events must exist, but their reason texts are never shown. */
function checkInnerCondition(condition: Condition, where: string, pack: RulePack, problems: string[]): void {
  if ('event' in condition && !isEventType(condition.event))
    problems.push(`${where}: condition on unknown event "${condition.event}"`);
  else if (!('event' in condition)) checkCondition(condition, where, pack, problems);
}

function reaches(from: string, target: string, references: Map<string, string[]>, seen: Set<string>): boolean {
  for (const next of references.get(from) ?? []) {
    if (next === target) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    if (reaches(next, target, references, seen)) return true;
  }
  return false;
}

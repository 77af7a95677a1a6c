import type { AnyStateMachine } from 'xstate';

type StateNode = AnyStateMachine['root'];

/**
 * A Mermaid `stateDiagram-v2` drawn from the machine's own definition, so the documentation
 * cannot drift from the code: states (parallel regions separated by `--`), initial and final
 * states, and every transition with a target, labelled with its event and guard. Eventless
 * transitions are labelled "when" with their guard (the clock or the profile moves them).
 */
export function stateDiagram(machine: AnyStateMachine): string {
  const lines = ['stateDiagram-v2'];
  const transitions: string[] = [];
  const idOf = (node: StateNode) => node.path.join('_');

  const notes: string[] = [];
  const guardName = (definition: { guard?: unknown }) =>
    typeof definition.guard === 'string' ? definition.guard : (definition.guard as { type?: string } | undefined)?.type;
  const draw = (node: StateNode, label: string, targets: readonly StateNode[] | undefined) => {
    for (const target of targets ?? []) {
      // Transitions on the machine itself apply in every state: a note on their target says so.
      if (node === machine.root) notes.push(`  note left of ${idOf(target)} : ${label} from any state`);
      else transitions.push(`  ${idOf(node)} --> ${idOf(target)} : ${label}`);
    }
  };

  const visit = (node: StateNode, depth: number) => {
    const indent = '  '.repeat(depth);
    const children = Object.values(node.states);
    for (const [eventType, definitions] of node.transitions) {
      for (const definition of definitions) {
        const guard = guardName(definition);
        draw(node, `${eventType}${guard ? ` [${guard}]` : ''}`, definition.target);
      }
    }
    for (const definition of node.always ?? [])
      draw(node, `when ${guardName(definition) ?? 'otherwise'}`, definition.target);
    if (children.length === 0) {
      if (node.type === 'final') lines.push(`${indent}${idOf(node)} --> [*]`);
      return;
    }
    if (node !== machine.root) lines.push(`${indent}state "${node.key}" as ${idOf(node)} {`);
    const inner = node === machine.root ? depth : depth + 1;
    const innerIndent = '  '.repeat(inner);
    children.forEach((child, index) => {
      if (node.type === 'parallel' && index > 0) lines.push(`${innerIndent}--`);
      if (node.type !== 'parallel' && Object.keys(child.states).length === 0)
        lines.push(`${innerIndent}state "${child.key}" as ${idOf(child)}`);
      visit(child, inner);
    });
    if (node.type !== 'parallel' && node.initial?.target[0])
      lines.push(`${innerIndent}[*] --> ${idOf(node.initial.target[0])}`);
    if (node !== machine.root) lines.push(`${indent}}`);
  };

  visit(machine.root, 1);
  return [...lines, ...transitions, ...notes].join('\n');
}

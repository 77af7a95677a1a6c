import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDiagramSection } from './diagram-section.ts';
import { socialCareMachine } from './social-care.machine.ts';
import { stateDiagram } from './state-diagram.ts';

describe('stateDiagram', () => {
  it('draws states, initial states and labelled transitions from the machine', () => {
    const diagram = stateDiagram(socialCareMachine);
    expect(diagram).toMatch(/^stateDiagram-v2\n/);
    expect(diagram).toContain('state "preparing" as preparing {');
    expect(diagram).toContain('[*] --> preparing_childrens_services');
    expect(diagram).toContain(
      'preparing_childrens_services --> preparing_assessment_requested : social_care.assessment_requested',
    );
    expect(diagram).toContain('plan_agreed --> adult_services : social_care.adult_services_started [isAdult]');
    expect(diagram).toContain('ended --> [*]');
  });
});

describe('docs/pathways.md', () => {
  it('has the current state diagrams (run `npm run diagrams -w @pathways/engine` after changing a machine)', () => {
    const document = readFileSync(new URL('../../../../docs/pathways.md', import.meta.url), 'utf8');
    const start = document.indexOf('<!-- diagrams:start -->');
    const end = document.indexOf('<!-- diagrams:end -->');
    expect(document.slice(start, end)).toBe(renderDiagramSection());
  });
});

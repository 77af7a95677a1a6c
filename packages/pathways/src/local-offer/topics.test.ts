import { describe, expect, it } from 'vitest';
import { RULE_PACKS } from '../rule-packs/index.ts';
import { PATHWAYS } from '../rule-packs/types.ts';
import { MILESTONE_TOPICS, PATHWAY_TOPICS, SERVICE_TOPICS, topicsForMilestone, topicsOfText } from './topics.ts';

describe('what a service helps with', () => {
  it('reads topics from taxonomy terms and words, English and Danish, at the start of words', () => {
    expect(topicsOfText('Short breaks')).toEqual(['short_breaks']);
    expect(topicsOfText('Aflastning for familier')).toEqual(['short_breaks']);
    expect(topicsOfText('Supported internships', 'A job coach for a year')).toEqual(['employment']);
    expect(topicsOfText('Counselling for anxiety')).toEqual(['mental_health']);
    expect(topicsOfText('Independent Travel Training')).toEqual(['travel']);
    expect(topicsOfText('Supported living and life skills')).toEqual(['independent_living']);
    // "network" is not work, "start" is not art; nothing known is no topic.
    expect(topicsOfText('A network to start things')).toEqual([]);
    expect(topicsOfText(null, undefined, '')).toEqual([]);
  });

  it('gives every pathway topics to look for', () => {
    for (const pathway of PATHWAYS) {
      expect(PATHWAY_TOPICS[pathway].length).toBeGreaterThan(0);
      for (const topic of PATHWAY_TOPICS[pathway]) expect(SERVICE_TOPICS).toContain(topic);
    }
  });
});

describe('what helps with each step', () => {
  const milestones = Object.values(RULE_PACKS).flatMap((pack) => pack.milestones);

  it('names only steps the rule packs have, and topics there are', () => {
    const ids = new Set(milestones.map((milestone) => milestone.id));
    for (const [id, topics] of Object.entries(MILESTONE_TOPICS)) {
      expect(ids, id).toContain(id);
      for (const topic of topics) expect(SERVICE_TOPICS).toContain(topic);
    }
  });

  it('gives a step its own topics, else its pathway’s', () => {
    expect(topicsForMilestone('pip_claim', 'finance_legal')).toEqual(['money']);
    expect(topicsForMilestone('review_report', 'education')).toEqual(['advice']);
    expect(topicsForMilestone('health_transfer', 'health')).toEqual(PATHWAY_TOPICS.health);
  });
});

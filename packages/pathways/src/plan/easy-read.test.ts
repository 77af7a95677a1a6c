import { describe, expect, it } from 'vitest';
import { packIn, RULE_PACKS } from '../rule-packs/index.ts';
import { PLAN_LANGUAGES } from '../rule-packs/types.ts';
import { planMilestones } from './build-plan.ts';
import { sentencesOf, spellOutAbbreviations } from './easy-read.ts';

const EVERY_PACK_IN_EVERY_LANGUAGE = [
  ...new Set(Object.values(RULE_PACKS).flatMap((pack) => PLAN_LANGUAGES.map((language) => packIn(pack, language)))),
];
const ABBREVIATION = /\b[A-ZÆØÅ]{2,}\b/g;
const SPEAKS_TO_READER = { 'en-GB': /\b(you|your)\b/i, 'da-DK': /\b(du|dig|din|dit|dine)\b/i };

describe('Easy Read', () => {
  it('spells out an abbreviation the first time it is used, and only then', () => {
    const words = { PIP: 'Personal Independence Payment', DWP: 'Department for Work and Pensions' };
    const said = new Set<string>();
    expect(spellOutAbbreviations('Claim PIP from the DWP.', words, said)).toBe(
      'Claim PIP (Personal Independence Payment) from the DWP (Department for Work and Pensions).',
    );
    expect(spellOutAbbreviations('PIP is decided by the DWP.', words, said)).toBe('PIP is decided by the DWP.');
  });

  it('leaves an abbreviation that already follows its words in brackets', () => {
    expect(
      spellOutAbbreviations('the children’s mental health team (CAMHS)', {
        CAMHS: 'children’s mental health services',
      }),
    ).toBe('the children’s mental health team (CAMHS)');
  });

  it.each(EVERY_PACK_IN_EVERY_LANGUAGE.map((pack) => [`${pack.name} (${pack.locale})`, pack] as const))(
    '%s: every abbreviation a young person reads is in the pack’s words, and no sentence is long',
    (_name, pack) => {
      for (const rule of pack.milestones) {
        for (const text of [rule.title, rule.description]) {
          for (const [abbreviation] of text.matchAll(ABBREVIATION))
            expect(pack.abbreviations[abbreviation], `${rule.id}: ${abbreviation}`).toBeTruthy();
        }
        for (const sentence of [...sentencesOf(rule.description), ...sentencesOf(rule.familyDescription)])
          expect(sentence.split(/\s+/).length, `${rule.id}: ${sentence}`).toBeLessThanOrEqual(20);
        // The family's text is about the young person by name ("you" is the parent, so no "your plan").
        expect(rule.familyDescription, rule.id).toContain('{name}');
        if (pack.locale === 'en-GB') expect(rule.familyDescription, rule.id).not.toMatch(/\byour\b/i);
        // A title that speaks to the young person has one for the family.
        if (SPEAKS_TO_READER[pack.locale].test(rule.title)) expect(rule.familyTitle, rule.id).toContain('{name}');
      }
    },
  );

  it('comes with every milestone of a plan, in the plan’s language', () => {
    const maya = planMilestones({ dateOfBirth: '2012-03-03', jurisdiction: 'england', hasEhcPlan: true }, [], {
      asOf: '2027-10-01',
    });
    expect(maya.find((m) => m.id === 'year9_pfa_review')?.easyRead).toEqual({
      title: 'Year 9 review: planning for adult life',
      sentences: [
        'At your review in Year 9, everyone starts planning for when you are an adult.',
        'You talk about work, where you live, friends and health.',
        'This happens at every review after that too.',
      ],
      familyTitle: 'Year 9 review: planning for adult life',
      familySentences: [
        'At {name}’s review in Year 9, everyone starts planning for when {name} is an adult.',
        'They talk about work, where {name} will live, friends and health.',
        'This happens at every review after that too.',
      ],
    });
    expect(maya.find((m) => m.id === 'annual_review')?.easyRead.title).toBe(
      'Yearly review of your EHC (education, health and care) plan',
    );
    const sofie = planMilestones({ dateOfBirth: '2009-06-15', jurisdiction: 'denmark', learningDisability: true }, [], {
      asOf: '2026-11-22',
    });
    expect(sofie.find((m) => m.id === 'dk_kui_education_plan')?.easyRead.sentences[1]).toBe(
      'En vejleder fra kommunens ungeindsats (KUI) hjælper dig.',
    );
  });
});

import type { MilestoneRule, RulePack } from '../rule-packs/types.ts';

/**
 * A milestone in Easy Read: its title, and its description one short sentence to a line (each
 * shown beside a picture), with every abbreviation said in words the first time it is used
 * ("EHC (education, health and care) plan"), as the Easy Read conventions ask.
 */
export type EasyRead = {
  title: string;
  sentences: string[];
  /** The family's title and description in Easy Read (`{name}` for the young person's name). */
  familyTitle: string;
  familySentences: string[];
};

/** Where one sentence ends and the next begins with a capital ("9. klasse" is no sentence end). */
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-ZÆØÅ“"‘({])/;

export function sentencesOf(text: string): string[] {
  return text.split(SENTENCE_END);
}
const ABBREVIATION = /\(?\b[A-ZÆØÅ]{2,}\b\)?/g;

const memo = new WeakMap<MilestoneRule, EasyRead>();

/** The Easy Read text of a rule in its pack's language (worked out once per rule). */
export function easyReadOf(rule: MilestoneRule, pack: Pick<RulePack, 'abbreviations'>): EasyRead {
  let easy = memo.get(rule);
  if (!easy) {
    const explained = new Set<string>();
    const spell = (text: string) => spellOutAbbreviations(text, pack.abbreviations, explained);
    const title = spell(rule.title);
    const sentences = sentencesOf(rule.description).map(spell);
    // The family reads the title and their own lines: abbreviations are spelled out afresh for them.
    const forFamily = new Set<string>();
    const familyTitle = spellOutAbbreviations(rule.familyTitle ?? rule.title, pack.abbreviations, forFamily);
    const familySentences = sentencesOf(rule.familyDescription).map((text) =>
      spellOutAbbreviations(text, pack.abbreviations, forFamily),
    );
    easy = { title, sentences, familyTitle, familySentences };
    memo.set(rule, easy);
  }
  return easy;
}

/**
 * Adds the words of each abbreviation after its first use ("PIP" → "PIP (Personal Independence
 * Payment)"), unless the text already gives it in brackets after the words ("the children’s
 * mental health team (CAMHS)"). `explained` carries what was said across a milestone's lines.
 */
export function spellOutAbbreviations(
  text: string,
  abbreviations: Record<string, string>,
  explained: Set<string> = new Set(),
): string {
  return text.replace(ABBREVIATION, (match) => {
    const isBracketed = match.startsWith('(') && match.endsWith(')');
    const word = match.replace(/[()]/g, '');
    const words = abbreviations[word];
    if (!words || explained.has(word)) return match;
    explained.add(word);
    if (isBracketed) return match;
    return `${match} (${words})`;
  });
}

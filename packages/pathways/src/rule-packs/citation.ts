import type { Source } from './types.ts';

/** A rule's legal source on one line: "SEND Regulations 2014, reg. 18(1)(a)". */
export function citationOf(source: Source): string {
  return [source.document, source.section].filter(Boolean).join(', ');
}

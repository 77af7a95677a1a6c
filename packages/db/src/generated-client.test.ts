import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the committed Prisma client', () => {
  it('was generated from the current prisma/schema.prisma (run `npm run generate -w @pathways/db` after changing it)', () => {
    const schema = readFileSync(new URL('../../../prisma/schema.prisma', import.meta.url), 'utf8');
    const generated = readFileSync(new URL('./generated/prisma/internal/class.ts', import.meta.url), 'utf8');
    const match = /"inlineSchema": ("(?:[^"\\]|\\.)*")/.exec(generated);
    expect(match, 'generated client embeds its schema').not.toBeNull();
    expect(JSON.parse(match?.[1] ?? '""')).toBe(schema);
  });
});

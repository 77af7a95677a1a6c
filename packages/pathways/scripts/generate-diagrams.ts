/**
 * Writes the machines' state diagrams into docs/pathways.md, between the markers
 * `<!-- diagrams:start -->` and `<!-- diagrams:end -->`. Run after changing a machine:
 *
 *   npm run diagrams -w @pathways/engine
 *
 * A test (state-diagram.test.ts) fails while the document is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderDiagramSection } from '../src/machines/diagram-section.ts';

const path = fileURLToPath(new URL('../../../docs/pathways.md', import.meta.url));
const document = readFileSync(path, 'utf8');
const start = document.indexOf('<!-- diagrams:start -->');
const end = document.indexOf('<!-- diagrams:end -->');
if (start < 0 || end < start) throw new Error(`${path} has no diagram markers`);
writeFileSync(path, document.slice(0, start) + renderDiagramSection() + document.slice(end));
console.log(`Wrote the state diagrams into ${path}`);

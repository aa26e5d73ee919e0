/** `npm run docs:definitions`: writes the definition tables of api/reports/definition-texts.ts into docs/reports.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withDefinitionTables } from '../api/reports/definitions.ts';

const file = fileURLToPath(new URL('../docs/reports.md', import.meta.url));
const before = readFileSync(file, 'utf8');
const after = withDefinitionTables(before);
writeFileSync(file, after);
console.log(after === before ? 'docs/reports.md already matches the definitions.' : 'Wrote the definition tables into docs/reports.md.');

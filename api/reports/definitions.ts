/**
 * Every reported figure's definition, written once: /admin/definitions renders it (one anchor per figure) and
 * `npm run docs:definitions` writes the same tables into docs/reports.md (a test keeps the two equal).
 */
import { FIGURE_TEXTS, type DefinitionGroup, type DefinitionSection } from './definition-texts.ts';

export type { Definition, DefinitionGroup, DefinitionSection } from './definition-texts.ts';

export const DEFINITIONS: readonly DefinitionSection[] = FIGURE_TEXTS;

/** The anchor of a figure in a section: its own name where the name first appears, else `<group>-<name>`. */
const anchors = new Map<string, string>();
{
  const taken = new Set<string>();
  for (const section of DEFINITIONS) {
    for (const figure of section.figures) {
      for (const name of figure.names) {
        const anchor = taken.has(name) ? `${section.group}-${name}` : name;
        taken.add(name);
        anchors.set(`${section.group}:${name}`, anchor);
      }
    }
  }
}

/** The anchor id of a figure as a section defines it (the page's `id`). */
export function definitionAnchor(group: DefinitionGroup, name: string): string {
  const anchor = anchors.get(`${group}:${name}`);
  if (!anchor) throw new Error(`No definition of "${name}" in the ${group} section of api/reports/definition-texts.ts`);
  return anchor;
}

/** The dashboard link to a figure's definition. */
export function definitionHref(group: DefinitionGroup, name: string): string {
  return `/admin/definitions#${definitionAnchor(group, name)}`;
}

/** A section as the Markdown table docs/reports.md holds. */
export function definitionTable(group: DefinitionGroup): string {
  const section = DEFINITIONS.find((s) => s.group === group);
  if (!section) throw new Error(`No definitions for ${group}`);
  const rows = section.figures.map((f) => `| ${f.names.map((n) => `\`${n}\``).join(', ')} | ${f.text.replace(/\|/g, '\\|')} |`);
  return ['| field | definition |', '|---|---|', ...rows].join('\n');
}

const BEGIN = (group: string) => `<!-- definitions:${group} (generated from api/reports/definition-texts.ts by npm run docs:definitions; edit there) -->`;
const END = (group: string) => `<!-- /definitions:${group} -->`;

/** docs/reports.md with every generated table replaced by the current definitions. */
export function withDefinitionTables(markdown: string): string {
  let out = markdown;
  for (const { group } of DEFINITIONS) {
    const begin = BEGIN(group);
    const start = out.indexOf(begin);
    const end = out.indexOf(END(group));
    if (start < 0 || end < start) throw new Error(`docs/reports.md has no ${begin} ... ${END(group)} block`);
    out = `${out.slice(0, start)}${begin}\n${definitionTable(group)}\n${out.slice(end)}`;
  }
  return out;
}

/** Splits Markdown with `code` spans into parts a page renders as text and <code>, never as HTML. */
export function inlineParts(text: string): Array<{ code: boolean; text: string }> {
  return text.split('`').map((part, i) => ({ code: i % 2 === 1, text: part })).filter((p) => p.text !== '');
}

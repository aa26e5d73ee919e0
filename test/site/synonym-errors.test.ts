import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SynonymFileError, parseSynonyms } from '../../api/search/synonyms.ts';
import { buildIndex } from '../../api/search/build-index.ts';
import { projectCopy, removeCopy } from '../helpers/project-copy.ts';

let dir: string;

/** A copy of the project's site with the fixture content, where the synonym file can be broken. */
beforeAll(() => {
  dir = projectCopy('kb-synonyms-');
  mkdirSync(join(dir, 'content/synonyms'), { recursive: true });
});
afterAll(() => removeCopy(dir));

async function syncError(file: string, text: string): Promise<string> {
  writeFileSync(join(dir, 'content/synonyms', file), text);
  const { sync } = await import('astro');
  try {
    await sync({ root: dir, logLevel: 'silent' });
  } catch (err) {
    return err instanceof Error ? `${err.message} ${err.cause instanceof Error ? err.cause.message : ''}` : String(err);
  } finally {
    rmSync(join(dir, 'content/synonyms', file));
  }
  return '';
}

describe('synonym files', () => {
  it('fail the build naming the file and the line of a rule that is neither a group nor a mapping', async () => {
    const message = await syncError('en.yml', '- [refund, money back]\n- unsubscribe -> cancel subscription\n- refund, reimburse\n');
    expect(message).toContain('content/synonyms/en.yml:3:3');
    expect(message).toContain('neither a group nor a one-way mapping');
  });

  it('fail the build on YAML that does not parse, with its line', async () => {
    const message = await syncError('en.yml', '- [refund, money back]\n- [cancel, stop\n');
    expect(message).toMatch(/content\/synonyms\/en\.yml:\d+:\d+: not valid YAML/);
  });

  it('fail the build on a file named for no locale', async () => {
    expect(await syncError('de.yml', '- [a, b]\n')).toContain('content/synonyms/de.yml:1:1: "de" is not a locale');
  });
});

describe('synonym rules', () => {
  it('reads groups and one-way mappings with their lines', () => {
    const rules = parseSynonyms('# comment\n- [refund, money back]\n\n- unsubscribe -> cancel subscription, stop paying\n', 'x.yml');
    expect(rules).toEqual([
      { kind: 'group', phrases: ['refund', 'money back'], line: 2 },
      { kind: 'oneWay', phrases: ['unsubscribe', 'cancel subscription', 'stop paying'], line: 4 },
    ]);
    expect(parseSynonyms('', 'x.yml')).toEqual([]);
  });

  it('refuses a group of one, a mapping, a file that is not a list, and an empty side, with the line', () => {
    const cases: [string, RegExp][] = [
      ['- [refund]\n', /x\.yml:1:3: a group needs at least two/],
      ['refund: money back\n', /x\.yml:1:1: the file must be a YAML list/],
      ['- [a, b]\n- " -> cancel"\n', /x\.yml:2:3: an empty word or phrase/],
      ['- [a, b]\n- {refund: money}\n', /x\.yml:2:3: each item must be a group/],
    ];
    for (const [text, pattern] of cases) expect(() => parseSynonyms(text, 'x.yml'), text).toThrow(pattern);
  });

  it('refuses at build time a phrase search can never match (stop words only), naming the line', () => {
    const rules = parseSynonyms('- [refund, money back]\n- how to -> refund\n', 'content/synonyms/en.yml');
    expect(() => buildIndex('en', 'en', [], { file: 'content/synonyms/en.yml', rules })).toThrow(SynonymFileError);
    expect(() => buildIndex('en', 'en', [], { file: 'content/synonyms/en.yml', rules })).toThrow('content/synonyms/en.yml:2:1: "how to" has only words search ignores');
  });
});

import { describe, expect, it } from 'vitest';
import { contactReference, isContactReference } from '../../api/contact/reference.ts';

describe('contact references', () => {
  it('gives each request id its own short reference, KB- and 5 characters nobody misreads', () => {
    const seen = new Set<string>();
    for (let id = 1; id <= 200_000; id++) seen.add(contactReference(id));
    expect(seen.size).toBe(200_000);
    for (const r of [...seen].slice(0, 1000)) expect(r).toMatch(/^KB-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('does not read as a counter: consecutive requests differ in more than the last character', () => {
    const [a, b] = [contactReference(41), contactReference(42)];
    expect(a.slice(0, -1)).not.toBe(b.slice(0, -1));
  });

  it('grows a character instead of repeating once 5 characters are used up', () => {
    expect(contactReference(2 ** 25 - 1)).toMatch(/^KB-.{5}$/);
    expect(contactReference(2 ** 25)).toMatch(/^KB-.{6}$/);
  });

  it('tells a reference from other text, for the confirmation page', () => {
    expect(isContactReference(contactReference(7))).toBe(true);
    for (const text of ['KB-7F3Q', 'KB-7F3QI', 'kb-7f3q2', '<b>KB-7F3Q2</b>', 'KB-7F3Q2 ']) expect(isContactReference(text)).toBe(false);
  });
});

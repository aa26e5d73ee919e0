/**
 * The one validation hook: zod issues become `details` a person can act on, each naming where
 * (`{ path: 'events[3].seconds', message: 'must be <= 1800' }`), answered as a 400 in the one error envelope.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import type { ErrorDetail } from '../../db/shared/errors.ts';
import { fail } from '../errors.ts';

type Path = readonly PropertyKey[];

/** `['events', 3, 'seconds']` -> `events[3].seconds`; the empty path is the whole body. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || 'body';
}

function valueAt(input: unknown, path: Path): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

const quoteList = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function sizeMessage(issue: { origin: string; inclusive?: boolean }, bound: unknown, big: boolean): string {
  const [cmp, most] = big ? ['<=', 'at most'] : ['>=', 'at least'];
  if (issue.origin === 'string') {
    return !big && bound === 1 ? 'must not be empty' : `must be ${most} ${String(bound)} characters`;
  }
  if (issue.origin === 'array') return `must hold ${most} ${String(bound)} items`;
  return `must be ${cmp} ${String(bound)}`;
}

/** One detail per problem, in input order, for the 400 answer. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown, unknownKey = 'unknown field'): ErrorDetail[] {
  const lines: ErrorDetail[] = [];
  for (const issue of issues) {
    const where = formatPath(issue.path);
    const value = valueAt(input, issue.path);
    switch (issue.code) {
      case 'invalid_type':
        lines.push({
          path: where,
          message:
            value === undefined
              ? 'is required'
              : issue.expected === 'int' && typeof value === 'number'
                ? 'must be a whole number'
                : `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(value)}`,
        });
        break;
      case 'too_big':
        lines.push({ path: where, message: `${sizeMessage(issue, issue.maximum, true)}` });
        break;
      case 'too_small':
        lines.push({ path: where, message: `${sizeMessage(issue, issue.minimum, false)}` });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) lines.push({ path: formatPath([...issue.path, key]), message: unknownKey });
        break;
      case 'invalid_value':
        lines.push({ path: where, message: `${value === undefined ? 'is required, one of' : 'must be one of'} ${quoteList(issue.values)}` });
        break;
      case 'invalid_union': {
        const options = (issue as { options?: unknown[] }).options;
        if (options) {
          const what = value === undefined ? 'is required' : `${JSON.stringify(value)} is not a known type`;
          lines.push({ path: where, message: `${what}; use one of ${quoteList(options)}` });
          break;
        }
        lines.push({ path: where, message: `${issue.message}` });
        break;
      }
      default:
        lines.push({ path: where, message: `${issue.message}` });
    }
  }
  return lines;
}

/** Answers a 400 saying what is wrong with the input, and where. */
export function invalid(message: string, issues: readonly z.core.$ZodIssue[], input: unknown, unknownKey?: string): never {
  return fail(400, message, describeIssues(issues, input, unknownKey));
}

/** zValidator with the one hook: a route declares its input's schema and what to say when the input is not valid. */
export function validated<Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema, message: string) {
  return zValidator(target, schema, (result) => {
    if (!result.success) invalid(message, result.error.issues, result.data, target === 'query' ? 'unknown parameter' : undefined);
  });
}

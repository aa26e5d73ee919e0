/** Turns zod issues into sentences a person can act on, each naming where: `events[3].seconds: must be <= 1800`. */
import type { z } from 'zod';

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

/** One line per problem, in input order, for the 400 answer's `details`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const where = formatPath(issue.path);
    const value = valueAt(input, issue.path);
    switch (issue.code) {
      case 'invalid_type':
        lines.push(
          value === undefined
            ? `${where}: is required`
            : issue.expected === 'int' && typeof value === 'number'
              ? `${where}: must be a whole number`
              : `${where}: must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(value)}`,
        );
        break;
      case 'too_big':
        lines.push(`${where}: ${sizeMessage(issue, issue.maximum, true)}`);
        break;
      case 'too_small':
        lines.push(`${where}: ${sizeMessage(issue, issue.minimum, false)}`);
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) lines.push(`${formatPath([...issue.path, key])}: unknown field`);
        break;
      case 'invalid_value':
        lines.push(`${where}: ${value === undefined ? 'is required, one of' : 'must be one of'} ${quoteList(issue.values)}`);
        break;
      case 'invalid_union': {
        const options = (issue as { options?: unknown[] }).options;
        if (options) {
          const what = value === undefined ? 'is required' : `${JSON.stringify(value)} is not a known type`;
          lines.push(`${where}: ${what}; use one of ${quoteList(options)}`);
          break;
        }
        lines.push(`${where}: ${issue.message}`);
        break;
      }
      default:
        lines.push(`${where}: ${issue.message}`);
    }
  }
  return lines;
}

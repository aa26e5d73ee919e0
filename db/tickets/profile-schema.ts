/** The zod schema of a mapping profile (presets and users' own files): what a profile may say, checked before use. */
import { z } from 'zod';
import { FIELD_NAMES, REQUIRED_FIELDS } from './ticket-fields.ts';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const OneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** A test on a column of the same row; exactly one of is / isNot / gt / present. */
const Condition = z
  .strictObject({
    column: z.string().min(1),
    is: OneOrMany.optional(),
    isNot: OneOrMany.optional(),
    gt: z.number().optional(),
    present: z.boolean().optional(),
  })
  .refine((c) => [c.is, c.isNot, c.gt, c.present].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one test: is, isNot, gt or present',
  });

const Unit = z.enum(['seconds', 'minutes', 'hours']);

/** Where one field's value comes from. */
const Source = z
  .strictObject({
    /** The column, or several spellings of it (the first present in the file is used). */
    column: OneOrMany.optional(),
    /** Several columns whose values are joined (e.g. a date column and a time column). */
    columns: z.array(z.string().min(1)).min(2).optional(),
    join: z.string().max(10).optional(),
    /** A constant, or the value taken when `when` holds. */
    value: Scalar.optional(),
    when: z.array(Condition).min(1).optional(),
    /** The value when `when` does not hold (default: missing). */
    else: Scalar.nullable().optional(),
    /** Value map, matched exactly first, then ignoring case; a value it lacks is kept as it is. */
    map: z.record(z.string(), Scalar.nullable()).optional(),
    /** Extra missing-value markers for this field only. */
    missing: z.array(z.string()).optional(),
    /** Luxon date formats, tried in order (ISO 8601 is always tried last). */
    formats: z.array(z.string().min(1)).min(1).optional(),
    /** Time fields: the value is a duration after `from` (default created_at), not a date. */
    duration: Unit.optional(),
    from: z.enum(['created_at', 'first_response_at', 'solved_at']).optional(),
    /** Seconds fields: the unit the column is written in (numbers, or H:MM:SS). */
    unit: Unit.optional(),
    /** Time of day earlier than created_at means the next day (a call that crosses midnight). */
    rollover: z.boolean().optional(),
    /** Tags: characters that separate tags in the value. */
    split: z.string().min(1).optional(),
    /** Refuse the file when this source's columns are missing from its header. */
    required: z.boolean().optional(),
  })
  .refine((s) => [s.column, s.columns].filter((v) => v !== undefined).length <= 1, {
    message: 'give either column or columns, not both',
  })
  .refine((s) => s.column !== undefined || s.columns !== undefined || s.value !== undefined, {
    message: 'give a column, columns or a value',
  })
  .refine((s) => !(s.duration && s.formats), { message: 'a duration has no date formats' });

const FieldSpec = z.union([z.string().min(1), Source, z.array(z.union([z.string().min(1), Source])).min(1)]);

const fieldShape = Object.fromEntries(FIELD_NAMES.map((f) => [f, FieldSpec.optional()])) as Record<
  (typeof FIELD_NAMES)[number],
  z.ZodOptional<typeof FieldSpec>
>;

export const ProfileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().max(100).optional(),
    description: z.string().max(2000).optional(),
    /** The default --source: the system the tickets come from. */
    source: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/i, 'letters, digits, _ . - (at most 64)')
      .optional(),
    /** The zone local times in the file are in, unless --tz says otherwise. */
    timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin').optional(),
    /** Values meaning "no value" in every column (default: empty). */
    missing: z.array(z.string()).optional(),
    /** Date formats for every date field that gives none (ISO 8601 is always tried last). */
    dateFormats: z.array(z.string().min(1)).optional(),
    fields: z.strictObject(fieldShape),
  })
  .superRefine((p, ctx) => {
    for (const f of REQUIRED_FIELDS) {
      if (!p.fields[f]) ctx.addIssue({ code: 'custom', path: ['fields', f], message: `${f} is required` });
    }
  });

export type Profile = z.infer<typeof ProfileSchema>;
export type SourceSpec = z.infer<typeof Source>;
export type ConditionSpec = z.infer<typeof Condition>;
export type FieldSpecValue = z.infer<typeof FieldSpec>;

/** The contact form's fields and their limits, checked the same way for the page's post, the JSON API and urlencoded posts. */
import { z } from 'zod';

export const LIMITS = { email: 254, subject: 200, message: 5000, account: 100 } as const;

/** Names of the form's inputs; the honeypot's name looks like a field a bot would fill. */
export const FIELD = { honeypot: 'website', token: 't' } as const;

export type FieldName = 'email' | 'subject' | 'message' | 'account' | 'locale' | 'from' | 'form';
export type ErrorCode = 'required' | 'invalid_email' | 'too_long' | 'invalid' | 'honeypot' | 'too_fast' | 'bad_token' | 'expired' | 'already_sent' | 'rate_limited' | 'cross_site';

/** One problem, with a code the page translates and an English message for API clients. */
export interface FieldError {
  field: FieldName;
  code: ErrorCode;
  message: string;
}

const text = (max: number) => z.string().trim().max(max, { error: `must be at most ${max} characters` });
const required = (max: number) => text(max).min(1, { error: 'is required' });

export const ContactFields = z.object({
  email: required(LIMITS.email).pipe(z.email({ error: 'must be an email address such as name@example.com' })),
  subject: required(LIMITS.subject),
  message: required(LIMITS.message),
  account: text(LIMITS.account).optional().transform((v) => v || undefined),
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { error: 'must be a language code such as en or fa' })
    .default('en'),
  from: z
    .string()
    .max(200)
    .regex(/^[\p{L}\p{N}_-]+$/u, { error: 'must be an article slug' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
export type ContactInput = z.infer<typeof ContactFields>;

const codeOf = (issue: z.core.$ZodIssue): ErrorCode => {
  if (issue.code === 'too_big') return 'too_long';
  if (issue.code === 'too_small') return 'required';
  if (issue.code === 'invalid_type') return 'required';
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'invalid_email';
  return 'invalid';
};

const LABEL: Record<string, string> = { email: 'Email', subject: 'Subject', message: 'Message', account: 'Order or account', locale: 'Language', from: 'From' };

/** Parses posted fields into a request, or lists what is wrong per field (first problem per field). */
export function parseFields(input: Record<string, unknown>): { ok: true; value: ContactInput } | { ok: false; errors: FieldError[] } {
  const parsed = ContactFields.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form') as FieldName;
    if (errors.some((e) => e.field === field)) continue;
    const code = codeOf(issue);
    const message = code === 'required' ? 'is required' : issue.message;
    errors.push({ field, code, message: `${LABEL[field] ?? field} ${message}.` });
  }
  return { ok: false, errors };
}

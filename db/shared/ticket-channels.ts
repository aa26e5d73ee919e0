/** The canonical ticket channels (SPEC 6), apart from the table so the import worker loads no Drizzle. */
export const CHANNELS = ['email', 'web', 'chat', 'phone', 'social', 'sms', 'api', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What demo visitors look like: browsers, referrers, when in the day and week they come (their words: locale-phrases.ts). */

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
];

export const REFERRERS = ['https://www.google.com/', 'https://www.google.com/', 'https://www.bing.com/', 'https://app.fernbook.example/settings', 'https://duckduckgo.com/'];

/** Share of help-center sessions per hour of the day (local time): office hours, a lunch dip, quiet nights. */
export const HOUR_WEIGHTS = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 4.5, 6, 6.5, 6.2, 5, 5.6, 6.3, 6, 5.4, 4.5, 3.6, 3.2, 3, 2.6, 2, 1.4];

/** Share of a normal day's volume, Monday = 1 ... Sunday = 7. */
export const WEEKDAY_TRAFFIC = [0, 1.15, 1.1, 1.06, 1.02, 0.92, 0.58, 0.52];
export const WEEKDAY_TICKETS = [0, 1.3, 1.18, 1.1, 1.04, 0.92, 0.42, 0.36];

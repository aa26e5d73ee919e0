/** Bot detection by user agent (the maintained `isbot` list), remembered per user-agent string. */
import { isbot } from 'isbot';

// isbot runs one large regular expression (~8 µs); a site sees few distinct user agents, so answers are kept.
const known = new Map<string, boolean>();
const MAX_KNOWN = 5000;

/** True for crawlers, headless browsers and HTTP libraries; a missing user agent is not a browser either. */
export function isBot(userAgent: string): boolean {
  if (!userAgent) return true;
  let answer = known.get(userAgent);
  if (answer === undefined) {
    answer = isbot(userAgent);
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(userAgent, answer);
  }
  return answer;
}

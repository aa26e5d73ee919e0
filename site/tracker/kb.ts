/** The help-center tracker (SPEC 5.1, docs/contracts.md): one closure, no dependencies, no cookies or storage. */
import type { PageEventDetail, TrackEvent } from '../../db/shared/event.ts';

((d, w, n) => {
  /** Global Privacy Control or Do Not Track: send nothing at all. */
  const trackingDisabled = () =>
    (n as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true ||
    n.doNotTrack === '1' ||
    (w as Window & { doNotTrack?: string }).doNotTrack === '1';

  const script = d.currentScript as HTMLScriptElement | null;
  // Loaded twice on one page (an embed plus the site's own tag): the first copy does the work.
  if (trackingDisabled() || (w as Window & { kbTracker?: 1 }).kbTracker) return;
  (w as Window & { kbTracker?: 1 }).kbTracker = 1;

  const data = script?.dataset ?? {};
  const api = data.api ?? '/api/events';
  const contactPath = new URL(data.contactUrl ?? '/contact', location.href).pathname.replace(/\/$/, '');
  const pv = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => (b | 256).toString(16).slice(1)).join('');
  const meta = d.querySelector<HTMLMetaElement>('meta[name="kb:article"]')?.content;
  const base = {
    pv,
    path: location.pathname.slice(0, 1000),
    locale: d.documentElement.lang.slice(0, 35) || undefined,
    article: meta || undefined,
  };

  /** sendBeacon (a text/plain body: no CORS preflight), else fetch with keepalive; failures are swallowed. */
  const send = (event: TrackEvent) => {
    const body = JSON.stringify(event);
    try {
      if (n.sendBeacon?.(api, body)) return;
      fetch(api, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {});
    } catch {
      /* never break the page */
    }
  };

  // Engaged time: the page is visible and the user did something within the last 15 s.
  const IDLE = 15e3;
  const now = () => Date.now();
  let visible = d.visibilityState !== 'hidden';
  let activeAt = now();
  let countedTo = activeAt;
  let engaged = 0;
  let depth = 0;
  let sent = '';

  /** Adds the engaged time between the last count and `t`, stopping 15 s after the last activity. */
  const count = (t = now()) => {
    if (visible) engaged += Math.max(0, Math.min(t, activeAt + IDLE) - countedTo);
    countedTo = t;
  };
  const onActive = () => {
    count();
    activeAt = countedTo;
  };
  const measureScroll = () => {
    const el = d.documentElement;
    const seen = ((w.scrollY + w.innerHeight) / Math.max(el.scrollHeight, 1)) * 100;
    depth = Math.max(depth, Math.min(100, Math.round(seen)));
  };
  /** Sends a read when engaged seconds or depth changed since the last one (hide, pagehide and unload all fire). */
  const sendRead = () => {
    count();
    const seconds = Math.min(1800, Math.round(engaged / 1e3));
    const key = `${seconds}/${depth}`;
    if (key === sent || (!seconds && !sent)) return;
    sent = key;
    send({ ...base, type: 'read', seconds, scroll: depth });
  };

  const on = (target: EventTarget, type: string, fn: (e: Event) => void) =>
    target.addEventListener(type, fn, { capture: true, passive: true });

  for (const type of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart']) on(d, type, onActive);
  on(w, 'scroll', () => {
    onActive();
    measureScroll();
  });
  on(d, 'visibilitychange', () => {
    count();
    visible = d.visibilityState !== 'hidden';
    if (visible) activeAt = countedTo;
    else sendRead();
  });
  // Beacons sent from pagehide during a same-tab navigation can be lost; beforeunload ones arrive.
  on(w, 'pagehide', sendRead);
  on(w, 'beforeunload', sendRead);
  setInterval(() => {
    if (visible && now() - activeAt < IDLE) sendRead();
  }, IDLE);

  on(d, 'click', (e) => {
    const el = (e.target as Element | null)?.closest?.('a[href],[data-kb-contact]');
    if (!el) return;
    const link = el instanceof HTMLAnchorElement ? el : null;
    const toContact = link && link.origin === location.origin && link.pathname.replace(/\/$/, '').endsWith(contactPath);
    if (el.hasAttribute('data-kb-contact') || toContact) send({ ...base, type: 'contact', via: 'cta' });
    // Leaving through a link: report reading now rather than trusting pagehide.
    if (link && link.origin + link.pathname !== location.origin + location.pathname) sendRead();
  });
  on(d, 'submit', (e) => {
    if ((e.target as Element).matches('form[data-kb-contact-form]')) send({ ...base, type: 'contact', via: 'form' });
  });
  // Page scripts report what only they know (votes, searches, suggestions) through one DOM event.
  on(d, 'kb:track', (e) => {
    const detail = (e as CustomEvent<PageEventDetail>).detail;
    if (detail?.type) send({ ...base, ...detail, pv } as TrackEvent);
  });

  measureScroll();
  send({ ...base, type: 'view', referrer: d.referrer.slice(0, 1000) || undefined });
})(document, window, navigator);

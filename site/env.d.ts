/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The running instance (database, API app, config), handed over by api/server.ts. */
    kb: import('../api/runtime.ts').Runtime;
  }
}

interface ImportMetaEnv {
  /** True under `astro dev` only (site/integrations/drafts.ts): pages then show `draft: true` articles with a banner. */
  readonly KB_SHOW_DRAFTS: boolean;
}

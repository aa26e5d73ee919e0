/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The running instance (database, API app, config), handed over by api/server.ts. */
    kb: import('../api/runtime.ts').Runtime;
  }
}

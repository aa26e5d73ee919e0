/** Tells pages whether drafts are shown: only by `astro dev`, whatever NODE_ENV or mode a build runs with (SPEC 3). */
import type { AstroIntegration } from 'astro';

export function drafts(): AstroIntegration {
  return {
    name: 'kb:drafts',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // Not import.meta.env.DEV: a build started under vitest (NODE_ENV=test) would count as development.
        updateConfig({ vite: { define: { 'import.meta.env.KB_SHOW_DRAFTS': JSON.stringify(command === 'dev') } } });
      },
    },
  };
}

/**
 * Keeps `astro build` from pre-bundling the dev server's browser dependencies. Astro asks Vite to optimize the dev
 * toolbar's modules (and whatever the pages' scripts import) for the client environment of every Vite server it
 * makes, including the short-lived one that syncs content during a build, where nothing is ever served: on this
 * machine that bundling was 1.5-2 s of every cold build. `astro dev` is left as Astro sets it.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

const noClientPrebundle: Plugin = {
  name: 'kb:no-client-prebundle',
  // After Astro's own environment settings, which add the toolbar's modules to the list.
  enforce: 'post',
  configEnvironment(name, options) {
    if (name === 'client') options.optimizeDeps = { ...options.optimizeDeps, noDiscovery: true, include: [] };
  },
};

export function buildDeps(): AstroIntegration {
  return {
    name: 'kb:build-deps',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { plugins: [noClientPrebundle] } });
      },
    },
  };
}

// @ts-nocheck
// How dist/cli.js is built (tsup.config.ts's CLI entry, and test/cli/helpers.ts for the CLI tests): ES modules with
// credstack and its dependencies bundled, split into chunks loaded on demand (main.ts imports only the command that
// runs), so that a cold `credstack verify` reads a few dozen chunks instead of resolving and compiling hundreds of
// modules in node_modules. Not minified: the jsonld fast path checks the source text of what it replaces. Only the HTTP service's dependencies (fastify, the OAuth
// provider, PostgreSQL / PGlite: `credstack serve`, which loads its WebAssembly next to its own module) stay external.
//
// jsonld's default Node document loader (documentLoaders/node.js, which pulls in @digitalbazaar/http-client, ky and
// undici) is replaced by a stub: credstack always passes its own offline document loader, so that code is never used
// by the CLI. The stub is installed as jsonld's default, so a code path that forgot its loader fails closed (no
// network) instead of fetching. The build fails when jsonld no longer has that module (test/cli/bundle.test.ts also
// checks the module is there and that the bundle does not contain it).
import type { Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/** jsonld's Node document loader, as platform.js requires it. */
export const JSONLD_NODE_LOADER = 'jsonld/lib/documentLoaders/node.js';

/** What the CLI bundle has instead of jsonld's Node document loader: a loader that refuses every URL. */
export const JSONLD_NODE_LOADER_STUB = `'use strict';
module.exports = function credstackNoDefaultLoader() {
  return async function (url) {
    const err = new Error('credstack: jsonld has no default document loader in the CLI (asked for ' + String(url).slice(0, 200) + ')');
    err.name = 'jsonld.LoadDocumentError';
    err.details = { code: 'loading document failed', url: url };
    throw err;
  };
};
`;

/** esbuild plugin: resolve jsonld's `./documentLoaders/node` to {@link JSONLD_NODE_LOADER_STUB}; fail the build if never seen. */
export function stubJsonldNodeLoader(): Plugin {
  return {
    name: 'credstack-stub-jsonld-node-loader',
    setup(build) {
      let replaced = 0;
      build.onStart(() => {
        replaced = 0;
      });
      build.onResolve({ filter: /^\.\/documentLoaders\/node(\.js)?$/ }, (args) => {
        if (!/[\\/]jsonld[\\/]lib$/.test(args.resolveDir)) return undefined;
        replaced++;
        return { path: 'jsonld-node-loader', namespace: 'credstack-stub' };
      });
      build.onLoad({ filter: /.*/, namespace: 'credstack-stub' }, () => ({ contents: JSONLD_NODE_LOADER_STUB, loader: 'js' }));
      build.onEnd((result) => {
        if (result.errors.length === 0 && replaced === 0) {
          result.errors.push({ id: 'credstack-stub', pluginName: 'credstack-stub-jsonld-node-loader', text: `${JSONLD_NODE_LOADER} was not found in the bundle: jsonld changed, update scripts/cli-bundle.ts`, location: null, notes: [], detail: undefined });
        }
      });
    },
  };
}

/** Dependencies of `credstack serve` only: loaded from node_modules when the service starts. */
export const SERVER_EXTERNALS = ['fastify', '@fastify/rate-limit', 'oidc-provider', 'pg', '@electric-sql/pglite'];

/** tsup options of the CLI bundle (entry cli: src/cli/main.ts); `outDir` and the like are the caller's. */
export function cliBundleOptions(root = '.'): Options {
  return {
    entry: { cli: `${root}/src/cli/main.ts` },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: false,
    clean: false,
    // one chunk per lazily loaded part (each command, the verifier, the server), shared code in common chunks
    splitting: true,
    // not minified: the jsonld fast path (src/jsonld/fast.ts) checks the source text of the jsonld functions it replaces
    minify: false,
    noExternal: [new RegExp(`^(?!(${SERVER_EXTERNALS.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(\\/|$))`)],
    external: SERVER_EXTERNALS,
    esbuildPlugins: [stubJsonldNodeLoader()],
    // bundled CommonJS dependencies require() Node built-ins: give the module a real require
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __credstackRequire } from 'node:module';\nconst require = __credstackRequire(import.meta.url);" },
  };
}

/**
 * Builds the production server: `src/server.ts` and everything of ours it imports (the
 * engine, the database package and its generated client) bundled into `dist/server.js`, with
 * every npm dependency left to `node_modules`. `npm start` runs it with plain `node`.
 *
 *   npm run build -w @pathways/api
 *
 * Each of our modules keeps `import.meta.url` pointing at its own source file, so the paths it
 * works out from there (the migrations folder, the built web app) are the same compiled or not.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/** npm packages stay external; only relative paths and our own workspace packages are bundled. */
const onlyOurCode: Plugin = {
  name: 'only-our-code',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@pathways/') ? undefined : { path: args.path, external: true },
    );
  },
};

/** Replaces `import.meta.url` in each of our modules with that module's own source URL. */
const sourceLocatedModules: Plugin = {
  name: 'source-located-modules',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      };
    });
  },
};

const started = performance.now();
const result = await build({
  entryPoints: [`${ROOT}src/server.ts`],
  outfile: `${ROOT}dist/server.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: true,
  plugins: [onlyOurCode, sourceLocatedModules],
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
process.stdout.write(
  `built dist/server.js (${(bytes / 1024).toFixed(0)} KiB with its source map) in ${(performance.now() - started).toFixed(0)} ms\n`,
);

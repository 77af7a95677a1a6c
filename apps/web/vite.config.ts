import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const FIRST_REQUESTS = 'src/first-requests.ts';

/**
 * src/first-requests.ts is an entry of its own, loaded before the app: a few kilobytes that
 * ask for the session and the page's data while the browser is still compiling the app.
 * (Vite would merge a second script of index.html into the app's own entry.)
 */
function firstRequestsEntry(): Plugin {
  return {
    name: 'pathways-first-requests',
    config: (_config, { command }) =>
      command === 'build'
        ? { build: { rollupOptions: { input: { index: 'index.html', 'first-requests': FIRST_REQUESTS } } } }
        : undefined,
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.isEntry && output.name === 'first-requests',
        );
        // In development the app's own entry imports it (see main.tsx).
        if (!chunk) return [];
        // async: it runs as soon as it has arrived, without waiting for the app's scripts.
        return [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, src: `/${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

/**
 * Writes a brotli and a gzip copy beside each script, style sheet and image of the build, which
 * the server sends as they are (web-app.ts): compressed once here at the best ratio, rather than
 * on every request by the server.
 */
function precompressAssets(): Plugin {
  let assetsDir = '';
  return {
    name: 'pathways-precompress',
    apply: 'build',
    configResolved: (config) => void (assetsDir = resolve(config.root, config.build.outDir, config.build.assetsDir)),
    closeBundle() {
      for (const file of readdirSync(assetsDir).filter((name) => /\.(js|css|svg)$/.test(name))) {
        const content = readFileSync(join(assetsDir, file));
        writeFileSync(
          join(assetsDir, `${file}.br`),
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(join(assetsDir, `${file}.gz`), gzipSync(content, { level: 9 }));
      }
    },
  };
}

// `npm run dev -w @pathways/web` serves the app with hot reload and sends /api to a running
// `npm start` (port 3000); the production build is served by the API itself.
export default defineConfig({
  plugins: [react(), firstRequestsEntry(), precompressAssets()],
  server: { proxy: { '/api': 'http://localhost:3000', '/calendar': 'http://localhost:3000' } },
  build: { outDir: 'dist', sourcemap: false, reportCompressedSize: false },
});

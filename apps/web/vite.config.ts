import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w @pathways/web` serves the app with hot reload and sends /api to a running
// `npm start` (port 3000); the production build is served by the API itself.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000', '/calendar': 'http://localhost:3000' } },
  build: { outDir: 'dist', sourcemap: false, reportCompressedSize: false },
});

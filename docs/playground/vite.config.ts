// `npx vite docs/playground` serves the playground; `npx vite build docs/playground` builds it into docs/playground/dist.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});

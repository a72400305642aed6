import { defineConfig } from 'vite';

// The bundle goes to ../wwwroot/dist, which the .NET build embeds; nothing is loaded from elsewhere at run time.
export default defineConfig({
  base: '/',
  build: {
    outDir: '../wwwroot/dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:5317', '/openapi': 'http://127.0.0.1:5317' } },
});

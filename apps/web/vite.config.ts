import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { deepImports } from './build/deep-imports.ts';
import { fieldOffline } from './build/field-offline.ts';

const PURE_PACKAGES =
  /node_modules\/(@rc-component\/|@ant-design\/(cssinjs|cssinjs-utils|colors|fast-color)\/)/;
const apiTarget = process.env.HEWEI_API ?? 'http://127.0.0.1:3900';

export default defineConfig({
  plugins: [deepImports(), react(), fieldOffline()],
  build: {
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // The rc-component libraries under antd are pure but do not say so in their package.json;
      // without this every module they re-export stays in the bundle.
      treeshake: { moduleSideEffects: (id: string) => !PURE_PACKAGES.test(id) },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget },
    },
  },
});

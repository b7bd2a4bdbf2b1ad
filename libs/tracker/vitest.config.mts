import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'node', include: ['src/*.spec.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'snippet',
          include: ['src/snippet/**/*.spec.ts'],
          environment: 'happy-dom',
          // Tests add the tracker's <script src> tag to the page; it must never be fetched.
          environmentOptions: {
            happyDOM: { settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true } },
          },
        },
      },
    ],
  },
});

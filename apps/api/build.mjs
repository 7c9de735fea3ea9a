// Compiles the API into one JavaScript file, dist/main.js, which `start` runs with plain Node: no
// TypeScript loader at run time (tsx's loader thread alone held ≈ 18 MB of the process's memory).
// Packages stay imports, resolved from node_modules as before, the workspace's own ones included
// (@concord/shared and @concord/embedded-db, whose TypeScript Node runs as it is: type stripping);
// the API's code is bundled.
// The source map (dist/main.js.map) is written but not loaded by `start`: Node's --enable-source-maps
// holds it in memory (≈ 16 MB); the bundle is not minified, so stack traces still name functions.
// Decorators compile as under tsx and vitest (esbuild, experimentalDecorators, no emitted metadata:
// every decorator states its type).
import { build } from 'esbuild';

await build({
  absWorkingDir: import.meta.dirname,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: true,
  logLevel: 'warning',
});

/**
 * The V8 heap settings the API runs with (apps/api `start`, and every server of the benchmark, so
 * that ratios compare like with like). Node 24 sizes the young generation from the machine's memory
 * (64 MB semi-spaces on 24 GB) and lets the old generation grow to gigabytes before collecting
 * hard, so an API process sat at ≈ 500–850 MB under load. 16 MB semi-spaces and a 256 MB old
 * generation hold it at ≈ 220–255 MB on the benchmark (PostGraphile: ≈ 210–230 MB with the same
 * settings), for ≈ 2 points more of CPU samples in garbage collection than 32 MB semi-spaces
 * (≈ 275–285 MB); a 192 MB old generation saved nothing measurable.
 * The old generation bounds the live heap: 20 connections sending queries at the highest cost
 * (1.4 MB answers; 8 admitted at a time) for 30 s peaked at ≈ 320 MB RSS on dataset M, all answered.
 *
 * No allocation-site pretenuring: V8 watches which allocation sites' objects survive a young
 * collection and, past 85 %, allocates that site's objects in the old generation from then on. A
 * request's first rows are alive when a young collection comes in the middle of it, so under load
 * some of a request's sites were pretenured; their objects then die in the old generation, where
 * the young collector counts whatever they point to as alive. So the rest of every request survived
 * too, the survival kept the sites pretenured, and the old generation filled: a full collection
 * several times a second, each stalling the server for ≈ 100 ms while concurrent marking shared its
 * CPU. Without it (actor-network at a fixed 44 requests a second, dataset M): p90 57–71 → 16–19 ms,
 * p99 95–110 → 35–75 ms; plan-page-deep p90 76–79 → 50 ms; throughput and RSS unchanged.
 */
export const API_NODE_FLAGS = [
  '--max-semi-space-size=16',
  '--max-old-space-size=256',
  '--no-allocation-site-pretenuring',
];

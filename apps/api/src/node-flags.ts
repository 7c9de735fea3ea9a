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
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=16', '--max-old-space-size=256'];

/**
 * Benchmark tooling (issue 7, docs/performance.md): the synthetic catalog generator, the fast
 * in-memory OSB broker that {@code bench/run.sh} measures against, and the Git growth bench.
 */
package dev.catalog.bench;

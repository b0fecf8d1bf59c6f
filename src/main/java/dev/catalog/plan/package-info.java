/**
 * The read-only half of the reconciler: refreshes recorded resources from their brokers, resolves
 * names to catalog ids, validates parameters, and diffs desired, recorded and live state into a
 * {@link dev.catalog.plan.Plan} with a {@link dev.catalog.plan.DependencyGraph} that apply walks.
 * Nothing here sends a request that changes anything at a broker.
 */
package dev.catalog.plan;

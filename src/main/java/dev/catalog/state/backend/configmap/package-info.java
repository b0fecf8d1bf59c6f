/**
 * The {@code configmap} state backend: the state gzipped into chunked Kubernetes ConfigMaps behind
 * one head ConfigMap written with compare-and-swap on its resourceVersion, locked by a
 * coordination.k8s.io Lease with a heartbeat (docs/state-configmap.md).
 */
package dev.catalog.state.backend.configmap;

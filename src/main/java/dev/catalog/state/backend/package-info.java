/**
 * State backends: the local file, Git and Kubernetes ConfigMap stores behind {@link
 * dev.catalog.state.backend.StateBackend}, each with compare-and-swap writes and a lock.
 */
package dev.catalog.state.backend;

/**
 * The state backend SPI: {@link dev.catalog.state.backend.StateBackend} (compare-and-swap writes
 * and a lock), the lock record, its one-line description and the exceptions every backend throws.
 * Each backend lives in its own subpackage ({@code local}, {@code git}, {@code configmap}) and
 * depends on this package only; the CLI chooses and opens one (docs/architecture.md).
 */
package dev.catalog.state.backend;

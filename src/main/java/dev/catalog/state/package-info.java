/**
 * The state document (PRODUCT.md section 2): resource addresses, instance and binding records,
 * the versioned JSON codec, and the store and locker that read and write it through a {@link
 * dev.catalog.state.backend.StateBackend}. Credentials are never part of it; only keyed hashes.
 */
package dev.catalog.state;

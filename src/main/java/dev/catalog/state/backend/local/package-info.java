/** The {@code local} state backend: a JSON file beside the configuration, OS-locked. */
package dev.catalog.state.backend.local;

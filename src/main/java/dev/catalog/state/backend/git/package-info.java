/** The {@code git} state backend: a file on a branch of a Git remote, locked by a ref (JGit). */
package dev.catalog.state.backend.git;

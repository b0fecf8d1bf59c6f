package dev.catalog.state.backend;

import java.time.Instant;

/**
 * Who holds the state lock and why, shown to anyone who finds it held.
 *
 * @param id random lock id, the argument of {@code catalog force-unlock}
 * @param holder {@code user@host}
 * @param operation the command holding it: {@code apply}, {@code plan}, {@code state rm}...
 * @param created when it was taken
 * @param toolVersion the catalog version of the holder
 */
public record LockInfo(
    String id, String holder, String operation, Instant created, String toolVersion) {}

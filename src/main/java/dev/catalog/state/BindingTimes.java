package dev.catalog.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a binding stops being wanted or valid (issue 14).
 *
 * @param retireAt for a retiring binding (replaced by a successor), when its overlap ends and a
 *     later apply unbinds it; absent for a binding in use
 * @param expiresAt OSB 2.17 {@code metadata.expires_at}: the broker invalidates the credentials
 *     then
 * @param renewBefore OSB 2.17 {@code metadata.renew_before}: rotate before this time
 */
public record BindingTimes(
    Optional<Instant> retireAt, Optional<Instant> expiresAt, Optional<Instant> renewBefore) {
  /** Nothing known. */
  public static final BindingTimes NONE =
      new BindingTimes(Optional.empty(), Optional.empty(), Optional.empty());

  public BindingTimes {
    Objects.requireNonNull(retireAt, "retireAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(renewBefore, "renewBefore");
  }

  /** A copy retiring at {@code at}. */
  public BindingTimes retiringAt(Instant at) {
    return new BindingTimes(Optional.of(at), expiresAt, renewBefore);
  }

  /** A copy with the broker's expiry metadata. */
  public BindingTimes withExpiry(Optional<Instant> expires, Optional<Instant> renew) {
    return new BindingTimes(retireAt, expires, renew);
  }

  /** Whether a retiring binding's overlap has passed at {@code now}. */
  public boolean retireDue(Instant now) {
    return retireAt.map(at -> !at.isAfter(now)).orElse(true);
  }

  /** Whether the binding should be renewed at {@code now}: past renew_before, or expired. */
  public boolean renewalDue(Instant now) {
    return renewBefore.or(() -> expiresAt).map(at -> !at.isAfter(now)).orElse(false);
  }
}

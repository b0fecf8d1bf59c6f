package dev.catalog.plan;

import dev.catalog.config.CredentialsTarget;
import dev.catalog.config.SinkDigest;
import dev.catalog.state.BindingState;
import dev.catalog.state.DeliveredSink;
import dev.catalog.state.SinkDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a binding's desired sink with the recorded one, and the recorded one with what it holds
 * (issue 13). The desired sink is compared as a whole: the digest of every configured field against
 * the digest recorded at the last delivery, so any field of the sink configuration counts.
 */
final class SinkDiffer {
  private SinkDiffer() {}

  /** Where the credentials come from when a sink is moved or restored; the plan shows it. */
  enum Source {
    BROKER("read again from the broker (GET binding; the offering is bindings_retrievable)"),
    SINK("copied from the current sink, whose content still matches what was delivered"),
    NEW_BINDING(
        "a new binding: the broker cannot return them again and the current sink cannot be read"),
    NOT_OWNED("none: the Secret there is not catalog's, and apply refuses until it is adopted");

    private final String description;

    Source(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }
  }

  /**
   * A sink to move or restore.
   *
   * @param reason why
   * @param source where apply takes the credentials from
   * @param fields {@code credentials} before and after, and {@code credentials_source}
   */
  record SinkChange(ActionReason reason, Source source, List<FieldChange> fields) {}

  /**
   * The drift of {@code recorded}'s sink from what was delivered, if {@code observed} shows any.
   */
  static Optional<Drift> drift(BindingState recorded, Optional<SinkObservation> observed) {
    if (observed.isEmpty() || recorded.sink().isEmpty()) {
      return Optional.empty();
    }
    var seen = observed.get();
    var where = describe(recorded.sink().get());
    return switch (seen.kind()) {
      case MISSING -> Optional.of(drift(recorded, Drift.Kind.SINK_MISSING, where, "missing"));
      case NOT_OWNED ->
          Optional.of(drift(recorded, Drift.Kind.SINK_NOT_OWNED, where, seen.detail()));
      case UNREADABLE ->
          Optional.of(drift(recorded, Drift.Kind.SINK_CHANGED, where, seen.detail()));
      case PRESENT -> {
        var delivered = recorded.delivered().map(DeliveredSink::content);
        yield delivered.isPresent() && !delivered.equals(seen.fingerprint())
            ? Optional.of(
                drift(recorded, Drift.Kind.SINK_CHANGED, where, "content differs from delivered"))
            : Optional.empty();
      }
      case FAILED -> Optional.empty();
    };
  }

  /**
   * What to do about the sink of a binding that is otherwise kept, if anything.
   *
   * @param drift the sink's drift, from {@link #drift}
   * @param observed what the sink holds, when it was read
   */
  static Optional<SinkChange> compare(
      DesiredBinding desired,
      BindingState recorded,
      Optional<Drift> drift,
      Optional<SinkObservation> observed) {
    if (recorded.sink().isEmpty()) {
      return Optional.empty(); // not delivered: pending work, planned elsewhere
    }
    var target = desired.config().credentials();
    var before = recorded.sink().get();
    var after = where(target);
    boolean changed =
        recorded
            .delivered()
            .map(d -> !d.config().equals(SinkDigest.whole(target)))
            .orElse(!before.equals(after));
    if (!changed && drift.isEmpty()) {
      return Optional.empty();
    }
    var source = source(desired, recorded, target, drift, observed);
    var fields = new ArrayList<FieldChange>();
    var suffix = !before.equals(after) ? "" : changed ? " (settings changed)" : " (restored)";
    var afterText = describe(after) + suffix;
    fields.addAll(
        FieldDiff.text("credentials", Optional.of(describe(before)), Optional.of(afterText), true));
    fields.addAll(
        FieldDiff.text(
            "credentials_source", Optional.empty(), Optional.of(source.description()), true));
    var reason = changed ? ActionReason.SINK_CHANGED : ActionReason.SINK_DRIFTED;
    return Optional.of(new SinkChange(reason, source, fields));
  }

  private static Source source(
      DesiredBinding desired,
      BindingState recorded,
      CredentialsTarget target,
      Optional<Drift> drift,
      Optional<SinkObservation> observed) {
    // Never a replace for a Secret someone else holds: unbinding would then delete it.
    if (drift.filter(d -> d.kind() == Drift.Kind.SINK_NOT_OWNED).isPresent()) {
      return Source.NOT_OWNED;
    }
    if (desired.instance().service().bindingsRetrievable()) {
      return Source.BROKER;
    }
    if (drift.isPresent()) {
      return Source.NEW_BINDING;
    }
    boolean sameShaping =
        recorded.delivered().map(d -> d.shaping().equals(SinkDigest.shaping(target))).orElse(false);
    if (observed.isEmpty() || observed.get().kind() == SinkObservation.Kind.FAILED) {
      // Not read (refresh off): assumed intact; apply checks its fingerprint before copying.
      return sameShaping ? Source.SINK : Source.NEW_BINDING;
    }
    var content = observed.get().fingerprint();
    // The stored content is the credentials themselves (no transforms, nothing flattened): it can
    // be shaped anew for any sink.
    boolean verbatim = content.isPresent() && content.equals(recorded.credentialsFingerprint());
    return sameShaping || verbatim ? Source.SINK : Source.NEW_BINDING;
  }

  private static Drift drift(BindingState r, Drift.Kind kind, String where, String what) {
    return new Drift(
        r.address(),
        kind,
        FieldDiff.text("credentials", Optional.of(where), Optional.of(what), true));
  }

  /** Where {@code target} delivers, as state records it. */
  static SinkDescription where(CredentialsTarget target) {
    if (target instanceof CredentialsTarget.SecretTarget secret) {
      return new SinkDescription.KubernetesSecret(
          secret.context(), secret.namespace(), secret.name());
    }
    if (target instanceof CredentialsTarget.FileTarget file) {
      return new SinkDescription.File(file.path().toAbsolutePath().normalize().toString());
    }
    throw new AssertionError(target);
  }

  /**
   * {@code secret shop/orders-db}, {@code secret shop/orders-db (context west)} or {@code file
   * /etc/app/db.json}.
   */
  static String describe(SinkDescription sink) {
    if (sink instanceof SinkDescription.KubernetesSecret s) {
      return "secret "
          + s.namespace()
          + "/"
          + s.name()
          + s.context().map(c -> " (context " + c + ")").orElse("");
    }
    return "file " + ((SinkDescription.File) sink).path();
  }
}

package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.plan.SinkInspector;
import dev.catalog.plan.SinkObservation;
import dev.catalog.plan.SinkObservation.Kind;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.sink.FingerprintKey;
import dev.catalog.sink.SinkContent;
import dev.catalog.state.BindingState;
import java.util.Map;

/**
 * Reads recorded sinks for a plan's sink drift (issue 13): each becomes a fingerprint keyed as
 * apply keys the one it records, so no content leaves the {@code sink} package.
 */
final class SinkInspections implements SinkInspector {
  private final CredentialSinks sinks;
  private final Map<String, String> env;

  SinkInspections(CredentialSinks sinks, Map<String, String> env) {
    this.sinks = sinks;
    this.env = env;
  }

  @Override
  public SinkObservation observe(String lineage, BindingState recorded) {
    var key = FingerprintKey.choose(env, lineage);
    try {
      var content = sinks.forRecorded(recorded.sink().orElseThrow()).inspect(recorded.address());
      if (content instanceof SinkContent.Present present) {
        return SinkObservation.present(present.stored().fingerprint(key));
      }
      if (content instanceof SinkContent.NotOwned foreign) {
        return SinkObservation.of(Kind.NOT_OWNED, foreign.refusal());
      }
      if (content instanceof SinkContent.Unreadable unreadable) {
        return SinkObservation.of(Kind.UNREADABLE, unreadable.why());
      }
      return SinkObservation.of(Kind.MISSING, "");
    } catch (CatalogException e) {
      return SinkObservation.of(Kind.FAILED, e.getMessage());
    }
  }
}

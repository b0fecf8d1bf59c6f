package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.plan.DesiredBinding;
import dev.catalog.sink.CredentialSink;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.sink.Credentials;
import dev.catalog.sink.Delivery;
import dev.catalog.sink.SinkContent;
import dev.catalog.state.BindingState;
import dev.catalog.state.DeliveredSink;
import java.util.Optional;

/**
 * A binding's planned update (issue 13): its credentials go to the sink the configuration names
 * now, from the broker (GET binding, when the offering is {@code bindings_retrievable}) or from the
 * current sink; then the old sink, if it is another one, is removed; then state records the new
 * sink. The binding at the broker is untouched. Killed after the write and before the removal,
 * state still names the old sink, which still holds the credentials: the next apply moves them
 * again. A binding whose credentials can be had from neither is planned as a replace instead.
 */
final class SinkMoves {
  private final Operations ops;

  SinkMoves(Operations ops) {
    this.ops = ops;
  }

  StepOutcome move(DesiredBinding desired, BindingState recorded) {
    var address = recorded.address();
    var sinks = ops.services().sinks();
    var key = ops.services().fingerprintKey();
    CredentialSink next = sinks.forTarget(desired.config().credentials());
    Optional<CredentialSink> previous = recorded.sink().map(sinks::forRecorded);
    // A Secret catalog does not own is never overwritten, whatever the source (issue 13).
    if (next.inspect(address) instanceof SinkContent.NotOwned foreign) {
      throw new CatalogException(foreign.refusal());
    }
    Delivery delivery;
    if (desired.instance().service().bindingsRetrievable()) {
      var details =
          ops.client(recorded.broker())
              .fetchBinding(
                  recorded.instanceId(),
                  recorded.bindingId(),
                  Optional.of(BindingOperations.offering(recorded)))
              .orElseThrow(
                  () ->
                      new CatalogException(
                          address
                              + ": broker \""
                              + recorded.broker()
                              + "\" no longer has binding "
                              + recorded.bindingId()
                              + "; run plan again: it plans a new binding"));
      delivery =
          CredentialSinks.deliver(
              address, Credentials.of(details.credentials().reveal()), next, key);
    } else {
      delivery = fromCurrentSink(desired, recorded, previous, next);
    }
    // The old sink goes only once the new one holds the credentials.
    previous
        .filter(old -> !old.description().equals(next.description()))
        .ifPresent(old -> old.delete(address));
    ops.record(s -> s.with(Records.redelivered(current(recorded), delivery)));
    return StepOutcome.COMPLETED;
  }

  private Delivery fromCurrentSink(
      DesiredBinding desired,
      BindingState recorded,
      Optional<CredentialSink> previous,
      CredentialSink next) {
    var address = recorded.address();
    var key = ops.services().fingerprintKey();
    var content = previous.map(old -> old.inspect(address)).orElse(new SinkContent.Missing());
    var delivered = recorded.delivered();
    if (content instanceof SinkContent.Present present
        && delivered.map(d -> d.content().equals(present.stored().fingerprint(key))).orElse(true)) {
      var stored = present.stored();
      var fingerprint = recorded.credentialsFingerprint().orElse("");
      boolean sameShaping =
          delivered
              .map(DeliveredSink::shaping)
              .filter(s -> s.equals(dev.catalog.config.SinkDigest.shaping(next.configuration())))
              .isPresent();
      if (sameShaping) {
        return CredentialSinks.deliverStored(address, stored, fingerprint, next, key);
      }
      if (stored.fingerprint(key).equals(fingerprint)) {
        return CredentialSinks.deliver(address, stored, next, key); // the credentials as returned
      }
    }
    throw new CatalogException(
        address
            + ": its credentials can no longer be copied from "
            + recorded
                .sink()
                .map(dev.catalog.sink.CredentialSinks::describeForPeople)
                .orElse("its sink")
            + " (it changed since the plan, and broker \""
            + recorded.broker()
            + "\" cannot return them again); run plan again: it plans a new binding");
  }

  private BindingState current(BindingState recorded) {
    return (BindingState) ops.recorded(recorded.address()).orElse(recorded);
  }
}

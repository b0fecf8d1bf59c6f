package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.SensitiveJson;
import dev.catalog.plan.DesiredBinding;
import dev.catalog.sink.CredentialSink;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.sink.Delivery;
import dev.catalog.sink.SinkContent;
import dev.catalog.state.BindingState;
import dev.catalog.state.DeliveredSink;
import java.util.Optional;

/**
 * A binding's planned update (issue 13): its credentials go to the sink the configuration names
 * now, from the broker (GET binding, when the offering is {@code bindings_retrievable}) or from the
 * current sink. The binding at the broker is untouched. A binding whose credentials can be had from
 * neither is planned as a replace instead.
 *
 * <p>Each step is persisted before the next starts, so a kill anywhere is completed by the next
 * apply with the same binding: (1) the new sink is written, while state still names the old one,
 * which still holds the credentials (killed here, the next plan moves them again, overwriting the
 * new sink catalog owns); (2) state records the new sink and, beside it, the old one as still to be
 * removed; (3) the old sink is removed; (4) state forgets it. Killed after (2), the next apply only
 * removes the old sink ({@link #removeReplaced}), whatever else it does to the binding.
 */
final class SinkMoves {
  private final Operations ops;

  SinkMoves(Operations ops) {
    this.ops = ops;
  }

  StepOutcome move(DesiredBinding desired, BindingState given) {
    var address = given.address();
    var sinks = ops.services().sinks();
    var key = ops.services().fingerprintKey();
    CredentialSink next = sinks.forTarget(desired.config().credentials());
    // An earlier move's leftover goes first, unless the credentials go back there now.
    var recorded =
        given.sinkToRemove().filter(r -> !r.equals(next.description())).isPresent()
            ? removeReplaced(given)
            : given;
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
              address, SensitiveJson.of(details.credentials().reveal()), next, key);
    } else {
      delivery = fromCurrentSink(desired, recorded, previous, next);
    }
    var old = previous.filter(p -> !p.description().equals(next.description()));
    // Recorded before the old sink goes: state names the sink that holds the credentials now, and
    // the one still to be removed.
    var digests =
        old.map(p -> delivery.delivered().replacing(p.description()))
            .orElse(delivery.delivered());
    ops.record(
        s ->
            s.with(
                current(recorded).withDelivery(delivery.fingerprint(), delivery.sink(), digests)));
    removeReplaced(current(recorded));
    return StepOutcome.COMPLETED;
  }

  /**
   * Removes the old sink an interrupted move left (state names it beside the new one), then
   * forgets it; returns the record after that. A Secret that is no longer catalog's is not
   * catalog's to remove: it is only forgotten.
   */
  BindingState removeReplaced(BindingState recorded) {
    var replaced = recorded.sinkToRemove();
    if (replaced.isEmpty()) {
      return recorded;
    }
    var address = recorded.address();
    var old = ops.services().sinks().forRecorded(replaced.get());
    if (!(old.inspect(address) instanceof SinkContent.NotOwned)) {
      old.delete(address);
    }
    ops.record(
        s -> {
          var now = current(recorded);
          return s.with(now.withDelivered(now.delivered().orElseThrow().withoutReplaced()));
        });
    return current(recorded);
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
        && delivered.map(d -> d.content().equals(key.fingerprint(present.stored()))).orElse(true)) {
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
      if (key.fingerprint(stored).equals(fingerprint)) {
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

package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.plan.DesiredBinding;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.ResourceState;
import java.time.Duration;
import java.util.List;

/**
 * Create before destroy for bindings (issue 14). The old binding moves in state to its retiring
 * address ({@code binding.NAME~KEY}) before the new one is bound under the declared name; the new
 * credentials are written over the old ones in the same Secret or file; the old binding is unbound
 * last, once its overlap has passed, and never while its successor has not delivered. At every
 * point state names every binding live at the broker, and the sink holds the credentials of a
 * binding that is still bound.
 */
final class Retirements {
  private final Operations ops;
  private final BindingOperations bindings;

  Retirements(Operations ops, BindingOperations bindings) {
    this.ops = ops;
    this.bindings = bindings;
  }

  /**
   * The create half of a create-before-destroy replace: retires {@code old}, binds {@code desired}
   * anew and delivers it. When the new bind fails and leaves nothing at the declared address, the
   * old binding, still bound and still in the sink, takes its place again.
   */
  StepOutcome replace(
      DesiredBinding desired, BindingState old, Duration overlap, StepContext context) {
    var retiring = Address.retiring(old.address(), old.bindingId());
    var times = old.times();
    ops.record(
        s ->
            s.without(old.address())
                .with(
                    old.withAddress(retiring)
                        .withTimes(times.retiringAt(ops.now().plus(overlap)))));
    StepOutcome outcome;
    try {
      outcome = bindings.create(desired, context);
    } catch (RuntimeException e) {
      restoreIfNothingReplacedIt(old, retiring);
      throw e;
    }
    if (outcome == StepOutcome.COMPLETED) {
      // The overlap runs from the delivery of the new credentials, which is now.
      ops.recorded(retiring)
          .map(BindingState.class::cast)
          .ifPresent(
              r -> ops.record(s -> s.with(r.withTimes(times.retiringAt(ops.now().plus(overlap))))));
    }
    return outcome;
  }

  /** Unbinds the retiring bindings of {@code declared} whose overlap has passed. */
  StepOutcome retireDue(Address declared, StepContext context) {
    for (var retiring : retiringOf(declared)) {
      if (!retiring.times().retireDue(ops.now())) {
        continue;
      }
      checkSuccessorDelivered(retiring.address());
      var outcome = bindings.delete(retiring, context);
      if (outcome != StepOutcome.COMPLETED) {
        return outcome;
      }
    }
    return StepOutcome.COMPLETED;
  }

  /**
   * Refuses to unbind a retiring binding while its successor is recorded but has not delivered its
   * credentials: the sink would be left holding credentials of an unbound binding.
   */
  void checkSuccessorDelivered(Address retiring) {
    var successor = ops.recorded(retiring.declared());
    if (successor.isEmpty()) {
      return; // no longer declared, or its create is skipped: the walk orders that case
    }
    var b = (BindingState) successor.get();
    boolean delivered =
        !b.inFlight()
            && b.sink().isPresent()
            && b.pendingOrphanMitigation().isEmpty()
            && !b.awaitingDelivery();
    if (!delivered) {
      throw new CatalogException(
          retiring
              + ": not unbound yet: its successor "
              + retiring.declared()
              + " has not delivered its credentials, so the sink still holds this binding's;"
              + " the next apply retries");
    }
  }

  private List<BindingState> retiringOf(Address declared) {
    return ops.state().resources().values().stream()
        .filter(r -> r.address().isRetiring() && r.address().declared().equals(declared))
        .map(BindingState.class::cast)
        .toList();
  }

  private void restoreIfNothingReplacedIt(BindingState old, Address retiring) {
    ops.record(
        s -> {
          ResourceState taken = s.resources().get(old.address());
          var still = s.resources().get(retiring);
          if (taken != null || !(still instanceof BindingState r)) {
            return s;
          }
          return s.without(retiring).with(r.withAddress(old.address()).withTimes(old.times()));
        });
  }
}

package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.plan.Action;
import dev.catalog.plan.DesiredResource;
import dev.catalog.plan.ResourceChange;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.LastOperation;
import dev.catalog.state.OperationState;
import dev.catalog.state.OperationType;
import dev.catalog.state.ResourceState;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the steps of an apply against the brokers, each in its phase (destroy or apply). Every step
 * starts from the resource as state records it now, not as the plan saw it: a pending orphan
 * mitigation is sent first, and an operation left in flight (by {@code --no-wait}, an interrupt or
 * a crash) is resumed, by polling its recorded operation or re-sending the idempotent request with
 * the same id, so a resource is never created twice.
 */
final class ChangeRunner implements StepRunner {
  private final Map<Address, ResourceChange> changes;
  private final Operations ops;
  private final InstanceOperations instances;
  private final InstanceProvisioning provisioning;
  private final BindingOperations bindings;
  private final OrphanMitigations mitigations;
  private final Retirements retirements;
  private final Set<Address> createBeforeDestroy;

  /**
   * @param changes the plan's changes by address
   */
  ChangeRunner(Map<Address, ResourceChange> changes, ApplyServices services) {
    this(changes, services, Set.of());
  }

  /**
   * @param changes the plan's changes by address
   * @param createBeforeDestroy the replaces that create their new object first (issue 14)
   */
  ChangeRunner(
      Map<Address, ResourceChange> changes,
      ApplyServices services,
      Set<Address> createBeforeDestroy) {
    this.changes = changes;
    this.createBeforeDestroy = Set.copyOf(createBeforeDestroy);
    this.ops = new Operations(services);
    this.mitigations = new OrphanMitigations(ops);
    this.instances = new InstanceOperations(ops, mitigations);
    this.provisioning = new InstanceProvisioning(ops, instances, mitigations);
    this.bindings = new BindingOperations(ops, instances, mitigations);
    this.retirements = new Retirements(ops, bindings);
  }

  @Override
  public StepOutcome run(Step step, StepContext context) {
    var address = step.address();
    var change = changes.get(address);
    boolean destroyPhase = step.destroys();
    var desired =
        destroyPhase || change == null ? Optional.<DesiredResource>empty() : change.desired();
    var current = ops.recorded(address);
    if (current.isPresent() && !current.get().pendingOrphanMitigation().isEmpty()) {
      mitigatePending(current.get());
      current = Optional.empty();
    }
    if (current.isPresent() && current.get().inFlight()) {
      var op = lastOperation(current.get());
      var resumed = resume(current.get(), op, desired, destroyPhase, context);
      if (resumed == StepOutcome.IN_PROGRESS) {
        return resumed;
      }
      current = ops.recorded(address);
      boolean creation = op.type() == OperationType.PROVISION || op.type() == OperationType.BIND;
      if (creation && current.isPresent() && !destroyPhase && !isUpdate(change)) {
        return StepOutcome.COMPLETED; // the interrupted create is now done: never a second one
      }
    }
    if (destroyPhase && createBeforeDestroy.contains(address)) {
      return retirements.retireDue(address, context);
    }
    if (destroyPhase && address.isRetiring() && current.isPresent()) {
      retirements.checkSuccessorDelivered(address);
    }
    if (destroyPhase) {
      return current.isEmpty() ? StepOutcome.COMPLETED : delete(current.get(), context);
    }
    if (awaitsDelivery(current, desired) && !isReplace(change)) {
      var binding = ((DesiredResource.OfBinding) desired.get()).binding();
      return new Deliveries(ops)
          .redeliver(binding, (BindingState) current.get(), bindings, context);
    }
    if (desired.isEmpty()) {
      throw new CatalogException(address + ": nothing declared to apply");
    }
    if (current.isEmpty() || replacesGone(change, current.get())) {
      return create(desired.get(), context);
    }
    if (isUpdate(change) && desired.get() instanceof DesiredResource.OfInstance i) {
      return instances.update(i.instance(), change.update().orElseThrow(), context);
    }
    if (isReplace(change) && createBeforeDestroy.contains(address)) {
      var binding = ((DesiredResource.OfBinding) desired.get()).binding();
      return retirements.replace(
          binding, (BindingState) current.get(), RotationOverlap.of(binding), context);
    }
    if (isReplace(change)) {
      var deleted = delete(current.get(), context);
      if (deleted == StepOutcome.IN_PROGRESS) {
        return deleted;
      }
      return create(desired.get(), context);
    }
    return StepOutcome.COMPLETED;
  }

  private static boolean isReplace(ResourceChange change) {
    return change != null && change.action() == dev.catalog.plan.Action.REPLACE;
  }

  /** A binding an earlier apply bound but could not deliver (issue 19), still declared. */
  private static boolean awaitsDelivery(
      Optional<ResourceState> current, Optional<DesiredResource> desired) {
    return current.orElse(null) instanceof BindingState b
        && b.awaitingDelivery()
        && desired.orElse(null) instanceof DesiredResource.OfBinding;
  }

  /**
   * Whether {@code change} re-creates {@code current}: a create planned over a record whose
   * resource no longer exists at its broker. The new one gets a new id (PR-02) and its record
   * replaces the old one in the same state write, before the request is sent; nothing is sent for
   * the old one, which is gone.
   */
  private static boolean replacesGone(ResourceChange change, ResourceState current) {
    return change != null
        && change.action() == Action.CREATE
        && change.recorded().map(ResourceState::osbId).filter(current.osbId()::equals).isPresent();
  }

  private static boolean isUpdate(ResourceChange change) {
    return change != null && change.update().isPresent();
  }

  private StepOutcome create(DesiredResource desired, StepContext context) {
    if (desired instanceof DesiredResource.OfInstance i) {
      return provisioning.create(i.instance(), context);
    }
    return bindings.create(((DesiredResource.OfBinding) desired).binding(), context);
  }

  private StepOutcome delete(ResourceState current, StepContext context) {
    if (current instanceof InstanceState i) {
      return instances.delete(i, context);
    }
    return bindings.delete((BindingState) current, context);
  }

  /** Finishes the operation state records as in flight. */
  private StepOutcome resume(
      ResourceState current,
      LastOperation op,
      Optional<DesiredResource> desired,
      boolean destroyPhase,
      StepContext context) {
    boolean accepted = op.operationToken().isPresent();
    if (current instanceof InstanceState i) {
      switch (op.type()) {
        case PROVISION:
          if (desired.orElse(null) instanceof DesiredResource.OfInstance d && !accepted) {
            return provisioning.resumeProvision(d.instance(), i, context);
          }
          // D-09: a DELETE may cancel a provision still running; otherwise poll it to its end.
          return destroyPhase
              ? StepOutcome.COMPLETED
              : instances.poll(i, op, Optional.empty(), context);
        case UPDATE:
          if (accepted) {
            return instances.poll(i, op, Optional.empty(), context);
          }
          // Not known to have been sent: the planned PATCH, if the plan still has one, follows.
          var ended = Records.ended(op, OperationState.SUCCEEDED, Optional.empty());
          ops.record(s -> s.with(i.withLastOperation(ended)));
          return StepOutcome.COMPLETED;
        case DEPROVISION:
          // P-28: an accepted delete is polled, not sent again (a broker may refuse a second
          // DELETE while the first runs: 422 ConcurrencyError).
          return accepted
              ? instances.poll(i, op, Optional.empty(), context)
              : instances.sendDeprovision(i.address().toString(), context);
        default:
          throw new IllegalStateException(op.type() + " on an instance");
      }
    }
    var b = (BindingState) current;
    switch (op.type()) {
      case BIND:
        if (desired.orElse(null) instanceof DesiredResource.OfBinding d) {
          return accepted
              ? bindings.poll(d.binding(), b, context)
              : bindings.sendBind(d.binding(), context);
        }
        return StepOutcome.COMPLETED; // UB-05: an unbind may stop a bind still running
      case UNBIND:
        return accepted
            ? bindings.poll(null, b, context)
            : bindings.sendUnbind(b.address(), context);
      default:
        throw new IllegalStateException(op.type() + " on a binding");
    }
  }

  private void mitigatePending(ResourceState current) {
    try {
      mitigations.sendPending(current);
    } catch (RuntimeException e) {
      throw new CatalogException(
          current.address()
              + ": orphan mitigation failed again and stays pending: "
              + e.getMessage(),
          e);
    }
  }

  private static LastOperation lastOperation(ResourceState r) {
    return r.lastOperation().orElseThrow();
  }
}

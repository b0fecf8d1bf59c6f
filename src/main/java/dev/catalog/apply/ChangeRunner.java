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
    if (current.orElse(null) instanceof BindingState b && b.sinkToRemove().isPresent()) {
      current = Optional.<ResourceState>of(new SinkMoves(ops).removeReplaced(b)); // a sink move
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
    if (change != null
        && change.action() == Action.UPDATE
        && desired.get() instanceof DesiredResource.OfBinding b
        && current.get() instanceof BindingState recorded) {
      return new SinkMoves(ops).move(b.binding(), recorded);
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

  /** Finishes the operation state records as in flight, as {@link InFlight}'s table says. */
  private StepOutcome resume(
      ResourceState current,
      LastOperation op,
      Optional<DesiredResource> desired,
      boolean destroyPhase,
      StepContext context) {
    boolean declared =
        current instanceof InstanceState
            ? desired.orElse(null) instanceof DesiredResource.OfInstance
            : desired.orElse(null) instanceof DesiredResource.OfBinding;
    boolean instanceOperation =
        op.type() != OperationType.BIND && op.type() != OperationType.UNBIND;
    if (instanceOperation != current instanceof InstanceState) {
      throw new IllegalStateException(op.type() + " on " + current.address());
    }
    var resumption = InFlight.resumption(op, declared, destroyPhase);
    if (resumption == InFlight.Resumption.SUPERSEDED) {
      return StepOutcome.COMPLETED; // the delete that follows is sent without waiting
    }
    if (current instanceof InstanceState i) {
      return switch (resumption) {
        case POLL -> instances.poll(i, op, Optional.empty(), context);
        case RESEND ->
            op.type() == OperationType.PROVISION
                ? provisioning.resumeProvision(
                    ((DesiredResource.OfInstance) desired.get()).instance(), i, context)
                : instances.sendDeprovision(i.address().toString(), context);
        case CLOSE_UNSENT -> closeUnsent(i, op);
        case SUPERSEDED -> StepOutcome.COMPLETED;
      };
    }
    var b = (BindingState) current;
    return switch (resumption) {
      case POLL ->
          op.type() == OperationType.BIND
              ? bindings.poll(((DesiredResource.OfBinding) desired.get()).binding(), b, context)
              : bindings.poll(null, b, context);
      case RESEND ->
          op.type() == OperationType.BIND
              ? bindings.sendBind(((DesiredResource.OfBinding) desired.get()).binding(), context)
              : bindings.sendUnbind(b.address(), context);
      case CLOSE_UNSENT -> throw new IllegalStateException(op.type() + " on a binding");
      case SUPERSEDED -> StepOutcome.COMPLETED;
    };
  }

  /**
   * An update not known to have been sent: the planned PATCH, if the plan still has one, follows.
   */
  private StepOutcome closeUnsent(InstanceState recorded, LastOperation op) {
    var ended = Records.ended(op, OperationState.SUCCEEDED, Optional.empty());
    ops.record(s -> s.with(recorded.withLastOperation(ended)));
    return StepOutcome.COMPLETED;
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

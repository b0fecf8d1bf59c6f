package dev.catalog.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.FrozenJson;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A binding as recorded in state: never its credentials, only their keyed-hash fingerprint and
 * where they were delivered (PRODUCT.md section 2).
 *
 * @param address {@code binding.NAME}
 * @param bindingId the OSB binding_id, a UUID chosen by catalog
 * @param instance the address of the bound instance
 * @param instanceId that instance's OSB instance_id
 * @param broker the broker name
 * @param service the instance's service offering (the bind request carries its id)
 * @param plan the instance's plan
 * @param parameters the bind parameters as sent, without sensitive values
 * @param context the OSB context object as sent; a deep copy
 * @param credentialsFingerprint keyed hash of the credentials last received, if any
 * @param sink where the credentials were delivered, if they were
 * @param lastOperation the last operation, if one was started
 * @param pendingOrphanMitigation clean-ups still to be sent
 * @param imported set when {@code catalog import} adopted it
 * @param delivered digests of the last delivery to {@code sink} (issue 13); empty for a record
 *     written before catalog kept them, or without a sink
 * @param preventDestroy {@code lifecycle.preventDestroy} as last applied: a plan to delete or replace
 *     it is refused even when its YAML entry is gone (issue 15)
 */
public record BindingState(
    Address address,
    String bindingId,
    Address instance,
    String instanceId,
    String broker,
    OfferingRef service,
    OfferingRef plan,
    RecordedParameters parameters,
    JsonNode context,
    Optional<String> credentialsFingerprint,
    Optional<SinkDescription> sink,
    Optional<LastOperation> lastOperation,
    List<OrphanMitigation> pendingOrphanMitigation,
    Optional<Imported> imported,
    Optional<DeliveredSink> delivered,
    boolean preventDestroy)
    implements ResourceState {

  /** A record without delivery digests (a record of an earlier version, or not delivered). */
  public BindingState(
      Address address,
      String bindingId,
      Address instance,
      String instanceId,
      String broker,
      OfferingRef service,
      OfferingRef plan,
      RecordedParameters parameters,
      JsonNode context,
      Optional<String> credentialsFingerprint,
      Optional<SinkDescription> sink,
      Optional<LastOperation> lastOperation,
      List<OrphanMitigation> pendingOrphanMitigation,
      Optional<Imported> imported) {
    this(
        address,
        bindingId,
        instance,
        instanceId,
        broker,
        service,
        plan,
        parameters,
        context,
        credentialsFingerprint,
        sink,
        lastOperation,
        pendingOrphanMitigation,
        imported,
        Optional.empty(),
        false);
  }

  /** An unprotected record ({@code preventDestroy} false), with delivery digests. */
  public BindingState(
      Address address,
      String bindingId,
      Address instance,
      String instanceId,
      String broker,
      OfferingRef service,
      OfferingRef plan,
      RecordedParameters parameters,
      JsonNode context,
      Optional<String> credentialsFingerprint,
      Optional<SinkDescription> sink,
      Optional<LastOperation> lastOperation,
      List<OrphanMitigation> pendingOrphanMitigation,
      Optional<Imported> imported,
      Optional<DeliveredSink> delivered) {
    this(
        address,
        bindingId,
        instance,
        instanceId,
        broker,
        service,
        plan,
        parameters,
        context,
        credentialsFingerprint,
        sink,
        lastOperation,
        pendingOrphanMitigation,
        imported,
        delivered,
        false);
  }

  public BindingState {
    Objects.requireNonNull(address, "address");
    if (address.kind() != ResourceKind.BINDING) {
      throw new IllegalArgumentException("not a binding address: " + address);
    }
    Objects.requireNonNull(bindingId, "bindingId");
    Objects.requireNonNull(instance, "instance");
    if (instance.kind() != ResourceKind.INSTANCE) {
      throw new IllegalArgumentException("not an instance address: " + instance);
    }
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(parameters, "parameters");
    context = FrozenJson.freeze(Objects.requireNonNull(context, "context"));
    Objects.requireNonNull(credentialsFingerprint, "credentialsFingerprint");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(lastOperation, "lastOperation");
    pendingOrphanMitigation = List.copyOf(pendingOrphanMitigation);
    Objects.requireNonNull(imported, "imported");
    Objects.requireNonNull(delivered, "delivered");
  }

  @Override
  public JsonNode context() {
    return context.deepCopy();
  }

  /** The context itself, immutable ({@link FrozenJson}): no copy; changing it throws. */
  public JsonNode frozenContext() {
    return context;
  }

  /**
   * The description of a succeeded bind whose credentials did not reach the sink: the marker of
   * {@link #awaitingDelivery()}, explicit so that no other record without a sink reads as one.
   */
  public static final String NOT_DELIVERED = "bound; credentials not delivered";

  /**
   * Whether the binding is bound at its broker but its credentials were not delivered (the sink
   * failed after the bind: issue 19). Apply delivers them next, or binds anew; the plan lists it.
   */
  public boolean awaitingDelivery() {
    return sink.isEmpty()
        && lastOperation
            .filter(op -> op.type() == OperationType.BIND)
            .filter(op -> op.state() == OperationState.SUCCEEDED)
            .flatMap(LastOperation::description)
            .filter(NOT_DELIVERED::equals)
            .isPresent();
  }

  @Override
  public String osbId() {
    return bindingId;
  }

  @Override
  public BindingState withAddress(Address newAddress) {
    return new BindingState(
        newAddress,
        bindingId,
        instance,
        instanceId,
        broker,
        service,
        plan,
        parameters,
        context,
        credentialsFingerprint,
        sink,
        lastOperation,
        pendingOrphanMitigation,
        imported,
        delivered,
        preventDestroy);
  }

  /** A copy pointing at a renamed instance. */
  public BindingState withInstance(Address newInstance) {
    return new BindingState(
        address,
        bindingId,
        newInstance,
        instanceId,
        broker,
        service,
        plan,
        parameters,
        context,
        credentialsFingerprint,
        sink,
        lastOperation,
        pendingOrphanMitigation,
        imported,
        delivered,
        preventDestroy);
  }

  /** A copy with the digests of a delivery to its sink. */
  public BindingState withDelivered(DeliveredSink digests) {
    return new BindingState(
        address,
        bindingId,
        instance,
        instanceId,
        broker,
        service,
        plan,
        parameters,
        context,
        credentialsFingerprint,
        sink,
        lastOperation,
        pendingOrphanMitigation,
        imported,
        Optional.of(digests),
        preventDestroy);
  }

  /** A copy with another last operation. */
  public BindingState withLastOperation(LastOperation operation) {
    return new BindingState(
        address,
        bindingId,
        instance,
        instanceId,
        broker,
        service,
        plan,
        parameters,
        context,
        credentialsFingerprint,
        sink,
        Optional.of(operation),
        pendingOrphanMitigation,
        imported,
        delivered,
        preventDestroy);
  }

  @Override
  public BindingState withPreventDestroy(boolean protect) {
    return new BindingState(
        address,
        bindingId,
        instance,
        instanceId,
        broker,
        service,
        plan,
        parameters,
        context,
        credentialsFingerprint,
        sink,
        lastOperation,
        pendingOrphanMitigation,
        imported,
        delivered,
        protect);
  }
}

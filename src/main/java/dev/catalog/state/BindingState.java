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
 * @param imported set when {@code catalog import} adopted it (the rule: {@link Operational})
 * @param delivered digests of the last delivery to {@code sink} (issue 13); empty for a record
 *     written before catalog kept them, or without a sink
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
    BindingTimes times,
    boolean preventDestroy)
    implements ResourceState {

  /** An unprotected binding ({@code preventDestroy} false). */
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
      Optional<DeliveredSink> delivered,
      BindingTimes times) {
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
        times,
        false);
  }

  /** A binding with no known times: in use and never expiring. */
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
        BindingTimes.NONE);
  }

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
        Optional.empty());
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
    Objects.requireNonNull(times, "times");
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

  /**
   * The sink an interrupted sink move still has to remove (issue 13): the new sink holds the
   * credentials and is recorded; the old one may still exist.
   */
  public Optional<SinkDescription> sinkToRemove() {
    return delivered.flatMap(DeliveredSink::replaces);
  }

  @Override
  public String osbId() {
    return bindingId;
  }

  /** The operational part: last operation, pending orphan mitigations, {@code imported}. */
  public Operational operational() {
    return new Operational(lastOperation, pendingOrphanMitigation, imported);
  }

  /**
   * The same binding with another operational part: the one copy of this record that changes what
   * catalog is doing with it ({@link Operational} states the rule for {@code imported}).
   */
  public BindingState withOperational(Operational operational) {
    return copy(address, instance, credentialsFingerprint, sink, delivered, operational);
  }

  @Override
  public BindingState withAddress(Address newAddress) {
    return copy(newAddress, instance, credentialsFingerprint, sink, delivered, operational());
  }

  /** A copy with other times (issue 14: retiring, expiry). */
  public BindingState withTimes(BindingTimes newTimes) {
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
        newTimes,
        preventDestroy);
  }

  /** A copy pointing at a renamed instance. */
  public BindingState withInstance(Address newInstance) {
    return copy(address, newInstance, credentialsFingerprint, sink, delivered, operational());
  }

  /** A copy with the digests of a delivery to its sink. */
  public BindingState withDelivered(DeliveredSink digests) {
    return copy(
        address, instance, credentialsFingerprint, sink, Optional.of(digests), operational());
  }

  /** A copy recording a delivery: the credentials' fingerprint, the sink and its digests. */
  public BindingState withDelivery(
      String fingerprint, SinkDescription deliveredTo, DeliveredSink digests) {
    return copy(
        address,
        instance,
        Optional.of(fingerprint),
        Optional.of(deliveredTo),
        Optional.of(digests),
        operational());
  }

  /** A copy with another last operation. */
  public BindingState withLastOperation(LastOperation operation) {
    return withOperational(operational().withLastOperation(operation));
  }

  /** A copy with other pending orphan mitigations. */
  public BindingState withPendingOrphanMitigation(List<OrphanMitigation> pending) {
    return withOperational(operational().withPendingOrphanMitigation(pending));
  }

  private BindingState copy(
      Address at,
      Address boundTo,
      Optional<String> fingerprint,
      Optional<SinkDescription> deliveredTo,
      Optional<DeliveredSink> digests,
      Operational operational) {
    return new BindingState(
        at,
        bindingId,
        boundTo,
        instanceId,
        broker,
        service,
        plan,
        parameters,
        context,
        fingerprint,
        deliveredTo,
        operational.lastOperation(),
        operational.pendingOrphanMitigation(),
        operational.imported(),
        digests,
        times,
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
        times,
        protect);
  }
}

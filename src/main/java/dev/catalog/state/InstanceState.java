package dev.catalog.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.FrozenJson;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service instance as recorded in state (PRODUCT.md section 2).
 *
 * @param address {@code instance.NAME}
 * @param instanceId the OSB instance_id, a UUID chosen by catalog
 * @param broker the broker name
 * @param service the service offering
 * @param plan the service plan
 * @param parameters the parameters as sent, without sensitive values
 * @param context the OSB context object as sent; a deep copy
 * @param maintenanceInfoVersion the plan's {@code maintenance_info.version} as sent, if any
 * @param dashboardUrl the dashboard URL the broker returned, if any
 * @param lastOperation the last operation, if one was started
 * @param pendingOrphanMitigation clean-ups still to be sent
 * @param imported set when {@code catalog import} adopted it (the rule: {@link Operational})
 * @param preventDestroy {@code lifecycle.preventDestroy} as last applied: a plan to delete or replace
 *     it is refused even when its YAML entry is gone (issue 15)
 */
public record InstanceState(
    Address address,
    String instanceId,
    String broker,
    OfferingRef service,
    OfferingRef plan,
    RecordedParameters parameters,
    JsonNode context,
    Optional<String> maintenanceInfoVersion,
    Optional<String> dashboardUrl,
    Optional<LastOperation> lastOperation,
    List<OrphanMitigation> pendingOrphanMitigation,
    Optional<Imported> imported,
    boolean preventDestroy)
    implements ResourceState {

  public InstanceState {
    Objects.requireNonNull(address, "address");
    if (address.kind() != ResourceKind.INSTANCE) {
      throw new IllegalArgumentException("not an instance address: " + address);
    }
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(parameters, "parameters");
    context = FrozenJson.freeze(Objects.requireNonNull(context, "context"));
    Objects.requireNonNull(maintenanceInfoVersion, "maintenanceInfoVersion");
    Objects.requireNonNull(dashboardUrl, "dashboardUrl");
    Objects.requireNonNull(lastOperation, "lastOperation");
    pendingOrphanMitigation = List.copyOf(pendingOrphanMitigation);
    Objects.requireNonNull(imported, "imported");
  }

  /** An unprotected instance ({@code preventDestroy} false). */
  public InstanceState(
      Address address,
      String instanceId,
      String broker,
      OfferingRef service,
      OfferingRef plan,
      RecordedParameters parameters,
      JsonNode context,
      Optional<String> maintenanceInfoVersion,
      Optional<String> dashboardUrl,
      Optional<LastOperation> lastOperation,
      List<OrphanMitigation> pendingOrphanMitigation,
      Optional<Imported> imported) {
    this(
        address,
        instanceId,
        broker,
        service,
        plan,
        parameters,
        context,
        maintenanceInfoVersion,
        dashboardUrl,
        lastOperation,
        pendingOrphanMitigation,
        imported,
        false);
  }

  @Override
  public JsonNode context() {
    return context.deepCopy();
  }

  /** The context itself, immutable ({@link FrozenJson}): no copy; changing it throws. */
  public JsonNode frozenContext() {
    return context;
  }

  @Override
  public String osbId() {
    return instanceId;
  }

  /** The operational part: last operation, pending orphan mitigations, {@code imported}. */
  public Operational operational() {
    return new Operational(lastOperation, pendingOrphanMitigation, imported);
  }

  /**
   * The same resource with another operational part: the one copy of this record that changes what
   * catalog is doing with it ({@link Operational} states the rule for {@code imported}).
   */
  public InstanceState withOperational(Operational operational) {
    return copy(address, dashboardUrl, operational);
  }

  @Override
  public InstanceState withAddress(Address newAddress) {
    return copy(newAddress, dashboardUrl, operational());
  }

  /** A copy with another last operation. */
  public InstanceState withLastOperation(LastOperation operation) {
    return withOperational(operational().withLastOperation(operation));
  }

  /** A copy with other pending orphan mitigations. */
  public InstanceState withPendingOrphanMitigation(List<OrphanMitigation> pending) {
    return withOperational(operational().withPendingOrphanMitigation(pending));
  }

  /** A copy with the dashboard URL the broker returned. */
  public InstanceState withDashboardUrl(Optional<String> url) {
    return copy(address, url, operational());
  }

  private InstanceState copy(Address at, Optional<String> url, Operational operational) {
    return new InstanceState(
        at,
        instanceId,
        broker,
        service,
        plan,
        parameters,
        context,
        maintenanceInfoVersion,
        url,
        operational.lastOperation(),
        operational.pendingOrphanMitigation(),
        operational.imported(),
        preventDestroy);
  }

  @Override
  public InstanceState withPreventDestroy(boolean protect) {
    return new InstanceState(
        address,
        instanceId,
        broker,
        service,
        plan,
        parameters,
        context,
        maintenanceInfoVersion,
        dashboardUrl,
        lastOperation,
        pendingOrphanMitigation,
        imported,
        protect);
  }
}

package dev.catalog.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.InstanceDetails;
import dev.catalog.osb.OfferingIds;
import dev.catalog.osb.model.Catalog;
import dev.catalog.osb.model.MaintenanceInfo;
import dev.catalog.osb.model.ServiceOffering;
import dev.catalog.osb.model.ServicePlan;
import dev.catalog.plan.DesiredBinding;
import dev.catalog.plan.DesiredInstance;
import dev.catalog.plan.DesiredParameters;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.sink.Credentials;
import dev.catalog.sink.FingerprintKey;
import dev.catalog.state.BindingState;
import dev.catalog.state.Fingerprint;
import dev.catalog.state.Imported;
import dev.catalog.state.InstanceState;
import dev.catalog.state.OfferingRef;
import dev.catalog.state.RecordedParameters;
import dev.catalog.state.SinkDescription;
import dev.catalog.state.State;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reads of one import and the records built from them. A GET reports what the resource really
 * is (F-04), so those values are recorded and the next plan shows any difference from the
 * configuration as an update (or a replace); what the broker leaves out of the GET (parameters,
 * F-09; maintenance_info) is taken from the configuration, as refresh would not count it as drift.
 */
final class ImportReads {
  private final String broker;
  private final BrokerClient client;
  private final Catalog catalog;
  private final byte[] parameterKey;
  private final Clock clock;

  ImportReads(String broker, BrokerClient client, Catalog catalog, String lineage, Clock clock) {
    this.broker = broker;
    this.client = client;
    this.catalog = catalog;
    this.parameterKey = Fingerprint.keyFor(lineage);
    this.clock = clock;
  }

  Importer.Result instance(DesiredInstance desired, String id, State state) {
    var address = desired.address();
    var service = desired.service();
    if (!service.instancesRetrievable()) {
      var recorded =
          instanceState(
              desired,
              id,
              ref(service),
              ref(desired.plan()),
              desired.parameters().recorded(parameterKey),
              desired.maintenanceInfoVersion(),
              Optional.empty(),
              false);
      return new Importer.Result(
          state.with(recorded),
          recorded,
          ImportMessages.unverified(
              address,
              id,
              service.name(),
              broker,
              "instances",
              "the configured service, plan and parameters were recorded"),
          List.of());
    }
    // No service_id/plan_id hints (F-03): they are optional, and the configured ones may be wrong.
    InstanceDetails live =
        client
            .fetchInstance(id, Optional.empty())
            .orElseThrow(
                () -> ImportMessages.absent(address, broker, "instance " + id, "provisioned"));
    var notes = new ArrayList<String>();
    var serviceId = live.serviceId().orElse(service.id());
    Optional<ServiceOffering> liveService = catalog.serviceById(serviceId);
    var serviceRef =
        liveService
            .map(ImportReads::ref)
            .orElseGet(() -> unlisted(address + ": service id", serviceId, notes));
    var planId = live.planId().orElse(desired.plan().id());
    var livePlan = liveService.flatMap(s -> s.planById(planId));
    var planRef =
        livePlan
            .map(ImportReads::ref)
            .orElseGet(() -> unlisted(address + ": plan id", planId, notes));
    var version =
        live.maintenanceInfoVersion()
            .or(() -> livePlan.flatMap(ServicePlan::maintenanceInfo).map(MaintenanceInfo::version));
    var parameters = parameters(address.toString(), live.parameters(), desired.parameters(), notes);
    var recorded =
        instanceState(
            desired, id, serviceRef, planRef, parameters, version, live.dashboardUrl(), true);
    return new Importer.Result(
        state.with(recorded),
        recorded,
        "Imported " + address + " (id " + id + ") from broker " + broker + ".",
        notes);
  }

  Importer.Result binding(
      DesiredBinding desired,
      InstanceState instance,
      String id,
      State state,
      CredentialSinks sinks,
      FingerprintKey key) {
    var address = desired.address();
    var service = catalog.serviceById(instance.service().id());
    var retrievable = service.map(ServiceOffering::bindingsRetrievable).orElse(false);
    if (!retrievable) {
      var recorded =
          bindingState(
              desired,
              instance,
              id,
              desired.parameters().recorded(parameterKey),
              Optional.empty(),
              Optional.empty(),
              false);
      var serviceName = service.map(ServiceOffering::name).orElse(instance.service().name());
      return new Importer.Result(
          state.with(recorded),
          recorded,
          ImportMessages.unverified(
              address,
              id,
              serviceName,
              broker,
              "bindings",
              "the configured parameters were recorded and no credentials were delivered"),
          List.of(
              address
                  + ": its sink was left as it is. catalog cannot obtain the credentials of"
                  + " this binding; to get new ones, remove it from the configuration and apply"
                  + " (unbind), then declare it again and apply (bind)."));
    }
    var hints = new OfferingIds(instance.service().id(), instance.plan().id());
    var live =
        client
            .fetchBinding(instance.instanceId(), id, Optional.of(hints))
            .orElseThrow(
                () ->
                    ImportMessages.absent(
                        address,
                        broker,
                        "binding " + id + " of instance " + instance.instanceId(),
                        "created"));
    var notes = new ArrayList<String>();
    var parameters = parameters(address.toString(), live.parameters(), desired.parameters(), notes);
    // Delivered as apply delivers a new binding's: the sink gets the values, state the fingerprint.
    var delivery =
        CredentialSinks.deliver(
            address,
            Credentials.of(live.credentials().reveal()),
            sinks.forTarget(desired.config().credentials()),
            key);
    var recorded =
        bindingState(
            desired,
            instance,
            id,
            parameters,
            Optional.of(delivery.fingerprint()),
            Optional.of(delivery.sink()),
            true)
            .withDelivered(delivery.delivered());
    return new Importer.Result(
        state.with(recorded),
        recorded,
        "Imported "
            + address
            + " (id "
            + id
            + ") from broker "
            + broker
            + "; its credentials were written to "
            + ImportMessages.describe(delivery.sink())
            + ".",
        notes);
  }

  /** The broker's parameters when it reported them (redacted as state records them). */
  private RecordedParameters parameters(
      String what, Optional<JsonNode> live, DesiredParameters desired, List<String> notes) {
    if (live.isEmpty()) {
      if (desired.isEmpty()) {
        return desired.recorded(parameterKey); // nothing declared, nothing reported: no news
      }
      notes.add(
          what
              + ": broker \""
              + broker
              + "\" did not report its parameters (OSB allows that, checklist F-09); the"
              + " configured ones were recorded, so plan cannot show differences in them");
      return desired.recorded(parameterKey);
    }
    return RecordedParameters.of(live.get(), desired.sensitivePointers(), parameterKey);
  }

  private OfferingRef unlisted(String what, String id, List<String> notes) {
    notes.add(
        what
            + " "
            + id
            + " is not in the catalog of broker \""
            + broker
            + "\"; recorded"
            + " under its id");
    return new OfferingRef(id, id);
  }

  private InstanceState instanceState(
      DesiredInstance desired,
      String id,
      OfferingRef service,
      OfferingRef plan,
      RecordedParameters parameters,
      Optional<String> maintenanceInfoVersion,
      Optional<String> dashboardUrl,
      boolean verified) {
    return new InstanceState(
        desired.address(),
        id,
        broker,
        service,
        plan,
        parameters,
        desired.context(),
        maintenanceInfoVersion,
        dashboardUrl,
        Optional.empty(),
        List.of(),
        Optional.of(new Imported(clock.instant().truncatedTo(ChronoUnit.SECONDS), verified)));
  }

  private BindingState bindingState(
      DesiredBinding desired,
      InstanceState instance,
      String id,
      RecordedParameters parameters,
      Optional<String> fingerprint,
      Optional<SinkDescription> sink,
      boolean verified) {
    return new BindingState(
        desired.address(),
        id,
        instance.address(),
        instance.instanceId(),
        instance.broker(),
        instance.service(),
        instance.plan(),
        parameters,
        desired.context(),
        fingerprint,
        sink,
        Optional.empty(),
        List.of(),
        Optional.of(new Imported(clock.instant().truncatedTo(ChronoUnit.SECONDS), verified)));
  }

  private static OfferingRef ref(ServiceOffering service) {
    return new OfferingRef(service.id(), service.name());
  }

  private static OfferingRef ref(ServicePlan plan) {
    return new OfferingRef(plan.id(), plan.name());
  }
}

package dev.catalog.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The operational part of a record and the one rule for {@code imported} (docs/state.md). */
class OperationalTest {
  static final Imported IMPORTED = new Imported(Instant.parse("2026-11-21T09:01:13Z"), false);
  static final LastOperation UNBINDING =
      new LastOperation(
          OperationType.UNBIND,
          OperationState.IN_PROGRESS,
          Optional.empty(),
          TestStates.STARTED,
          Optional.empty());
  static final OrphanMitigation MITIGATION =
      new OrphanMitigation(OperationType.DEPROVISION, "provision failed", TestStates.STARTED);

  static InstanceState importedInstance() {
    var instance = TestStates.instance("db");
    return instance.withOperational(
        new Operational(instance.lastOperation(), List.of(), Optional.of(IMPORTED)));
  }

  static BindingState importedBinding() {
    var binding = TestStates.binding("app", TestStates.instance("db"));
    return binding.withOperational(
        new Operational(binding.lastOperation(), List.of(), Optional.of(IMPORTED)));
  }

  @Test
  void everyChangeOfAnInstancesOperationalPartAndARenameKeepImported() {
    var instance = importedInstance();

    var deprovisioning =
        new LastOperation(
            OperationType.DEPROVISION,
            OperationState.IN_PROGRESS,
            Optional.empty(),
            TestStates.STARTED,
            Optional.empty());

    assertThat(instance.withLastOperation(deprovisioning).imported()).contains(IMPORTED);
    assertThat(instance.withPendingOrphanMitigation(List.of(MITIGATION)).imported())
        .contains(IMPORTED);
    assertThat(instance.withDashboardUrl(Optional.of("https://dash.example/x")).imported())
        .contains(IMPORTED);
    assertThat(instance.withAddress(Address.instance("renamed")).imported()).contains(IMPORTED);
  }

  @Test
  void everyChangeOfABindingsOperationalPartADeliveryAndARenameKeepImported() {
    var binding = importedBinding();
    var sink = new SinkDescription.File("/tmp/app.json");

    assertThat(binding.withLastOperation(UNBINDING).imported()).contains(IMPORTED);
    assertThat(binding.withPendingOrphanMitigation(List.of(MITIGATION)).imported())
        .contains(IMPORTED);
    assertThat(
            binding
                .withDelivery("hmac-sha256:00ff", sink, new DeliveredSink("c", "s", "x"))
                .imported())
        .contains(IMPORTED);
    assertThat(binding.withAddress(Address.binding("renamed")).imported()).contains(IMPORTED);
    assertThat(binding.withInstance(Address.instance("other")).imported()).contains(IMPORTED);
  }

  @Test
  void aRecordWrittenFromTheConfigurationStartsWithoutImported() {
    var started = Operational.started(UNBINDING);

    assertThat(started.imported()).isEmpty();
    assertThat(started.lastOperation()).contains(UNBINDING);
    assertThat(started.pendingOrphanMitigation()).isEmpty();
  }

  @Test
  void theOperationalPartIsWhatTheRecordHolds() {
    var binding = importedBinding().withPendingOrphanMitigation(List.of(MITIGATION));

    assertThat(binding.operational())
        .isEqualTo(
            new Operational(binding.lastOperation(), List.of(MITIGATION), Optional.of(IMPORTED)));
    assertThat(binding.withOperational(binding.operational())).isEqualTo(binding);
  }
}

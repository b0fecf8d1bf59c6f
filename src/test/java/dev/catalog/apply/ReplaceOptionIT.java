package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.PASSWORD;
import static dev.catalog.apply.ApplyLifecycleIT.binding;
import static dev.catalog.apply.ApplyLifecycleIT.db;
import static dev.catalog.apply.ApplyLifecycleIT.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.cli.CliRun;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.testbroker.LedgerBinding;
import dev.catalog.testbroker.LedgerInstance;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: {@code --replace ADDR} on plan and apply, like {@code terraform apply -replace}: an
 * unchanged binding is bound anew before the old one is unbound; an unchanged instance is replaced
 * with its bindings; a saved plan keeps the replacements; a bad address is refused.
 */
@Timeout(300)
class ReplaceOptionIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private ReferenceBroker broker;
  private Path config;

  @BeforeEach
  void startBroker() throws IOException {
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ZERO));
    config = dir.resolve("catalog.yaml");
    Files.writeString(
        config,
        yaml(
            broker,
            db("orders-db", "small", 20),
            binding("orders-app", "orders-db", "out/o.json")));
  }

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  @Test
  void replaceOfAnUnchangedBindingBindsAnewThenUnbindsTheOldOne() throws IOException {
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    var before = recordedBinding();

    var plan = run("plan", "--replace", "binding.orders-app");
    var apply = run("apply", "--auto-approve", "--replace", "binding.orders-app");

    assertThat(plan.out())
        .contains(
            """
              # binding.orders-app must be replaced (replacement requested with --replace)
            +/- binding.orders-app (broker "data")
            """)
        .contains("Plan: 1 to add, 0 to change, 1 to destroy.");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out())
        .endsWith("Apply complete! Resources: 1 added, 0 changed, 1 destroyed.\n");
    var after = recordedBinding();
    assertThat(after.bindingId()).isNotEqualTo(before.bindingId());
    assertThat(after.instanceId()).isEqualTo(before.instanceId());
    assertBrokerHoldsExactlyWhatStateRecords();
    assertThat(run("plan", "--detailed-exitcode").exitCode()).isZero();
  }

  @Test
  void aSavedPlanReplacingAnInstanceReplacesItAndItsBindingWhenApplied() throws IOException {
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    var instanceBefore = recordedInstance();
    var bindingBefore = recordedBinding();
    var planFile = dir.resolve("replace.plan");

    var plan = run("plan", "--replace", "instance.orders-db", "--out", planFile.toString());
    var saved = JSON.readTree(planFile.toFile());
    var apply = run("apply", planFile.toString());

    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out())
        .contains(
            """
              # instance.orders-db must be replaced (replacement requested with --replace)
            -/+ instance.orders-db (broker "data")
            """)
        .contains(
            """
              # binding.orders-app must be replaced (its instance is replaced)
            -/+ binding.orders-app (broker "data")
            """);
    assertThat(saved.path("options").path("replace").toString())
        .isEqualTo("[\"instance.orders-db\"]");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out())
        .endsWith("Apply complete! Resources: 2 added, 0 changed, 2 destroyed.\n");
    assertThat(recordedInstance().instanceId()).isNotEqualTo(instanceBefore.instanceId());
    assertThat(recordedBinding().bindingId()).isNotEqualTo(bindingBefore.bindingId());
    assertBrokerHoldsExactlyWhatStateRecords();
  }

  @Test
  void replaceOfAnAddressNotDeclaredIsRefusedBeforeAnythingChanges() {
    assertThat(run("apply", "--auto-approve").exitCode()).isZero();
    var before = recordedBinding();

    var refused = run("apply", "--auto-approve", "--replace", "binding.orders-ap");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .isEqualTo("Error: --replace binding.orders-ap: not declared in the configuration\n");
    assertThat(recordedBinding()).isEqualTo(before);
  }

  private void assertBrokerHoldsExactlyWhatStateRecords() throws IOException {
    var instance = recordedInstance();
    var binding = recordedBinding();
    assertThat(broker.ledger().instances())
        .extracting(LedgerInstance::id)
        .containsExactly(instance.instanceId());
    assertThat(broker.ledger().bindings())
        .extracting(LedgerBinding::id, LedgerBinding::instanceId)
        .containsExactly(tuple(binding.bindingId(), instance.instanceId()));
    assertThat(ChildApply.stateIn(dir).resources()).hasSize(2);
    var delivered = JSON.readTree(dir.resolve("out/o.json").toFile());
    assertThat(JSON.convertValue(delivered, Map.class))
        .isEqualTo(broker.ledger().binding(binding.bindingId()).orElseThrow().credentials());
  }

  private InstanceState recordedInstance() {
    return (InstanceState)
        ChildApply.stateIn(dir).resource(Address.instance("orders-db")).orElseThrow();
  }

  private BindingState recordedBinding() {
    return (BindingState)
        ChildApply.stateIn(dir).resource(Address.binding("orders-app")).orElseThrow();
  }

  private CliRun run(String... args) {
    var all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "-f";
    all[2] = config.toString();
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return CliRun.run(Map.of("BROKER_PW", PASSWORD), all);
  }
}

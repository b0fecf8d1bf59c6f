package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.state.StateStore;
import dev.catalog.state.TestStates;
import dev.catalog.state.backend.local.LocalBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog status} reads state only: no configuration broker is contacted. */
class StatusCommandTest {
  @TempDir Path dir;

  @Test
  void listsTheRecordedResourcesWithoutContactingABroker() {
    var stateFile = dir.resolve("catalog.state.json");
    var db = TestStates.instance("orders-db");
    new StateStore(new LocalBackend(stateFile), "test")
        .update(s -> s.with(db).with(TestStates.binding("orders-app", db)));

    var run = CliRun.run("status", "--state", stateFile.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    // The age column depends on today's date; the rest is asserted whole.
    assertThat(
            run.out()
                .replaceAll("   \\d+d(\\d+h)? +", "   AGE   ")
                .replaceAll("age +dashboard", "age   dashboard"))
        .isEqualTo(
            """
            address              service/plan     broker            last operation     age   dashboard / bound to
            instance.orders-db   postgres/small   postgres-broker   create succeeded   AGE   https://dash.example/orders-db
            binding.orders-app   postgres/small   postgres-broker   create succeeded   AGE   instance.orders-db
            """);
  }

  @Test
  void saysSoWhenStateHoldsNothing() {
    var stateFile = dir.resolve("catalog.state.json");

    var run = CliRun.run("status", "--state", stateFile.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("No resources in state at local:" + stateFile + ".\n");
  }
}

package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.state.Address;
import dev.catalog.state.InstanceState;
import dev.catalog.state.State;
import dev.catalog.state.StateStore;
import dev.catalog.state.TestStates;
import dev.catalog.state.backend.local.LocalBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The argument and validation errors of {@code catalog import}: each is reported before any broker
 * is contacted (the configured broker listens nowhere, so a request would fail differently) and
 * leaves the state as it was.
 */
class ImportCommandTest {
  private static final String ID = "0b6e4f0e-3c1d-4f7a-9d2b-6a1e5c3b2d10";

  @TempDir Path dir;
  private Path config;
  private Path stateFile;

  @BeforeEach
  void writeConfiguration() throws IOException {
    config = dir.resolve("catalog.yaml");
    stateFile = dir.resolve("catalog.state.json");
    Files.writeString(
        config,
        """
        apiVersion: catalog/v1
        brokers:
          - name: postgres-broker
            url: http://127.0.0.1:9/unused
        instances:
          - name: orders-db
            broker: postgres-broker
            service: postgres
            plan: small
          - name: billing-db
            broker: postgres-broker
            service: postgres
            plan: small
        bindings:
          - name: orders-app
            instance: orders-db
            credentials:
              file: { path: orders-app.json }
        """);
  }

  private CliRun run(String... args) {
    var all = new String[args.length + 3];
    all[0] = "import";
    all[1] = "-f";
    all[2] = config.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return CliRun.run(all);
  }

  private StateStore store() {
    return new StateStore(new LocalBackend(stateFile), "test");
  }

  private void assertRefused(CliRun run, String message) {
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("Error: " + message + "\n");
  }

  @Test
  void aMalformedAddressNamesTheExpectedForm() {
    assertRefused(
        run("service.orders-db", ID),
        "invalid address 'service.orders-db': expected instance.NAME or binding.NAME");
    assertThat(stateFile).doesNotExist();
  }

  @Test
  void aMissingIdIsAUsageError() {
    var run = run("instance.orders-db");

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .isEqualTo(
            "Error: Missing required parameter: 'OSB_ID'\n"
                + "Run 'catalog import --help' for usage.\n");
  }

  @Test
  void aBlankIdIsRefused() {
    assertRefused(
        run("instance.orders-db", " "),
        "invalid OSB_ID ' ': expected the resource's id at the broker, not blank");
  }

  @Test
  void anUndeclaredInstanceIsRefusedWithTheNearestDeclaredName() {
    assertRefused(
        run("instance.orders-bd", ID),
        "instance.orders-bd is not declared in the configuration (did you mean"
            + " instance.orders-db?): declare it first, so catalog knows what it should be");
    assertThat(stateFile).doesNotExist();
  }

  @Test
  void anUndeclaredBindingIsRefused() {
    assertRefused(
        run("binding.reporting", ID),
        "binding.reporting is not declared in the configuration: declare it first, so catalog"
            + " knows what it should be");
  }

  @Test
  void anAddressAlreadyInStateIsRefusedWithHowToForgetIt() {
    var recorded = TestStates.instance("orders-db");
    store().update(s -> s.with(recorded));
    var before = store().read();

    assertRefused(
        run("instance.orders-db", ID),
        "instance.orders-db is already in state local:"
            + stateFile
            + " (id "
            + recorded.instanceId()
            + "): to import it again, first forget it with 'catalog state rm"
            + " instance.orders-db'");
    assertThat(store().read()).isEqualTo(before);
  }

  @Test
  void anIdAlreadyRecordedUnderAnotherAddressIsRefused() {
    var recorded = TestStates.instance("orders-db");
    store().update(s -> s.with(recorded));

    assertRefused(
        run("instance.billing-db", recorded.instanceId()),
        "instance id "
            + recorded.instanceId()
            + " is already in state as instance.orders-db: one address per resource; rename it"
            + " with 'catalog state mv instance.orders-db instance.billing-db' instead");
  }

  @Test
  void aBindingWhoseInstanceIsNotInStateIsRefused() {
    assertRefused(
        run("binding.orders-app", ID),
        "binding.orders-app binds instance.orders-db, which is not in state: import it first"
            + " ('catalog import instance.orders-db INSTANCE_ID') or create it with 'catalog"
            + " apply'");
    assertThat(stateFile).doesNotExist();
  }

  @Test
  void aBindingIdAlreadyRecordedIsRefusedEvenWhenItsInstanceIsThere() {
    var db = TestStates.instance("orders-db");
    var other = TestStates.binding("legacy-app", db);
    store().update(s -> s.with(db).with(other));
    var before = store().read();

    assertRefused(
        run("binding.orders-app", other.bindingId()),
        "binding id "
            + other.bindingId()
            + " is already in state as binding.legacy-app: one address per resource; rename it"
            + " with 'catalog state mv binding.legacy-app binding.orders-app' instead");
    assertThat(store().read()).isEqualTo(before);
    State state = before.state();
    assertThat(state.resource(Address.binding("orders-app"))).isEmpty();
    assertThat(((InstanceState) state.resource(db.address()).orElseThrow()).imported())
        .isEqualTo(Optional.empty());
    assertThat(List.of(stateFile.getParent().toFile().list())).doesNotContain("orders-app.json");
  }
}

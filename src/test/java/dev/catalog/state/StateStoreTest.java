package dev.catalog.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.CatalogException;
import dev.catalog.state.backend.local.LocalBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  @TempDir Path dir;
  private static final UUID LINEAGE = UUID.fromString("11111111-2222-3333-4444-555555555555");

  private StateStore store() {
    return new StateStore(
        new LocalBackend(dir.resolve("catalog.state.json")),
        new StateCodec(),
        "0.1.0",
        () -> LINEAGE);
  }

  @Test
  void aNewStateGetsTheSuppliedLineageAndSerialOne() {
    var written = store().update(s -> s.with(TestStates.instance("orders-db")));
    assertThat(written.state().lineage()).isEqualTo(LINEAGE.toString());
    assertThat(written.state().serial()).isEqualTo(1);
    assertThat(written.state().toolVersion()).isEqualTo("0.1.0");
  }

  @Test
  void aWriteThatChangesTheLineageIsAProgrammingError() {
    var base = store().read();
    var other = State.empty(UUID.randomUUID(), "x");
    assertThatThrownBy(() -> store().write(base, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a write must keep the lineage of the state it follows");
  }

  @Test
  void aFailedWriteSavesTheStateToTheErroredFileAndSaysHowToPushIt() throws Exception {
    var base = store().read();
    store().update(s -> s.with(TestStates.instance("audit-db")));
    var errored = dir.resolve("errored.catalog.state.json");
    assertThatThrownBy(
            () -> store().writeOrSave(base, base.state().with(TestStates.instance("cache")), dir))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith(
            "failed to write state to local:"
                + dir.resolve("catalog.state.json")
                + ": state local:")
        .hasMessageEndingWith(
            "\nThe new state was saved to "
                + errored
                + ". Once the backend is reachable, push it"
                + " with: catalog state push "
                + errored);
    var saved = new StateCodec().decode(Files.readAllBytes(errored), "errored");
    assertThat(saved.resources()).containsOnlyKeys(Address.instance("cache"));
    assertThat(saved.serial()).isEqualTo(1);
  }

  @Test
  void theLocalBackendKeepsThePreviousVersionAsBackup() throws Exception {
    store().update(s -> s.with(TestStates.instance("orders-db")));
    store().update(s -> s.with(TestStates.instance("audit-db")));
    var backup =
        new StateCodec()
            .decode(Files.readAllBytes(dir.resolve("catalog.state.json.backup")), "backup");
    assertThat(backup.serial()).isEqualTo(1);
    assertThat(backup.resources()).containsOnlyKeys(Address.instance("orders-db"));
  }

  @Test
  void commitSummariesNameUpToFiveResources() {
    var before = State.empty(LINEAGE, "t");
    var after = before;
    for (int i = 0; i < 7; i++) {
      after = after.with(TestStates.instance("db-" + i));
    }
    assertThat(ChangeSummary.between(before, after))
        .isEqualTo(
            "create instance.db-0, create instance.db-1, create instance.db-2, create"
                + " instance.db-3, create instance.db-4 and 2 more");
    assertThat(ChangeSummary.between(after, after.without(Address.instance("db-3"))))
        .isEqualTo("delete instance.db-3");
  }
}

package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.StateCodec;
import dev.catalog.state.StateStore;
import dev.catalog.state.TestStates;
import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.local.LocalBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateCommandsTest {
  @TempDir Path dir;
  private Path stateFile;
  private String identity;

  @BeforeEach
  void recordAnInstanceAndItsBinding() {
    stateFile = dir.resolve("catalog.state.json");
    identity = "local:" + stateFile;
    var db = TestStates.instance("orders-db");
    store().update(s -> s.with(db).with(TestStates.binding("orders-app", db)));
  }

  private StateStore store() {
    return new StateStore(new LocalBackend(stateFile), "test");
  }

  private CliRun run(String... args) {
    var all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--state";
    all[args.length + 1] = stateFile.toString();
    return CliRun.run(all);
  }

  @Test
  void listPrintsTheRecordedAddresses() {
    var run = run("state", "list");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("instance.orders-db\nbinding.orders-app\n");
  }

  @Test
  void showPrintsOneResourceAsRecordedWithoutCredentials() {
    var run = run("state", "show", "binding.orders-app");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("{\n  \"binding_id\": \"")
        .contains("\"instance\": \"instance.orders-db\"")
        .contains("\"credentials_fingerprint\": \"hmac-sha256:00ff\"")
        .contains(
            "\"sink\": {\n    \"type\": \"kubernetes-secret\",\n    \"namespace\": \"apps\",\n"
                + "    \"name\": \"orders-app-credentials\"\n  }");
  }

  @Test
  void showOfAnUnknownAddressFails() {
    var run = run("state", "show", "instance.nope");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).isEqualTo("Error: no instance.nope in state " + identity + "\n");
  }

  @Test
  void showOfAMisspeltAddressSuggestsTheNearestRecordedOne() {
    var run = run("state", "show", "instance.orders-bd");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .isEqualTo(
            "Error: no instance.orders-bd in state "
                + identity
                + "; did you mean \"instance.orders-db\"?\n");
  }

  @Test
  void rmAndMvOfAMisspeltAddressSuggestTheNearestRecordedOne() {
    var rm = run("state", "rm", "binding.order-app");
    var mv = run("state", "mv", "binding.order-app", "binding.orders-worker");
    var hint = "no binding.order-app in state " + identity + "; did you mean \"binding.orders-app\"?";
    assertThat(rm.err()).isEqualTo("Error: " + hint + "\n");
    assertThat(mv.err()).isEqualTo("Error: " + hint + "\n");
  }

  @Test
  void showOfAMalformedAddressNamesTheExpectedForm() {
    var run = run("state", "show", "service.x");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .isEqualTo("Error: invalid address 'service.x': expected instance.NAME or binding.NAME\n");
  }

  @Test
  void rmForgetsABindingAndKeepsABackupOfThePreviousState() throws IOException {
    var run = run("state", "rm", "binding.orders-app");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo("Removed binding.orders-app from state; it still exists at its broker.\n");
    var state = store().read().state();
    assertThat(state.resources()).containsOnlyKeys(Address.instance("orders-db"));
    assertThat(state.serial()).isEqualTo(2);
    try (var files = Files.list(dir)) {
      var backups = files.filter(f -> f.toString().endsWith("-1.backup.json")).toList();
      assertThat(backups).hasSize(1);
      assertThat(run.err()).isEqualTo("Backup of the previous state: " + backups.get(0) + "\n");
      var backedUp = new StateCodec().decode(Files.readAllBytes(backups.get(0)), "backup");
      assertThat(backedUp.resources()).containsKey(Address.binding("orders-app"));
    }
  }

  @Test
  void rmRefusesAnInstanceWhoseBindingStaysRecorded() {
    var run = run("state", "rm", "instance.orders-db");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .isEqualTo(
            "Error: binding.orders-app still refers to instance.orders-db: remove both with"
                + " 'catalog state rm binding.orders-app instance.orders-db'\n");
    assertThat(store().read().state().serial()).isEqualTo(1);
  }

  @Test
  void mvRenamesAnInstanceAndItsBindingsFollow() {
    var run = run("state", "mv", "instance.orders-db", "instance.orders-pg");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Moved instance.orders-db to instance.orders-pg.\n");
    var state = store().read().state();
    assertThat(state.resources().keySet())
        .containsExactly(Address.instance("orders-pg"), Address.binding("orders-app"));
    var binding = (BindingState) state.resource(Address.binding("orders-app")).orElseThrow();
    assertThat(binding.instance()).isEqualTo(Address.instance("orders-pg"));
    assertThat(state.resource(Address.instance("orders-pg")).orElseThrow().osbId())
        .isEqualTo(TestStates.instance("orders-db").instanceId());
  }

  @Test
  void mvRefusesToChangeTheKind() {
    var run = run("state", "mv", "instance.orders-db", "binding.orders-db");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .isEqualTo(
            "Error: cannot move instance.orders-db to binding.orders-db: both must be instances"
                + " or both bindings\n");
  }

  @Test
  void pullPrintsTheWholeDocument() throws IOException {
    var run = run("state", "pull");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(Files.readString(stateFile));
  }

  @Test
  void pushRefusesAnotherLineageUnlessForced() throws IOException {
    var other = dir.resolve("other.json");
    var foreign = TestStates.instance("x");
    var state = dev.catalog.state.State.empty(UUID.randomUUID(), "test").with(foreign);
    Files.write(other, new StateCodec().encode(state.withSerial(9, "test")));
    var refused = run("state", "push", other.toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(refused.err())
        .isEqualTo(
            "Error: the pushed state has lineage "
                + state.lineage()
                + " but the stored state has "
                + store().read().state().lineage()
                + ": it is another state; use --force to replace it anyway\n");
    var forced = run("state", "push", "--force", other.toString());
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(forced.out()).isEqualTo("Pushed " + other + " to " + identity + " (serial 9).\n");
    assertThat(store().read().state().lineage()).isEqualTo(state.lineage());
  }

  @Test
  void pushRefusesALowerSerial() throws IOException {
    store().update(s -> s.with(TestStates.instance("audit-db")));
    var old = dir.resolve("old.json");
    var current = store().read().state();
    Files.write(old, new StateCodec().encode(current.withSerial(1, "test")));
    var run = run("state", "push", old.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .isEqualTo(
            "Error: the pushed state has serial 1, lower than the stored serial 2: it is older;"
                + " use --force to replace it anyway\n");
  }

  @Test
  void anErroredStateIsPushedBack() {
    var base = store().read();
    store().update(s -> s.with(TestStates.instance("audit-db")));
    var failed =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> store().writeOrSave(base, base.state().with(TestStates.instance("cache")), dir));
    var errored = dir.resolve("errored.catalog.state.json");
    assertThat(failed)
        .hasMessageEndingWith(
            "\nThe new state was saved to "
                + errored
                + ". Once the backend is reachable, push it"
                + " with: catalog state push "
                + errored);
    var run = run("state", "push", errored.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Pushed " + errored + " to " + identity + " (serial 3).\n");
    assertThat(store().read().state().resources()).containsKey(Address.instance("cache"));
  }

  @Test
  void aLockedStateExitsThreeAndNamesTheHolder() {
    var holder = new LocalBackend(stateFile);
    holder.lock(new LockInfo("lock-1", "alice@build-1", "apply", Instant.now(), "0.1.0"));
    var run = run("state", "rm", "binding.orders-app");
    assertThat(run.exitCode()).isEqualTo(ExitCode.LOCKED);
    assertThat(run.err())
        .startsWith(
            "Error: state "
                + identity
                + " is locked by alice@build-1 (operation 'apply', lock id"
                + " lock-1, since ")
        .endsWith(
            "The state shows no operation in flight. If no catalog run is active, release the lock"
                + " with: catalog force-unlock lock-1\n");
    var skipped = run("state", "rm", "--lock=false", "binding.orders-app");
    assertThat(skipped.exitCode()).as(skipped.err()).isZero();
    holder.unlock("lock-1");
  }

  @Test
  void forceUnlockChecksTheIdAndReleases() {
    var holder = new LocalBackend(stateFile);
    holder.lock(new LockInfo("lock-1", "alice@build-1", "apply", Instant.now(), "0.1.0"));
    var wrong = run("force-unlock", "lock-2");
    assertThat(wrong.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(wrong.err())
        .isEqualTo(
            "Error: lock id lock-2 does not match the lock on state "
                + identity
                + " (id lock-1, held by alice@build-1); nothing was released\n");
    var right = run("force-unlock", "lock-1");
    assertThat(right.exitCode()).isZero();
    assertThat(right.out()).isEqualTo("Released lock lock-1 on " + identity + ".\n");
    assertThat(new LocalBackend(stateFile).currentLock()).isEmpty();
  }

  @Test
  void backendConfigChoosesTheLocalPath() {
    var run =
        CliRun.run("state", "list", "--backend", "local", "--backend-config", "path=" + stateFile);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("instance.orders-db\nbinding.orders-app\n");
  }

  @Test
  void anUnknownBackendTypeIsRejected() {
    var run = CliRun.run("state", "list", "--backend", "svn");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .isEqualTo("Error: unknown state backend type 'svn': use one of [configmap, git, local]\n");
  }

  @Test
  void anUnknownBackendSettingIsRejected() {
    var run = CliRun.run("state", "list", "--backend", "git", "--backend-config", "uri=x");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .isEqualTo(
            "Error: unknown setting(s) [uri] for the git state backend: it accepts [author,"
                + " branch, caFile, cacheDir, connectTimeout, path, requestTimeout, sshKeyFile,"
                + " token, tokenEnv, tokenFile, url]\n");
  }

  @Test
  void theYamlBackendBlockIsUsedAndFlagsOverrideIt() throws IOException {
    var configDir = Files.createDirectories(dir.resolve("config"));
    var yaml = configDir.resolve("catalog.yaml");
    Files.writeString(
        yaml, "apiVersion: catalog/v1\nbackend:\n  type: local\n  path: ../catalog.state.json\n");
    var fromYaml = CliRun.run("state", "list", "-f", yaml.toString());
    assertThat(fromYaml.exitCode()).as(fromYaml.err()).isZero();
    assertThat(fromYaml.out()).isEqualTo("instance.orders-db\nbinding.orders-app\n");
    var overridden =
        CliRun.run(
            "state", "list", "-f", yaml.toString(), "--backend-config", "path=elsewhere.json");
    assertThat(overridden.exitCode()).isZero();
    assertThat(overridden.out()).isEmpty();
    assertThat(overridden.err())
        .isEqualTo("No state at local:" + configDir.resolve("elsewhere.json") + " yet.\n");
  }
}

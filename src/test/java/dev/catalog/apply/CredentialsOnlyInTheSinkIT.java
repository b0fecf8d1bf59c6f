package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.PASSWORD;
import static dev.catalog.apply.ApplyLifecycleIT.binding;
import static dev.catalog.apply.ApplyLifecycleIT.db;
import static dev.catalog.apply.ApplyLifecycleIT.queue;
import static dev.catalog.apply.ApplyLifecycleIT.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.cli.CliRun;
import dev.catalog.testbroker.LedgerBinding;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binding credentials reach the sink and nothing else: not stdout or stderr of apply (text, JSON,
 * --verbose traces), plan or destroy, not the state, and not any commit of the Git backend's
 * history or any other file catalog wrote.
 */
@Timeout(300)
class CredentialsOnlyInTheSinkIT {
  @TempDir Path dir;
  private ReferenceBroker broker;
  private Path config;
  private Path remote;

  @BeforeEach
  void setUp() throws Exception {
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ZERO));
    remote = dir.resolve("remote.git");
    try (var git = Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile())
        .call()) {
      var repoConfig = git.getRepository().getConfig();
      repoConfig.setBoolean("receive", null, "autogc", false);
      repoConfig.save();
    }
    var backend =
        """
        backend:
          type: git
          url: %s
          branch: main
          path: envs/prod/catalog.state.json
          author: Catalog Bot <bot@example.com>
          cacheDir: %s
        """
            .formatted(remote, dir.resolve("cache"));
    config = dir.resolve("conf/catalog.yaml");
    Files.createDirectories(config.getParent());
    Files.writeString(
        config,
        yaml(
                broker,
                db("orders-db", "small", 20) + queue("events"),
                binding("orders-app", "orders-db", "../sink/orders.json")
                    + binding("events-app", "events", "../sink/events.env"))
            .replace("brokers:", backend + "brokers:"));
  }

  @AfterEach
  void tearDown() {
    broker.close();
  }

  private CliRun run(String... args) {
    return CliRun.run(Map.of("BROKER_PW", PASSWORD, "CI", "true"), args);
  }

  @Test
  void bindingCredentialsAppearOnlyInTheSink() throws Exception {
    var outputs = new ArrayList<String>();
    var apply = run("--verbose", "apply", "-f", config.toString(), "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    outputs.add(apply.out());
    outputs.add(apply.err());
    var secrets = credentialValues();
    assertThat(secrets).isNotEmpty();
    var sink = Files.readString(dir.resolve("sink/orders.json"));
    assertThat(secrets).anySatisfy(s -> assertThat(sink).contains(s));

    var plan = run("--verbose", "plan", "-f", config.toString(), "--format", "json");
    var again = run("apply", "-f", config.toString(), "--auto-approve", "--format", "json");
    Stream.of(plan, again).forEach(r -> {
      outputs.add(r.out());
      outputs.add(r.err());
    });

    for (var secret : secrets) {
      for (var output : outputs) {
        assertThat(output).doesNotContain(secret);
      }
      for (var blob : gitHistory()) {
        assertThat(blob).doesNotContain(secret);
      }
      for (var file : filesOutsideTheSink()) {
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
            .as(file.toString())
            .doesNotContain(secret);
      }
    }
    var destroy = run("--verbose", "destroy", "-f", config.toString(), "--auto-approve");
    assertThat(destroy.exitCode()).isZero();
    for (var secret : secrets) {
      assertThat(destroy.out() + destroy.err()).doesNotContain(secret);
    }
  }

  /** Every string credential value the broker handed out, long enough to be recognisable. */
  private List<String> credentialValues() {
    return broker.ledger().bindings().stream()
        .map(LedgerBinding::credentials)
        .flatMap(c -> c.values().stream())
        .map(String::valueOf)
        .filter(v -> v.length() >= 6)
        .toList();
  }

  /** The content of every blob of every commit on every branch of the state repository. */
  private List<String> gitHistory() throws IOException {
    var blobs = new ArrayList<String>();
    try (var git = Git.open(remote.toFile());
        var walk = new RevWalk(git.getRepository())) {
      for (var ref : git.getRepository().getRefDatabase().getRefs()) {
        walk.markStart(walk.parseCommit(ref.getObjectId()));
      }
      for (var commit : walk) {
        blobs.add(commit.getFullMessage());
        try (var tree = new TreeWalk(git.getRepository())) {
          tree.addTree(commit.getTree());
          tree.setRecursive(true);
          while (tree.next()) {
            var bytes = git.getRepository().open(tree.getObjectId(0)).getBytes();
            blobs.add(new String(bytes, StandardCharsets.UTF_8));
          }
        }
      }
    }
    assertThat(blobs).isNotEmpty();
    return blobs;
  }

  /** Files catalog wrote outside the sink: backups, the Git cache, the configuration directory. */
  private List<Path> filesOutsideTheSink() throws IOException {
    try (var files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.startsWith(dir.resolve("sink")))
          .filter(f -> !f.startsWith(remote) && !f.toString().contains("/.git/objects/"))
          .toList();
    }
  }
}

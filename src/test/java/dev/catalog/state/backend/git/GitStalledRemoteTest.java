package dev.catalog.state.backend.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.catalog.CatalogException;
import dev.catalog.state.backend.LockInfo;
import dev.catalog.testing.MisbehavingServer;
import dev.catalog.testing.MisbehavingServer.Behaviour;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Git remote (or a proxy in front of it) that accepts and then stalls, or sends its answer a
 * byte at a time, ends as an error naming the remote and requestTimeout instead of holding catalog
 * until CI kills it (issue 19, item 2). A raw socket server: no real Git server misbehaves so on
 * demand; the real servers are in GitHttpsRemoteIT and GitSshRemoteIT.
 */
@Timeout(60)
class GitStalledRemoteTest {
  @TempDir Path dir;

  private GitBackend backend(String url) {
    return new GitBackend(
        GitSettings.from(
            Map.of("url", url, "requestTimeout", "2s", "connectTimeout", "1s"),
            dir,
            Map.of("HOME", dir.toString(), "XDG_CACHE_HOME", dir.resolve("cache").toString())));
  }

  @Test
  void anHttpRemoteTricklingItsAnswerEndsAfterRequestTimeoutNamingTheRemote() throws Exception {
    try (var server = MisbehavingServer.start(Behaviour.TRICKLE)) {
      var url = "http://127.0.0.1:" + server.port() + "/state.git";

      var e = timed(url);

      assertThat(e.error.getMessage())
          .isEqualTo(
              "cannot fetch refs/heads/main from "
                  + url
                  + ": the remote sent no complete answer within 2s (requestTimeout in the"
                  + " backend block; raise it if the server is only slow)");
      assertThat(e.took).isLessThan(Duration.ofSeconds(15));
    }
  }

  @Test
  void anHttpRemoteThatAcceptsAndSaysNothingEndsAfterRequestTimeout() throws Exception {
    try (var server = MisbehavingServer.start(Behaviour.STALL)) {
      var url = "http://127.0.0.1:" + server.port() + "/state.git";

      var e = timed(url);

      assertThat(e.error.getMessage())
          .isEqualTo(
              "cannot fetch refs/heads/main from "
                  + url
                  + ": the remote sent no complete answer within 2s (requestTimeout in the"
                  + " backend block; raise it if the server is only slow)");
      assertThat(e.took).isLessThan(Duration.ofSeconds(15));
    }
  }

  @Test
  void anSshRemoteThatAcceptsAndSaysNothingEndsAfterRequestTimeout() throws Exception {
    try (var server = MisbehavingServer.start(Behaviour.STALL)) {
      var url = "ssh://git@127.0.0.1:" + server.port() + "/state.git";

      var e = timed(url);

      assertThat(e.error.getMessage())
          .isEqualTo(
              "cannot fetch refs/heads/main from ssh://127.0.0.1:"
                  + server.port()
                  + "/state.git: the remote sent no complete answer within 2s (requestTimeout in"
                  + " the backend block; raise it if the server is only slow)");
      assertThat(e.took).isLessThan(Duration.ofSeconds(15));
    }
  }

  private record Failure(CatalogException error, Duration took) {}

  private Failure timed(String url) {
    long start = System.nanoTime();
    try (var backend = backend(url)) {
      var error = catchThrowableOfType(CatalogException.class, backend::read);
      return new Failure(error, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  @Test
  void takingTheLockOnAnSshRemoteThatNeverGreetsEndsAfterRequestTimeout() throws Exception {
    try (var server = MisbehavingServer.start(Behaviour.STALL);
        var backend = backend("ssh://git@127.0.0.1:" + server.port() + "/state.git")) {
      var lock = new LockInfo("stalled-lock", "ci@runner", "apply", Instant.now(), "0.1.0");
      long start = System.nanoTime();

      var e = catchThrowableOfType(CatalogException.class, () -> backend.lock(lock));

      assertThat(e.getMessage())
          .isEqualTo(
              "cannot push refs/catalog/locks/main/catalog.state.json to ssh://127.0.0.1:"
                  + server.port()
                  + "/state.git: the remote sent no complete answer within 2s (requestTimeout in"
                  + " the backend block; raise it if the server is only slow)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }
  }
}

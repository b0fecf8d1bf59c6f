package dev.catalog.state.backend;

import dev.catalog.cli.BackendFactory;
import dev.catalog.config.BackendKind;
import dev.catalog.cli.LastActions;
import dev.catalog.state.StateLocker;
import dev.catalog.state.StateStore;
import dev.catalog.state.TestStates;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;

/**
 * A second process for the contract suite: {@code MODE TYPE BASEDIR key=value...}. Modes: {@code
 * race LABEL COUNT} (CAS-writes COUNT resources after a "go" line on stdin), {@code writer} (writes
 * 5 MiB states until killed), {@code hold-lock} (locks, prints "locked", waits).
 */
public final class BackendChild {
  private BackendChild() {}

  public static void main(String[] args) throws Exception {
    var settings = new HashMap<String, String>();
    var rest = Arrays.asList(args).subList(3, args.length);
    var extra = rest.stream().filter(a -> !a.contains("=")).toList();
    rest.stream()
        .filter(a -> a.contains("="))
        .forEach(
            a -> settings.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
    var stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (var backend = BackendFactory.open(BackendKind.parse(args[1]), settings, Path.of(args[2]))) {
      var store = new StateStore(backend, "test");
      switch (args[0]) {
        case "race" -> race(store, extra.get(0), Integer.parseInt(extra.get(1)), stdin);
        case "writer" -> writer(store);
        case "hold-lock" -> holdLock(store);
        default -> throw new IllegalArgumentException(args[0]);
      }
    }
    System.exit(0);
  }

  private static void race(StateStore store, String label, int count, BufferedReader stdin)
      throws Exception {
    stdin.readLine();
    int landed = 0;
    int conflicts = 0;
    for (int i = 0; i < count; i++) {
      while (true) {
        var snapshot = store.read();
        var next = snapshot.state().with(TestStates.instance(label + "-" + i));
        try {
          store.write(snapshot, next);
          landed++;
          break;
        } catch (StateConflictException e) {
          conflicts++;
        }
      }
    }
    System.out.println("landed " + landed + " conflicts " + conflicts);
  }

  private static void writer(StateStore store) {
    for (int i = 0; ; i++) {
      var snapshot = store.read();
      var next =
          TestStates.large(snapshot.state(), 5 * 1024 * 1024).with(TestStates.instance("n" + i));
      System.out.println("writing " + (snapshot.state().serial() + 1));
      System.out.flush();
      store.write(snapshot, next);
    }
  }

  private static void holdLock(StateStore store) throws Exception {
    var locker =
        new StateLocker(
            store, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), "child@test", "test");
    var lastActions = new LastActions(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    var lock = locker.acquire("apply", Duration.ZERO);
    // As the CLI does (StateSession.lock): the lock holds no signal handler of its own.
    lastActions.add(lock::close);
    System.out.println("locked " + lock.info().id());
    System.out.flush();
    // Only a signal ends this: the CLI's last actions must release the lock.
    new java.util.concurrent.CountDownLatch(1).await();
    lock.close();
  }
}

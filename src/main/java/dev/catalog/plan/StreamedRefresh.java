package dev.catalog.plan;

import dev.catalog.config.CatalogConfig;
import dev.catalog.osb.model.Catalog;
import dev.catalog.state.ResourceState;
import dev.catalog.state.State;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A refreshing plan whose reads start while the state is still being decoded (issue 7: the decode
 * of 30,000 resources took about a second before the first read). The catalogs of the brokers the
 * configuration declares instances on are read on a thread of their own from the start; each
 * recorded resource {@linkplain #decoded handed over} is read back as soon as its broker's catalog
 * is known, within the same per-broker and overall bounds as {@link Refresher#refresh}. Only GETs
 * are sent before the state is complete; {@link #plan} then checks it exactly as {@link
 * Planner#plan(CatalogConfig, State, PlanOptions)} does, in the same order, so a state naming a
 * removed broker, or a catalog that cannot be read, fails the plan with the same message.
 */
public final class StreamedRefresh implements AutoCloseable {
  private final Planner planner;
  private final CatalogConfig config;
  private final PlanOptions options;
  private final Refresher refresher;
  private final RefreshReads reads;
  private final Map<String, CompletableFuture<Optional<Catalog>>> early = new LinkedHashMap<>();

  StreamedRefresh(
      Planner planner, CatalogConfig config, PlanOptions options, Refresher refresher) {
    this.planner = planner;
    this.config = config;
    this.options = options;
    this.refresher = refresher;
    this.reads = refresher.reads();
    var brokers = new TreeSet<String>();
    config.instances().forEach(i -> brokers.add(i.broker()));
    // All at once, each on its own thread (issue 19: one after the other, a broker that was down
    // cost its timeouts before the next broker was even asked).
    brokers.forEach(b -> early.put(b, refresher.readAsync(b)));
  }

  /**
   * Takes a resource as the state decoder yields it: its read starts now if its broker's catalog
   * was read (this waits for it once per broker); otherwise {@link #plan} reads it.
   */
  public void decoded(ResourceState resource) {
    var catalog = early.get(resource.broker());
    if (catalog == null) {
      return;
    }
    try {
      var read = catalog.join();
      if (read.isPresent()) {
        refresher.submit(reads, resource, Map.of(resource.broker(), read.get()));
      }
    } catch (CompletionException e) {
      // Reported by plan(), in broker order, after the state's own checks.
    }
  }

  /**
   * Plans against the complete {@code state}: reads what was not read yet, resolves the
   * configuration while the reads wait on the brokers, then diffs.
   */
  public Plan plan(State state) {
    BrokerChecks.refuseRemovedBrokers(config, state);
    var brokers = new TreeSet<>(early.keySet());
    state.resources().values().forEach(r -> brokers.add(r.broker()));
    var all = new TreeMap<String, CompletableFuture<Optional<Catalog>>>(early);
    for (var name : brokers) {
      all.computeIfAbsent(name, refresher::readAsync);
    }
    // Every broker that cannot be read is reported, in broker order.
    var catalogs = CatalogReads.await(all);
    for (var resource : state.resources().values()) {
      if (!reads.submitted(resource)) {
        refresher.submit(reads, resource, catalogs);
      }
    }
    return planner.planRefreshed(config, state, catalogs, reads, options);
  }

  /**
   * Stops the catalog reads and resource reads still under way (after a failure; a finished plan
   * has none), so a failed plan leaves no request running behind it.
   */
  @Override
  public void close() {
    early.values().forEach(read -> read.cancel(true));
    reads.close();
  }
}

package dev.catalog.plan;

import dev.catalog.CatalogException;
import dev.catalog.config.Broker;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.model.Catalog;
import dev.catalog.plan.LiveResource.Status;
import dev.catalog.state.Address;
import dev.catalog.state.ResourceState;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The read-backs of one refresh, in flight. A read is sent as soon as it is {@linkplain #submit
 * submitted}, so a plan can submit resources while the state is still being decoded (issue 7).
 * Reads to one broker are bounded by that broker's {@code concurrency} (one pool per broker sized
 * to it) and all reads by {@code --parallelism} (a shared semaphore): a read waiting for a global
 * permit holds only a thread of its own broker's pool, so no deadlock. Used from one thread;
 * closing it stops the reads still queued.
 */
final class RefreshReads implements AutoCloseable {
  private final int parallelism;
  private final Map<String, Integer> concurrency;
  private final Semaphore overall;
  private final Map<String, ExecutorService> pools = new HashMap<>();
  private final Map<Address, Future<LiveResource>> reads = new LinkedHashMap<>();
  private final Map<Address, ResourceState> submitted = new HashMap<>();

  RefreshReads(int parallelism, Map<String, Integer> concurrency) {
    this.parallelism = parallelism;
    this.concurrency = concurrency;
    this.overall = new Semaphore(parallelism);
  }

  /**
   * Starts reading {@code resource} back with its broker's client and catalog; empty ones (the
   * broker is not configured) make it a failed read at once. Submitting an address again replaces
   * the earlier read.
   */
  void submit(ResourceState resource, Optional<Catalog> catalog, Optional<BrokerClient> client) {
    submitted.put(resource.address(), resource);
    if (catalog.isEmpty() || client.isEmpty()) {
      var unread =
          LiveResource.unread(
              resource.address(),
              Status.FAILED,
              "broker \"" + resource.broker() + "\" is not configured");
      reads.put(resource.address(), CompletableFuture.completedFuture(unread));
      return;
    }
    var pool = pools.computeIfAbsent(resource.broker(), this::pool);
    reads.put(
        resource.address(),
        pool.submit(() -> readWithin(resource, catalog.get(), client.get())));
  }

  /** Whether exactly this resource (not only its address) has been submitted. */
  boolean submitted(ResourceState resource) {
    return submitted.get(resource.address()) == resource;
  }

  /**
   * Waits for every read; the live side by address and notes on what could not be read, sorted.
   *
   * @throws RuntimeException what a read threw other than a broker error (those are failed reads)
   */
  Refreshed finish(Map<String, Catalog> catalogs) {
    var live = new HashMap<Address, LiveResource>();
    for (var read : reads.values()) {
      var found = await(read);
      live.put(found.address(), found);
    }
    var notes =
        live.values().stream()
            .filter(l -> l.status() == Status.FAILED || l.status() == Status.NOT_RETRIEVABLE)
            .sorted(Comparator.comparing(LiveResource::address))
            .map(l -> l.address() + ": " + l.detail())
            .toList();
    return new Refreshed(catalogs, live, notes, true);
  }

  @Override
  public void close() {
    pools.values().forEach(ExecutorService::shutdownNow);
  }

  private ExecutorService pool(String broker) {
    int size = Math.min(parallelism, concurrency.getOrDefault(broker, Broker.DEFAULT_CONCURRENCY));
    return Executors.newFixedThreadPool(
        size,
        r -> {
          var t = new Thread(r, "catalog-refresh-" + broker);
          t.setDaemon(true);
          return t;
        });
  }

  private LiveResource readWithin(ResourceState resource, Catalog catalog, BrokerClient client)
      throws InterruptedException {
    overall.acquire();
    try {
      return Refresher.read(resource, catalog, client);
    } finally {
      overall.release();
    }
  }

  private static LiveResource await(Future<LiveResource> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogException("interrupted while reading resources back from brokers");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }
}

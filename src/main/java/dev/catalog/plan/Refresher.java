package dev.catalog.plan;

import dev.catalog.CatalogException;
import dev.catalog.config.Broker;
import dev.catalog.osb.BrokerClient;
import dev.catalog.osb.OfferingRef;
import dev.catalog.osb.model.Catalog;
import dev.catalog.plan.LiveResource.Status;
import dev.catalog.state.BindingState;
import dev.catalog.state.InstanceState;
import dev.catalog.state.ResourceState;
import dev.catalog.state.State;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the live side of a plan: each broker's catalog once per run, then a GET of every recorded
 * instance and binding whose offering allows it ({@code instances_retrievable}, {@code
 * bindings_retrievable}, checklist F-01, F-02). Reads to one broker are bounded by that broker's
 * {@code concurrency} (docs/configuration.md, default 10) and all reads together by {@code
 * --parallelism} (docs/plan.md), so a slow broker cannot be flooded and a fast one is not held back
 * by a global pool (issue 7). Only GETs are sent. A read that fails leaves the resource as recorded
 * (F-07) and is noted in the plan.
 */
public final class Refresher {
  private final BrokerClients clients;
  private final int parallelism;
  private final Map<String, Integer> concurrency;

  /** A refresher where every broker has the default concurrency. */
  public Refresher(BrokerClients clients, int parallelism) {
    this(clients, parallelism, Map.of());
  }

  /**
   * @param concurrency reads in flight at once per broker name; a broker not in it gets {@link
   *     Broker#DEFAULT_CONCURRENCY}
   */
  public Refresher(BrokerClients clients, int parallelism, Map<String, Integer> concurrency) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
    this.clients = clients;
    this.parallelism = parallelism;
    this.concurrency = Map.copyOf(concurrency);
  }

  /**
   * Reads the catalogs of {@code brokers} (those configured ones that need reading), all at once:
   * a broker that is down costs its timeouts once, not once per broker in turn, and every broker
   * that cannot be read is reported, not only the first (issue 19).
   */
  public Map<String, Catalog> catalogs(Set<String> brokers) {
    var reads = new TreeMap<String, CompletableFuture<Optional<Catalog>>>();
    for (var name : brokers) {
      reads.put(name, readAsync(name));
    }
    return CatalogReads.await(reads);
  }

  /** The catalog of one broker, read on its own thread; empty if the broker is not configured. */
  CompletableFuture<Optional<Catalog>> readAsync(String name) {
    var read = new CompletableFuture<Optional<Catalog>>();
    var client = clients.client(name);
    if (client.isEmpty()) {
      read.complete(Optional.empty());
      return read;
    }
    var thread =
        new Thread(
            () -> {
              try {
                read.complete(Optional.of(readCatalog(name, client.get())));
              } catch (RuntimeException e) {
                read.completeExceptionally(e);
              }
            },
            "catalog-" + name);
    thread.setDaemon(true);
    thread.start();
    // Cancelling the read (a failed plan) stops the thread's request too.
    read.whenComplete((c, e) -> {
      if (read.isCancelled()) {
        thread.interrupt();
      }
    });
    return read;
  }

  private static Catalog readCatalog(String name, BrokerClient client) {
    try {
      return client.catalog();
    } catch (CatalogException e) {
      throw new CatalogException(
          "broker \"" + name + "\": cannot read its catalog: " + e.getMessage(), e);
    }
  }

  /** Reads back every recorded resource whose broker is configured and allows it. */
  public Refreshed refresh(State state, Map<String, Catalog> catalogs) {
    try (var reads = reads()) {
      for (var resource : state.resources().values()) {
        submit(reads, resource, catalogs);
      }
      return reads.finish(catalogs);
    }
  }

  /** Reads not started yet, bounded as this refresher's are; the caller closes them. */
  RefreshReads reads() {
    return new RefreshReads(parallelism, concurrency);
  }

  /** Starts reading {@code resource} back with its broker's catalog (absent: a failed read). */
  void submit(RefreshReads reads, ResourceState resource, Map<String, Catalog> catalogs) {
    var catalog = Optional.ofNullable(catalogs.get(resource.broker()));
    var client =
        catalog.isEmpty() ? Optional.<BrokerClient>empty() : clients.client(resource.broker());
    reads.submit(resource, catalog, client);
  }

  static LiveResource read(ResourceState resource, Catalog catalog, BrokerClient client) {
    if (resource instanceof InstanceState instance) {
      return readInstance(instance, catalog, client);
    } else if (resource instanceof BindingState binding) {
      return readBinding(binding, catalog, client);
    }
    throw new AssertionError(resource);
  }

  private static LiveResource readInstance(InstanceState i, Catalog catalog, BrokerClient client) {
    var offering = catalog.serviceById(i.service().id());
    if (offering.isEmpty() || !offering.get().instancesRetrievable()) {
      return LiveResource.unread(
          i.address(),
          Status.NOT_RETRIEVABLE,
          "broker \""
              + i.broker()
              + "\" does not support fetching instances of service \""
              + i.service().name()
              + "\": drift in plan and parameters cannot be seen");
    }
    try {
      var hints = Optional.of(new OfferingRef(i.service().id(), i.plan().id()));
      var found = client.fetchInstance(i.instanceId(), hints);
      if (found.isEmpty()) {
        return goneOrPending(i);
      }
      var d = found.get();
      return new LiveResource(
          i.address(), Status.FOUND, d.planId(), d.parameters(), d.maintenanceInfoVersion(), "");
    } catch (CatalogException e) {
      return LiveResource.unread(
          i.address(),
          Status.FAILED,
          "could not be read back: " + e.getMessage() + "; it stays as recorded");
    }
  }

  private static LiveResource readBinding(BindingState b, Catalog catalog, BrokerClient client) {
    var offering = catalog.serviceById(b.service().id());
    if (offering.isEmpty() || !offering.get().bindingsRetrievable()) {
      return LiveResource.unread(
          b.address(),
          Status.NOT_RETRIEVABLE,
          "broker \""
              + b.broker()
              + "\" does not support fetching bindings of service \""
              + b.service().name()
              + "\": drift in binding parameters cannot be seen");
    }
    try {
      var hints = Optional.of(new OfferingRef(b.service().id(), b.plan().id()));
      var found = client.fetchBinding(b.instanceId(), b.bindingId(), hints);
      if (found.isEmpty()) {
        return goneOrPending(b);
      }
      // Credentials are dropped here: refresh only compares parameters.
      return new LiveResource(
          b.address(),
          Status.FOUND,
          Optional.empty(),
          found.get().parameters(),
          Optional.empty(),
          "");
    } catch (CatalogException e) {
      return LiveResource.unread(
          b.address(),
          Status.FAILED,
          "could not be read back: " + e.getMessage() + "; it stays as recorded");
    }
  }

  /** A 404 while our own operation is in flight means "not there yet", not gone (F-05, F-08). */
  private static LiveResource goneOrPending(ResourceState resource) {
    return resource.inFlight()
        ? LiveResource.unread(resource.address(), Status.PENDING, "its operation is in flight")
        : LiveResource.unread(resource.address(), Status.GONE, "");
  }

  /** The notes of a run that did not read live resources. */
  static List<String> notRefreshed() {
    return List.of("--refresh=false: live resources were not read; drift cannot be seen");
  }
}

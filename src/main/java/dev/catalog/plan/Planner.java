package dev.catalog.plan;

import dev.catalog.CatalogException;
import dev.catalog.SensitiveJson;
import dev.catalog.config.CatalogConfig;
import dev.catalog.config.ConfigException;
import dev.catalog.config.SecretRef;
import dev.catalog.osb.model.Catalog;
import dev.catalog.plan.LiveResource.Status;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.Fingerprint;
import dev.catalog.state.InstanceState;
import dev.catalog.state.ResourceState;
import dev.catalog.state.State;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes a plan (PRODUCT.md section 4): refreshes, resolves and validates, then diffs desired,
 * recorded and live state. Sends only GETs. Problems in the configuration come back together as one
 * {@link ConfigException}, before anything is planned.
 */
public final class Planner {
  private final BrokerClients clients;
  private final Function<SecretRef, SensitiveJson> secrets;

  private final Optional<CatalogLock> lock;
  private final Optional<SinkInspector> sinks;
  private final Clock clock;

  public Planner(BrokerClients clients, Function<SecretRef, SensitiveJson> secrets) {
    this(clients, secrets, Optional.empty(), Optional.empty(), Clock.systemUTC());
  }

  private Planner(
      BrokerClients clients,
      Function<SecretRef, SensitiveJson> secrets,
      Optional<CatalogLock> lock,
      Optional<SinkInspector> sinks,
      Clock clock) {
    this.clients = clients;
    this.secrets = secrets;
    this.lock = lock;
    this.sinks = sinks;
    this.clock = clock;
  }

  /** This planner, comparing the catalogs it reads with {@code lock} (docs/lock.md). */
  public Planner withLock(CatalogLock lock) {
    return new Planner(clients, secrets, Optional.of(lock), sinks, clock);
  }

  /**
   * This planner, reading every recorded sink when it refreshes, for sink drift (issue 13). A
   * planner without one sees no sink drift and assumes sinks hold what was delivered.
   */
  public Planner withSinks(SinkInspector inspector) {
    return new Planner(clients, secrets, lock, Optional.of(inspector), clock);
  }

  /** This planner, deciding what is due (retiring, rotating, expiring) at {@code now}'s clock. */
  public Planner withClock(Clock now) {
    return new Planner(clients, secrets, lock, sinks, now);
  }

  /** Plans {@code config} against {@code state}. */
  public Plan plan(CatalogConfig config, State state, PlanOptions options) {
    // The state is whole here, so this fails before any read is sent (a streamed plan checks
    // again once its state is complete).
    BrokerChecks.refuseRemovedBrokers(config, state);
    if (options.refresh()) {
      try (var refresh = refreshing(config, options)) {
        return refresh.plan(state);
      }
    }
    var notes = new ArrayList<String>();
    var needed = BrokerChecks.catalogsNeededWithoutRefresh(config, state, notes);
    // No live entries: the diff reads an absent one as NOT_REFRESHED (see live()), so a map of
    // 300,000 identical entries for 100,000 instances is not built (issue 7).
    var refreshed =
        new Refreshed(
            refresher(config, options).catalogs(needed), Map.of(), Refresher.notRefreshed(), false);
    return plan(
        config, state, refreshed, resolve(refreshed.catalogs(), state, config), options, notes);
  }

  /**
   * Starts a refreshing plan of {@code config} before the state is read: hand it the recorded
   * resources as the state is decoded, then the state itself (issue 7). The caller closes it.
   */
  public StreamedRefresh refreshing(CatalogConfig config, PlanOptions options) {
    if (!options.refresh()) {
      throw new IllegalArgumentException("a plan without refresh reads nothing ahead");
    }
    return new StreamedRefresh(this, config, options, refresher(config, options));
  }

  private Refresher refresher(CatalogConfig config, PlanOptions options) {
    var concurrency = new HashMap<String, Integer>();
    config.brokers().forEach(b -> concurrency.put(b.name(), b.concurrency()));
    return new Refresher(clients, options.parallelism(), concurrency);
  }

  /** The rest of a refreshing plan once every read is submitted: see {@link StreamedRefresh}. */
  Plan planRefreshed(
      CatalogConfig config,
      State state,
      Map<String, Catalog> catalogs,
      RefreshReads reads,
      PlanOptions options) {
    // Resolution needs only the catalogs, so it runs while the reads wait on the brokers
    // (issue 7: the serial work around the reads bounded a refreshing plan).
    var resolving = ConcurrentResolution.start(() -> resolve(catalogs, state, config));
    var refreshed = reads.finish(catalogs);
    return plan(config, state, refreshed, resolving.join(), options, new ArrayList<>());
  }

  /**
   * Plans from live data already read: resolution, validation and the diff, with no network.
   *
   * @param notes warnings gathered so far, shown first
   */
  public Plan plan(
      CatalogConfig config,
      State state,
      Refreshed refreshed,
      java.util.List<Address> targets,
      java.util.List<String> notes) {
    BrokerChecks.refuseRemovedBrokers(config, state);
    var resolution = resolve(refreshed.catalogs(), state, config);
    var options = new PlanOptions(false, PlanOptions.DEFAULT_PARALLELISM, targets);
    return plan(config, state, refreshed, resolution, options, notes);
  }

  private Resolution resolve(Map<String, Catalog> catalogs, State state, CatalogConfig config) {
    return new Resolver(catalogs, state, secrets).resolve(config);
  }

  private Plan plan(
      CatalogConfig config,
      State state,
      Refreshed refreshed,
      Resolution resolution,
      PlanOptions options,
      java.util.List<String> notes) {
    var targets = options.targets();
    ForcedReplacements.check(options.replace(), resolution, state);
    var all = new ArrayList<>(notes);
    all.addAll(refreshed.notes());
    all.addAll(resolution.notes());
    all.addAll(BrokerChecks.catalogChanges(config, state, refreshed.catalogs()));
    var out = new PlanCollector();
    java.util.function.Function<BindingState, Optional<SinkObservation>> observe =
        b ->
            refreshed.refreshed() && b.sink().isPresent() && !b.address().isRetiring()
                ? sinks.map(s -> s.observe(state.lineage(), b))
                : Optional.empty();
    diff(resolution, state, refreshed, observe, out, clock.instant(), options.replace());
    if (!out.errors().isEmpty()) {
      throw new ConfigException(out.errors());
    }
    all.addAll(out.notes());
    all.addAll(UnfinishedWork.notes(state));
    var changes = Targets.limit(out.changes(), targets);
    // Recorded protection holds even when the YAML entry is gone (issue 15); before anything is
    // shown or sent.
    DestroyGuard.refuseProtectedDestroys(changes);
    var planned = changes.stream().map(ResourceChange::address).collect(Collectors.toSet());
    var pending =
        UnfinishedWork.pending(state).stream().filter(p -> planned.contains(p.address())).toList();
    var drift =
        out.drift().stream()
            .filter(d -> changes.stream().anyMatch(c -> c.address().equals(d.address())))
            .toList();
    var fingerprints = new TreeMap<String, String>();
    refreshed.catalogs().forEach((name, c) -> fingerprints.put(name, CatalogFingerprint.of(c)));
    return new Plan(
        changes,
        drift,
        pending,
        all,
        targets,
        refreshed.refreshed(),
        GraphBuilder.of(changes),
        fingerprints,
        PlanCosts.of(changes, refreshed.catalogs()),
        lock.map(l -> CatalogLockDiff.of(l, config, refreshed.catalogs()))
            .orElse(java.util.List.of()),
        DestroyGuard.protectionChanges(changes));
  }

  private static void diff(
      Resolution desired,
      State state,
      Refreshed refreshed,
      Function<BindingState, Optional<SinkObservation>> observe,
      PlanCollector out,
      Instant now,
      java.util.List<Address> replace) {
    var key = Fingerprint.keyFor(state.lineage());
    var instances = new InstanceDiffer(key, out);
    var bindings = new BindingDiffer(key, out, now);
    var recorded = new TreeMap<Address, ResourceState>(state.resources());
    for (var d : desired.instances().values()) {
      var r = recorded.remove(d.address());
      if (r instanceof InstanceState i) {
        instances.diff(
            d,
            i,
            live(refreshed, d.address()),
            Optional.ofNullable(refreshed.catalogs().get(i.broker())));
      } else {
        instances.create(d, ActionReason.NEW_RESOURCE);
      }
      if (replace.contains(d.address())) {
        out.forceReplace(d.address());
      }
    }
    for (var d : desired.bindings().values()) {
      var r = recorded.remove(d.address());
      if (r instanceof BindingState b) {
        var instanceChange = out.change(d.instance().address());
        var instanceAction = instanceChange.map(ResourceChange::action).orElse(Action.NO_OP);
        bindings.diff(
            d,
            b,
            live(refreshed, d.address()),
            instanceAction,
            instanceGone(b, instanceChange, state),
            observeNoted(observe, b, out));
      } else {
        bindings.create(d, ActionReason.NEW_RESOURCE);
      }
      if (replace.contains(d.address())) {
        out.forceReplace(d.address());
      }
    }
    for (var r : recorded.values()) {
      if (r instanceof InstanceState i) {
        var stillBound =
            desired.bindings().values().stream()
                .filter(b -> b.config().instance().equals(i.address().name()))
                .map(b -> b.address().toString())
                .collect(Collectors.joining(", "));
        if (!stillBound.isEmpty()) {
          throw new CatalogException(
              i.address()
                  + " cannot be deleted while "
                  + stillBound
                  + " still bind it; remove those bindings too");
        }
        instances.delete(i);
      } else if (r instanceof BindingState b && b.address().isRetiring()) {
        bindings.retire(b);
      } else if (r instanceof BindingState b) {
        bindings.delete(b);
      }
    }
  }

  /** The sink of {@code b} as read; a failed read becomes a plan note, not drift. */
  private static Optional<SinkObservation> observeNoted(
      Function<BindingState, Optional<SinkObservation>> observe,
      BindingState b,
      PlanCollector out) {
    var seen = observe.apply(b);
    seen.filter(o -> o.kind() == SinkObservation.Kind.FAILED)
        .ifPresent(
            o ->
                out.note(
                    b.address()
                        + ": its credentials sink could not be read: "
                        + o.detail()
                        + "; sink drift cannot be seen"));
    return seen;
  }

  /**
   * Whether {@code binding}'s instance is gone as the binding knows it: found gone at its broker
   * (and so re-created), or re-created already under another id by an apply that stopped before the
   * binding followed. Either way the old binding went with its instance.
   */
  private static boolean instanceGone(
      BindingState binding, Optional<ResourceChange> instanceChange, State state) {
    var recreated =
        instanceChange
            .filter(c -> c.action() == Action.CREATE)
            .flatMap(ResourceChange::recorded)
            .isPresent();
    var instance = state.resources().get(binding.instance());
    var moved = instance != null && !instance.osbId().equals(binding.instanceId());
    return recreated || moved;
  }

  private static LiveResource live(Refreshed refreshed, Address address) {
    return refreshed.live(address).orElse(LiveResource.unread(address, Status.NOT_REFRESHED, ""));
  }
}

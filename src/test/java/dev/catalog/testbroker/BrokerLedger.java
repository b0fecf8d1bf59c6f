package dev.catalog.testbroker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the reference broker holds: instances, bindings and in-flight async operations, on an
 * injected clock so tests decide when an async operation ends. Thread-safe; the Spring services and
 * the tests share one instance.
 */
public final class BrokerLedger {
  /** An async operation on an instance or a binding, finishing at {@code endsAt}. */
  record Operation(String id, Kind kind, Instant endsAt, boolean fails) {
    enum Kind {
      PROVISION,
      DEPROVISION,
      BIND,
      UNBIND
    }
  }

  private final Clock clock;
  private final Map<String, LedgerInstance> instances = new ConcurrentHashMap<>();
  private final Map<String, LedgerBinding> bindings = new ConcurrentHashMap<>();
  private final Map<String, Operation> operations = new ConcurrentHashMap<>();
  private final Map<String, Operation> bindingOperations = new ConcurrentHashMap<>();
  private final AtomicReference<Duration> asyncDuration;
  private final AtomicBoolean failNextAsync = new AtomicBoolean();

  public BrokerLedger(Clock clock, Duration asyncDuration) {
    this.clock = clock;
    this.asyncDuration = new AtomicReference<>(asyncDuration);
  }

  public Clock clock() {
    return clock;
  }

  /** How long the next async operations stay "in progress". */
  public void asyncDuration(Duration duration) {
    asyncDuration.set(duration);
  }

  /** Makes the next async operation end {@code failed}. */
  public void failNextAsyncOperation() {
    failNextAsync.set(true);
  }

  public Optional<LedgerInstance> instance(String id) {
    return Optional.ofNullable(instances.get(id));
  }

  public List<LedgerInstance> instances() {
    return List.copyOf(instances.values());
  }

  public Optional<LedgerBinding> binding(String id) {
    return Optional.ofNullable(bindings.get(id));
  }

  public List<LedgerBinding> bindings() {
    return List.copyOf(bindings.values());
  }

  void put(LedgerInstance instance) {
    instances.put(instance.id(), instance);
  }

  void remove(String instanceId) {
    instances.remove(instanceId);
  }

  void put(LedgerBinding binding) {
    bindings.put(binding.id(), binding);
  }

  Optional<LedgerBinding> removeBinding(String bindingId) {
    return Optional.ofNullable(bindings.remove(bindingId));
  }

  /** Starts an async operation on an instance and returns its id (the OSB operation string). */
  String startAsync(String instanceId, Operation.Kind kind) {
    return start(operations, instanceId, kind);
  }

  /** Starts an async bind or unbind and returns its id (the OSB operation string). */
  String startBindingAsync(String bindingId, Operation.Kind kind) {
    return start(bindingOperations, bindingId, kind);
  }

  private String start(Map<String, Operation> into, String key, Operation.Kind kind) {
    var id = kind.name().toLowerCase() + " " + java.util.UUID.randomUUID();
    var fails = failNextAsync.getAndSet(false);
    into.put(key, new Operation(id, kind, clock.instant().plus(asyncDuration.get()), fails));
    return id;
  }

  Optional<Operation> operation(String instanceId) {
    return Optional.ofNullable(operations.get(instanceId));
  }

  Optional<Operation> bindingOperation(String bindingId) {
    return Optional.ofNullable(bindingOperations.get(bindingId));
  }

  boolean finished(Operation operation) {
    return !clock.instant().isBefore(operation.endsAt());
  }
}

package dev.catalog.state;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The whole state document: lineage, serial, brokers and resources by address.
 *
 * @param lineage a UUID fixed when the state is first created; a push of another lineage is refused
 * @param serial incremented by every write that changes content
 * @param toolVersion the catalog version that wrote it
 * @param brokers brokers by name, sorted
 * @param resources resources by address, sorted
 */
public record State(
    String lineage,
    long serial,
    String toolVersion,
    SortedMap<String, BrokerRecord> brokers,
    SortedMap<Address, ResourceState> resources) {

  public State {
    Objects.requireNonNull(lineage, "lineage");
    Objects.requireNonNull(toolVersion, "toolVersion");
    if (serial < 0) {
      throw new IllegalArgumentException("serial < 0");
    }
    brokers = Collections.unmodifiableSortedMap(new TreeMap<>(brokers));
    resources.forEach(
        (address, resource) -> {
          if (!address.equals(resource.address())) {
            throw new IllegalArgumentException(address + " keys " + resource.address());
          }
        });
    // Copied from a map already sorted by the addresses' own order, a TreeMap is built in linear
    // time without comparing a key; put by put it compared every address log n times. An apply
    // records each change as a new State, 3,000 copies of 1,000 resources for 1,000 instances
    // (issue 18: a fifth of the state writer's time with the Git backend).
    resources =
        Collections.unmodifiableSortedMap(
            resources.comparator() == null ? new TreeMap<>(resources) : sorted(resources));
  }

  private static TreeMap<Address, ResourceState> sorted(Map<Address, ResourceState> resources) {
    var byAddress = new TreeMap<Address, ResourceState>();
    byAddress.putAll(resources);
    return byAddress;
  }

  /** An empty state of a new lineage, serial 0. */
  public static State empty(UUID lineage, String toolVersion) {
    return new State(lineage.toString(), 0, toolVersion, new TreeMap<>(), new TreeMap<>());
  }

  /** The resource at {@code address}, if recorded. */
  public Optional<ResourceState> resource(Address address) {
    return Optional.ofNullable(resources.get(address));
  }

  /** A copy with {@code resource} added or replaced. */
  public State with(ResourceState resource) {
    var copy = new TreeMap<>(resources);
    copy.put(resource.address(), resource);
    return new State(lineage, serial, toolVersion, brokers, copy);
  }

  /** A copy without the resource at {@code address}. */
  public State without(Address address) {
    var copy = new TreeMap<>(resources);
    copy.remove(address);
    return new State(lineage, serial, toolVersion, brokers, copy);
  }

  /** A copy with {@code broker} recorded under {@code name}. */
  public State withBroker(String name, BrokerRecord broker) {
    var copy = new TreeMap<>(brokers);
    copy.put(name, broker);
    return new State(lineage, serial, toolVersion, copy, resources);
  }

  /** A copy with another serial and tool version (the store sets both when writing). */
  public State withSerial(long newSerial, String newToolVersion) {
    return new State(lineage, newSerial, newToolVersion, brokers, resources);
  }

  /** Resources whose last operation is still in progress. */
  public List<ResourceState> inFlight() {
    return resources.values().stream().filter(ResourceState::inFlight).toList();
  }

  /** Brokers and resources equal, ignoring serial, tool version and lineage. */
  public boolean sameContent(State other) {
    return brokers.equals(other.brokers) && resources.equals(other.resources);
  }
}

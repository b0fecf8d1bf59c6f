package dev.catalog.plan;

import dev.catalog.osb.model.Catalog;
import dev.catalog.state.Address;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live side of a plan: each referenced broker's catalog (read once per run) and what each
 * recorded resource looks like at its broker, plus notes on what could not be read.
 *
 * @param catalogs catalogs by broker name
 * @param live recorded resources as read back, by address
 * @param notes what could not be read and why (shown in the plan)
 * @param refreshed whether live resources were read at all ({@code --refresh})
 */
public record Refreshed(
    Map<String, Catalog> catalogs,
    Map<Address, LiveResource> live,
    List<String> notes,
    boolean refreshed) {
  public Refreshed {
    catalogs = Map.copyOf(catalogs);
    live = Map.copyOf(live);
    notes = List.copyOf(notes);
  }

  /** What refresh found of a recorded resource. */
  public Optional<LiveResource> live(Address address) {
    return Optional.ofNullable(live.get(address));
  }
}

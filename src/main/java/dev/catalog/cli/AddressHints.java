package dev.catalog.cli;

import dev.catalog.config.Suggestions;
import dev.catalog.state.Address;
import dev.catalog.state.State;

/**
 * "did you mean" for an address the state does not record (issue 17), as validate has for keys:
 * {@code no instance.orders-bd in state catalog.state.json; did you mean "instance.orders-db"?}.
 */
final class AddressHints {
  private AddressHints() {}

  /** {@code ; did you mean "ADDR"?} naming the nearest recorded address, or empty. */
  static String suffix(Address address, State state) {
    var recorded = state.resources().keySet().stream().map(Address::toString).toList();
    return Suggestions.nearest(address.toString(), recorded)
        .map(near -> "; did you mean \"" + near + "\"?")
        .orElse("");
  }
}

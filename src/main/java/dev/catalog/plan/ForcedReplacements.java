package dev.catalog.plan;

import dev.catalog.CatalogException;
import dev.catalog.state.Address;
import dev.catalog.state.ResourceKind;
import dev.catalog.state.State;
import java.util.List;

/** Checks the addresses of {@code --replace} before anything is planned (issue 14). */
final class ForcedReplacements {
  private ForcedReplacements() {}

  /**
   * @throws CatalogException naming the first address that is not both declared and recorded
   */
  static void check(List<Address> replace, Resolution desired, State state) {
    for (var address : replace) {
      if (address.isRetiring()) {
        throw new CatalogException(
            "--replace "
                + address
                + ": a retiring binding is not replaced; it is unbound once its overlap has"
                + " passed");
      }
      boolean declared =
          address.kind() == ResourceKind.INSTANCE
              ? desired.instances().containsKey(address.name())
              : desired.bindings().containsKey(address.name());
      if (!declared) {
        throw new CatalogException("--replace " + address + ": not declared in the configuration");
      }
      if (state.resource(address).isEmpty()) {
        throw new CatalogException(
            "--replace "
                + address
                + ": not in state yet, so there is nothing to replace (the plan creates it)");
      }
    }
  }
}

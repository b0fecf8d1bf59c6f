package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.State;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code catalog state mv OLD NEW}: renames a resource in state (after renaming it in the YAML), so
 * it is not destroyed and recreated. Bindings follow a renamed instance.
 */
@Command(name = "mv", mixinStandardHelpOptions = true, description = "Rename a resource.")
final class StateMvCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Mixin BackendOptions backend;

  @Parameters(index = "0", paramLabel = "OLD", description = "Its current address.")
  String from;

  @Parameters(index = "1", paramLabel = "NEW", description = "Its new address, of the same kind.")
  String to;

  private final CliEnvironment env;

  StateMvCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    var oldAddress = Address.parse(from);
    var newAddress = Address.parse(to);
    if (oldAddress.kind() != newAddress.kind()) {
      throw new CatalogException(
          "cannot move "
              + oldAddress
              + " to "
              + newAddress
              + ": both must be instances or both"
              + " bindings");
    }
    try (var session = StateSession.open(env, backend, config)) {
      session.mutate(
          "state mv", state -> move(state, oldAddress, newAddress, session.backend().identity()));
      env.out().println("Moved " + oldAddress + " to " + newAddress + ".");
      return ExitCode.OK;
    }
  }

  private static State move(State state, Address from, Address to, String identity) {
    var resource =
        state
            .resource(from)
            .orElseThrow(
                () ->
                    new CatalogException(
                        "no " + from + " in state " + identity + AddressHints.suffix(from, state)));
    if (state.resource(to).isPresent()) {
      throw new CatalogException(to + " already exists in state " + identity);
    }
    var result = state.without(from).with(resource.withAddress(to));
    for (var other : state.resources().values()) {
      if (other instanceof BindingState b && b.instance().equals(from)) {
        result = result.with(b.withInstance(to));
      }
    }
    return result;
  }
}

package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.State;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code catalog state rm ADDR...}: forgets resources without contacting any broker; they keep
 * existing there. An instance cannot be forgotten while a recorded binding still refers to it.
 */
@Command(
    name = "rm",
    mixinStandardHelpOptions = true,
    description = "Forget resources (the broker is not contacted).")
final class StateRmCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Mixin BackendOptions backend;

  @Parameters(arity = "1..*", paramLabel = "ADDRESS", description = "instance.NAME or binding.NAME")
  List<String> addresses;

  private final CliEnvironment env;

  StateRmCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    var parsed = addresses.stream().map(Address::parse).toList();
    try (var session = StateSession.open(env, backend, config)) {
      session.mutate("state rm", state -> remove(state, parsed, session.backend().identity()));
      parsed.forEach(
          a -> env.out().println("Removed " + a + " from state; it still exists at its broker."));
      return ExitCode.OK;
    }
  }

  private static State remove(State state, List<Address> addresses, String identity) {
    var result = state;
    for (var address : addresses) {
      if (state.resource(address).isEmpty()) {
        throw new CatalogException(
            "no " + address + " in state " + identity + AddressHints.suffix(address, state));
      }
      result = result.without(address);
    }
    for (var resource : result.resources().values()) {
      if (resource instanceof BindingState b && addresses.contains(b.instance())) {
        throw new CatalogException(
            b.address()
                + " still refers to "
                + b.instance()
                + ": remove both with 'catalog state"
                + " rm "
                + b.address()
                + " "
                + b.instance()
                + "'");
      }
    }
    return result;
  }
}

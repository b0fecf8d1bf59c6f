package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.state.Address;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code catalog state show ADDR}: one resource as state records it (never credentials). */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one resource.")
final class StateShowCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Mixin BackendOptions backend;

  @Parameters(paramLabel = "ADDRESS", description = "instance.NAME or binding.NAME")
  String address;

  private final CliEnvironment env;

  StateShowCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    var parsed = Address.parse(address);
    try (var session = StateSession.open(env, backend, config)) {
      var state = session.store().read().state();
      var resource =
          state
              .resource(parsed)
              .orElseThrow(
                  () ->
                      new CatalogException(
                          "no "
                              + parsed
                              + " in state "
                              + session.backend().identity()
                              + AddressHints.suffix(parsed, state)));
      env.out().println(session.store().codec().render(resource));
      return ExitCode.OK;
    }
  }
}

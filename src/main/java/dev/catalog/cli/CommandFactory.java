package dev.catalog.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates command objects, handing the {@link CliEnvironment} to those that take one. */
final class CommandFactory implements IFactory {
  private final CliEnvironment env;
  private final IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    // Looked up among the constructors rather than by getDeclaredConstructor, which throws for
    // every mixin and picocli type without one: an exception each on every start-up (issue 7).
    for (var ctor : type.getDeclaredConstructors()) {
      var parameters = ctor.getParameterTypes();
      if (parameters.length == 1 && parameters[0] == CliEnvironment.class) {
        ctor.setAccessible(true);
        return type.cast(ctor.newInstance(env));
      }
    }
    return fallback.create(type);
  }
}

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
    try {
      var ctor = type.getDeclaredConstructor(CliEnvironment.class);
      ctor.setAccessible(true);
      return ctor.newInstance(env);
    } catch (NoSuchMethodException e) {
      return fallback.create(type);
    }
  }
}

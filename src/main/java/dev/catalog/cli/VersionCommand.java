package dev.catalog.cli;

import picocli.CommandLine.Command;

/** {@code catalog version}: the same text as {@code catalog --version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version.")
final class VersionCommand implements Runnable {
  private final CliEnvironment env;

  VersionCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public void run() {
    for (var line : new VersionProvider().getVersion()) {
      env.out().println(line);
    }
    env.out().flush();
  }
}

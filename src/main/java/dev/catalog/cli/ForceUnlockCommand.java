package dev.catalog.cli;

import picocli.CommandLine.Command;

/** {@code catalog force-unlock}: Release a state lock left by a run that died. */
@Command(name = "force-unlock", mixinStandardHelpOptions = true, description = "Release a state lock left by a run that died.")
final class ForceUnlockCommand extends NotImplementedYet {
  ForceUnlockCommand(CliEnvironment env) {
    super(env);
  }
}

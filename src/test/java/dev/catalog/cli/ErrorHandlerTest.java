package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.config.ConfigException;
import dev.catalog.config.Diagnostic;
import dev.catalog.config.Location;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest {
  @Test
  void configErrorsFromAnyCommandPrintOneLineEachThenTheCount() {
    var out = new StringWriter();
    var err = new StringWriter();
    var env = new CliEnvironment(new PrintWriter(out), new PrintWriter(err), Map.of(), false);
    var e =
        new ConfigException(
            List.of(
                Diagnostic.of(
                    new Location("catalog.yaml", 7, 19),
                    "brokers[0].auth.basic.password",
                    "environment variable \"PW\" is not set"),
                new Diagnostic(
                    new Location("catalog.yaml", 14, 11),
                    "instances[1].plan",
                    "unknown plan \"smal\"",
                    "did you mean \"small\"?")));
    int code = new ErrorHandler(env).handleExecutionException(e, null, null);
    assertThat(code).isEqualTo(ExitCode.ERROR);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            """
            catalog.yaml:7:19: brokers[0].auth.basic.password: environment variable "PW" is not set
            catalog.yaml:14:11: instances[1].plan: unknown plan "smal"; did you mean "small"?
            2 errors.
            """);
  }
}

package dev.catalog.config;

import dev.catalog.config.CredentialsTarget.FileTarget;
import dev.catalog.config.CredentialsTarget.SecretTarget;
import java.util.HashMap;
import java.util.List;

/**
 * Checks that no two bindings deliver credentials to the same Kubernetes Secret or file: each apply
 * would overwrite the other's credentials, and a delete would remove both.
 */
final class SinkChecker {
  private SinkChecker() {}

  static void check(List<FileContents> files, Diagnostics diagnostics) {
    var owners = new HashMap<String, Binding>();
    for (var file : files) {
      for (var binding : file.bindings) {
        var target = binding.credentials();
        String key;
        String field;
        String what;
        if (target instanceof SecretTarget secret) {
          key =
              "secret:"
                  + secret.context().orElse("")
                  + ":"
                  + secret.namespace()
                  + "/"
                  + secret.name();
          field = "credentials.secret";
          what =
              "Kubernetes Secret \""
                  + secret.namespace()
                  + "/"
                  + secret.name()
                  + "\""
                  + secret.context().map(c -> " of context \"" + c + "\"").orElse("");
        } else {
          var sink = (FileTarget) target;
          key = "file:" + sink.path().toAbsolutePath().normalize();
          field = "credentials.file.path";
          what = "file \"" + sink.written() + "\"";
        }
        var first = owners.putIfAbsent(key, binding);
        if (first != null) {
          var source = binding.source();
          diagnostics.error(
              source.locationOf(field),
              source.pathOf(field),
              what
                  + " already receives the credentials of binding \""
                  + first.name()
                  + "\" ("
                  + first.location()
                  + ")",
              "give each binding its own sink");
        }
      }
    }
  }
}

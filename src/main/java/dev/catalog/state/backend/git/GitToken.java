package dev.catalog.state.backend.git;

import dev.catalog.CatalogException;
import dev.catalog.KubeClients;
import dev.catalog.KubeTimeoutException;
import dev.catalog.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTPS token of the git backend. The configuration writes it as every other secret, {@code
 * token: {fromEnv: NAME}}, {@code {fromFile: PATH}} or {@code {fromSecret: {namespace, name,
 * key}}}; the configuration reader hands it over as the setting {@code token} = {@code
 * fromEnv:NAME}, {@code fromFile:PATH} or {@code fromSecret:NS/NAME/KEY} (also accepted from {@code
 * --backend-config}). The older {@code tokenEnv} / {@code tokenFile} still work, with a deprecation
 * warning (issue 17). No message ever quotes the value.
 */
final class GitToken {
  private GitToken() {}

  static Optional<Secret> read(
      Map<String, String> settings, Path baseDir, Map<String, String> env, List<String> warnings) {
    var ref = settings.get("token");
    if (ref != null) {
      return Optional.of(resolve(ref, baseDir, env));
    }
    var tokenEnv = settings.get("tokenEnv");
    if (tokenEnv != null) {
      warnings.add(deprecated("tokenEnv: " + tokenEnv, "token: { fromEnv: " + tokenEnv + " }"));
      return Optional.of(fromEnv(tokenEnv, env, "tokenEnv"));
    }
    var tokenFile = settings.get("tokenFile");
    if (tokenFile != null) {
      warnings.add(deprecated("tokenFile: " + tokenFile, "token: { fromFile: " + tokenFile + " }"));
      return Optional.of(fromFile(baseDir.resolve(tokenFile), "tokenFile"));
    }
    return Optional.empty();
  }

  private static String deprecated(String old, String now) {
    return "the git backend setting '"
        + old
        + "' is deprecated and will be removed: write '"
        + now
        + "', as for broker passwords";
  }

  private static Secret resolve(String ref, Path baseDir, Map<String, String> env) {
    var colon = ref.indexOf(':');
    var kind = colon < 0 ? "" : ref.substring(0, colon);
    var value = colon < 0 ? "" : ref.substring(colon + 1);
    return switch (kind) {
      case "fromEnv" -> fromEnv(value, env, "token.fromEnv");
      case "fromFile" -> fromFile(baseDir.resolve(value), "token.fromFile");
      case "fromSecret" -> fromSecret(value, env);
      default ->
          // Never quote it: someone may have written the token itself here.
          throw new CatalogException(
              "the git backend's token must be a reference, not a value: write token: { fromEnv:"
                  + " NAME }, { fromFile: PATH } or { fromSecret: { namespace: NS, name: NAME,"
                  + " key: KEY } } (on the command line: token=fromEnv:NAME)");
    };
  }

  private static Secret fromEnv(String name, Map<String, String> env, String field) {
    var value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new CatalogException(
          "the git state backend reads its token from environment variable "
              + name
              + " ("
              + field
              + "), which is "
              + (value == null ? "not set" : "empty"));
    }
    return Secret.of(value.trim());
  }

  private static Secret fromFile(Path file, String field) {
    try {
      return nonEmpty(
          Files.readString(file, StandardCharsets.UTF_8).trim(), file + " (" + field + ")");
    } catch (NoSuchFileException e) {
      throw new CatalogException(
          "cannot read the git backend token file " + file + " (" + field + "): no such file");
    } catch (IOException e) {
      throw new CatalogException(
          "cannot read the git backend token file " + file + " (" + field + "): " + e.getMessage());
    }
  }

  private static Secret fromSecret(String ref, Map<String, String> env) {
    var parts = ref.split("/", 3);
    if (parts.length != 3) {
      throw new CatalogException(
          "the git backend's token.fromSecret needs namespace, name and key");
    }
    var what = "Kubernetes Secret \"" + parts[0] + "/" + parts[1] + "\" (token.fromSecret)";
    var kubeconfig = env.get("KUBECONFIG");
    var config =
        kubeconfig != null && !kubeconfig.isBlank()
            ? Config.fromKubeconfig(null, new File(kubeconfig.split(File.pathSeparator)[0]))
            : Config.autoConfigure(null);
    try (var client = KubeClients.open(config, KubeClients.limitsFrom(env))) {
      var secret = client.secrets().inNamespace(parts[0]).withName(parts[1]).get();
      if (secret == null) {
        throw new CatalogException("cannot read the git backend token: " + what + " not found");
      }
      var data = secret.getData() == null ? Map.<String, String>of() : secret.getData();
      if (!data.containsKey(parts[2])) {
        throw new CatalogException(
            "cannot read the git backend token: " + what + " has no key \"" + parts[2] + "\"");
      }
      var value = Base64.getMimeDecoder().decode(data.get(parts[2]));
      return nonEmpty(new String(value, StandardCharsets.UTF_8).trim(), what);
    } catch (KubernetesClientException e) {
      var status =
          e.getCode() > 0
              ? "HTTP " + e.getCode()
              : KubeTimeoutException.in(e)
                  .map(Throwable::getMessage)
                  .orElse("no answer from the API server");
      throw new CatalogException("cannot read the git backend token from " + what + ": " + status);
    }
  }

  private static Secret nonEmpty(String value, String what) {
    if (value.isEmpty()) {
      throw new CatalogException("the git backend token in " + what + " is empty");
    }
    return Secret.of(value);
  }
}

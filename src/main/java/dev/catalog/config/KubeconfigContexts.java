package dev.catalog.config;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The context names of the kubeconfig a run uses, read from its files only: a Secret sink naming a
 * {@code context} is checked against them when the configuration is read, before any broker or
 * cluster is asked (issue 13). The files are found as {@code kubectl} and the sinks find them: each
 * file of {@code KUBECONFIG} (a path list), else {@code ~/.kube/config}.
 *
 * @param source how messages name the files read, like {@code kubeconfig /home/me/.kube/config}
 * @param names the contexts defined, in file order
 * @param current the current context (the first file that sets one wins, as with kubectl)
 */
public record KubeconfigContexts(String source, Set<String> names, Optional<String> current) {
  public KubeconfigContexts {
    names = Set.copyOf(new LinkedHashSet<>(names));
    Objects.requireNonNull(current, "current");
  }

  /** Reads the contexts of the kubeconfig {@code env} selects. */
  public static KubeconfigContexts read(Map<String, String> env) {
    var files = new ArrayList<Path>();
    var kubeconfig = env.getOrDefault("KUBECONFIG", "");
    if (!kubeconfig.isBlank()) {
      for (var part : kubeconfig.split(File.pathSeparator)) {
        if (!part.isBlank() && Files.isRegularFile(Path.of(part))) {
          files.add(Path.of(part));
        }
      }
    } else {
      var home = env.getOrDefault("HOME", System.getProperty("user.home"));
      var file = Path.of(home, ".kube", "config");
      if (Files.isRegularFile(file)) {
        files.add(file);
      }
    }
    if (files.isEmpty()) {
      return new KubeconfigContexts(
          kubeconfig.isBlank()
              ? "no kubeconfig (KUBECONFIG is unset and there is no ~/.kube/config)"
              : "no kubeconfig (no file of KUBECONFIG=" + kubeconfig + " exists)",
          Set.of(),
          Optional.empty());
    }
    var names = new LinkedHashSet<String>();
    String current = null;
    for (var file : files) {
      try {
        // Parsed only: building a client Config would run exec credential plugins of the file.
        var parsed = KubeConfigUtils.parseConfig(file.toFile());
        List<NamedContext> contexts = parsed.getContexts();
        if (current == null
            && parsed.getCurrentContext() != null
            && !parsed.getCurrentContext().isBlank()) {
          current = parsed.getCurrentContext();
        }
        if (contexts != null) {
          contexts.forEach(c -> names.add(c.getName()));
        }
      } catch (RuntimeException e) {
        // An unreadable file defines no context; the message lists the contexts found.
      }
    }
    var shown = files.stream().map(Path::toString).toList();
    return new KubeconfigContexts(
        "kubeconfig " + String.join(", ", shown), names, Optional.ofNullable(current));
  }

  /** Reports every Secret sink whose {@code context} the kubeconfig does not define. */
  static void check(List<FileContents> files, Map<String, String> env, Diagnostics diagnostics) {
    KubeconfigContexts contexts = null;
    for (var file : files) {
      for (var binding : file.bindings) {
        if (!(binding.credentials() instanceof CredentialsTarget.SecretTarget secret)
            || secret.context().isEmpty()) {
          continue;
        }
        if (contexts == null) {
          contexts = read(env); // only when a context is named: most runs read no kubeconfig
        }
        var context = secret.context().get();
        if (!contexts.names().contains(context)) {
          var field = "credentials.secret.context";
          var known = contexts.names().stream().sorted().toList();
          diagnostics.error(
              binding.source().locationOf(field),
              binding.source().pathOf(field),
              "unknown context \""
                  + context
                  + "\": "
                  + contexts.source()
                  + (known.isEmpty()
                      ? " defines no context"
                      : " defines " + String.join(", ", known)),
              Suggestions.nearest(context, known)
                  .map(n -> "did you mean \"" + n + "\"?")
                  .orElse(
                      "name a context of the kubeconfig, or set KUBECONFIG to the file that has"
                          + " it"));
        }
      }
    }
    if (contexts != null && contexts.current().isPresent()) {
      checkCurrentTwins(files, contexts.current().get(), diagnostics);
    }
  }

  /**
   * A sink with no context and one naming the current context by name are the same Secret of the
   * same cluster; {@link SinkChecker} compares the contexts as written, so it cannot see this.
   */
  private static void checkCurrentTwins(
      List<FileContents> files, String current, Diagnostics diagnostics) {
    var implicit = new HashMap<String, Binding>();
    var named = new ArrayList<Binding>();
    for (var file : files) {
      for (var binding : file.bindings) {
        if (binding.credentials() instanceof CredentialsTarget.SecretTarget secret) {
          var where = secret.namespace() + "/" + secret.name();
          if (secret.context().isEmpty()) {
            implicit.putIfAbsent(where, binding);
          } else if (secret.context().get().equals(current)) {
            named.add(binding);
          }
        }
      }
    }
    for (var binding : named) {
      var secret = (CredentialsTarget.SecretTarget) binding.credentials();
      var first = implicit.get(secret.namespace() + "/" + secret.name());
      if (first != null) {
        var field = "credentials.secret";
        diagnostics.error(
            binding.source().locationOf(field),
            binding.source().pathOf(field),
            "Kubernetes Secret \""
                + secret.namespace()
                + "/"
                + secret.name()
                + "\" of context \""
                + current
                + "\" (the current context) already receives the credentials of binding \""
                + first.name()
                + "\" ("
                + first.location()
                + ")",
            "give each binding its own sink");
      }
    }
  }
}

package dev.catalog.sink;

import dev.catalog.config.CredentialsTarget;
import dev.catalog.config.CredentialsTarget.FileTarget;
import dev.catalog.config.CredentialsTarget.SecretTarget;
import dev.catalog.state.Address;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks, before anything is bound, that every sink an apply will deliver to can be written (issue
 * 19): a Secret's cluster answers, its namespace exists and the account may write Secrets there; a
 * file's directory exists (or can be made) and is writable. A bind whose credentials cannot be
 * delivered leaves them live at the broker with nowhere to go, so these are found first. Each
 * namespace and each directory is checked once.
 */
final class SinkPreflight {
  /** The Secret verbs {@link KubernetesSecretSink} uses: read, create, update, delete. */
  static final List<String> SECRET_VERBS = List.of("get", "create", "update", "delete");

  private final Function<Optional<String>, KubernetesClient> kubernetes;

  /**
   * @param kubernetes the client of a kubeconfig context's cluster (empty: the current one)
   */
  SinkPreflight(Function<Optional<String>, KubernetesClient> kubernetes) {
    this.kubernetes = kubernetes;
  }

  /** One message per binding whose sink cannot be written; empty when all can. */
  List<String> problems(Map<Address, CredentialsTarget> targets) {
    var byNamespace = new LinkedHashMap<List<Object>, String>();
    var byDirectory = new LinkedHashMap<Path, String>();
    var problems = new ArrayList<String>();
    targets.forEach(
        (binding, target) -> {
          String problem;
          if (target instanceof SecretTarget secret) {
            problem =
                byNamespace.computeIfAbsent(
                    List.of(secret.context(), secret.namespace()),
                    key -> secretProblem(secret.context(), secret.namespace()));
            problem = problem.isEmpty() ? "" : where(binding, secret) + problem;
          } else if (target instanceof FileTarget file) {
            Path dir = file.path().toAbsolutePath().normalize().getParent();
            problem = byDirectory.computeIfAbsent(dir, SinkPreflight::directoryProblem);
            if (problem.isEmpty() && Files.isDirectory(file.path())) {
              problem = " " + file.path().toAbsolutePath().normalize() + " is a directory";
            }
            problem = problem.isEmpty() ? "" : where(binding, file) + problem;
          } else {
            throw new AssertionError(target);
          }
          if (!problem.isEmpty()) {
            problems.add(problem);
          }
        });
    return problems;
  }

  private static String where(Address binding, SecretTarget secret) {
    return binding
        + ": cannot deliver credentials to Kubernetes Secret \""
        + secret.namespace()
        + "/"
        + secret.name()
        + "\""
        + secret.context().map(c -> " of context \"" + c + "\"").orElse("")
        + ":";
  }

  private static String where(Address binding, FileTarget file) {
    return binding + ": cannot deliver credentials to file " + file.written() + ":";
  }

  /** Empty when Secrets can be written in {@code namespace}, else why not (leading space). */
  private String secretProblem(Optional<String> context, String namespace) {
    KubernetesClient client = kubernetes.apply(context);
    String cluster = KubeClusters.describe(client);
    var denied = new ArrayList<String>();
    try {
      for (String verb : SECRET_VERBS) {
        if (!allowed(client, namespace, verb)) {
          denied.add(verb);
        }
      }
      if (!denied.isEmpty()) {
        return " the account of "
            + cluster
            + " may not "
            + String.join(", ", denied)
            + " Secrets in namespace \""
            + namespace
            + "\" (a SelfSubjectAccessReview said no); grant "
            + String.join(", ", SECRET_VERBS)
            + " on secrets there with a Role and RoleBinding (examples/kubernetes/"
            + "secret-sink-rbac.yaml), or set KUBECONFIG to an account that has them";
      }
      return namespaceExists(client, namespace)
          ? ""
          : " namespace \"" + namespace + "\" does not exist in " + cluster;
    } catch (KubernetesClientException e) {
      return " " + KubeClusters.unreachableOrFailed(cluster, e);
    }
  }

  private static boolean allowed(KubernetesClient client, String namespace, String verb) {
    SelfSubjectAccessReview review =
        new SelfSubjectAccessReviewBuilder()
            .withNewSpec()
            .withNewResourceAttributes()
            .withNamespace(namespace)
            .withVerb(verb)
            .withGroup("")
            .withResource("secrets")
            .endResourceAttributes()
            .endSpec()
            .build();
    var answer = client.authorization().v1().selfSubjectAccessReview().create(review);
    return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
  }

  /**
   * A dry-run create of a Secret: the server checks the namespace (404 when it is missing) and
   * stores nothing. It needs only the create permission already checked, not read access to
   * namespaces, which a namespaced account seldom has.
   */
  private static boolean namespaceExists(KubernetesClient client, String namespace) {
    var probe =
        new SecretBuilder()
            .withNewMetadata()
            .withGenerateName("catalog-preflight-")
            .withNamespace(namespace)
            .endMetadata()
            .build();
    try {
      client.secrets().inNamespace(namespace).resource(probe).dryRun().create();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** Empty when a file can be created in {@code dir} (made if missing), else why not. */
  private static String directoryProblem(Path dir) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return " no part of " + dir + " exists";
    }
    if (!Files.isDirectory(existing)) {
      return " " + existing + " is not a directory";
    }
    try {
      // A real write: permission bits, read-only mounts and ACLs all show, as they would later.
      Files.delete(Files.createTempFile(existing, ".catalog-preflight-", ".tmp"));
      return "";
    } catch (IOException e) {
      return " cannot create files in " + existing + ": " + osReason(e);
    }
  }

  private static String osReason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage();
  }
}

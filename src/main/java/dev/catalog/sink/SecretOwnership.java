package dev.catalog.sink;

import dev.catalog.CatalogException;
import dev.catalog.state.Address;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;
import java.util.Optional;

/**
 * The labels and annotation that mark a credentials Secret as catalog's, for one binding. A Secret
 * without them was made by someone else and is never overwritten or deleted.
 */
final class SecretOwnership {
  /** The standard label naming the tool that manages an object. */
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  static final String MANAGER = "catalog";

  /** Label with the binding name, so {@code kubectl get secret -l} finds a binding's Secret. */
  static final String BINDING_LABEL = "catalog.dev/binding";

  /** Annotation with the owning binding's address; the ownership check compares it. */
  static final String OWNER_ANNOTATION = "catalog.dev/owner";

  private SecretOwnership() {}

  /**
   * Empty when {@code existing} is marked as written by catalog for {@code binding}, else whose it
   * is: {@code exists and was not created by catalog} or {@code holds the credentials of ADDR}.
   */
  static Optional<String> whose(ObjectMeta existing, Address binding) {
    Map<String, String> labels = existing.getLabels() == null ? Map.of() : existing.getLabels();
    Map<String, String> annotations =
        existing.getAnnotations() == null ? Map.of() : existing.getAnnotations();
    String owner = annotations.get(OWNER_ANNOTATION);
    boolean ours = MANAGER.equals(labels.get(MANAGED_BY)) && owner != null;
    if (ours && owner.equals(binding.toString())) {
      return Optional.empty();
    }
    return Optional.of(
        ours ? "holds the credentials of " + owner : "exists and was not created by catalog");
  }

  /** The commands that hand an existing Secret to {@code binding}; its data is then replaced. */
  static String adoption(ObjectMeta existing, Address binding) {
    String where = "kubectl -n " + existing.getNamespace() + " ";
    return where
        + "label secret "
        + existing.getName()
        + " "
        + MANAGED_BY
        + "="
        + MANAGER
        + " "
        + BINDING_LABEL
        + "="
        + binding.name()
        + " && "
        + where
        + "annotate secret "
        + existing.getName()
        + " "
        + OWNER_ANNOTATION
        + "="
        + binding
        + " (the next apply replaces its data)";
  }

  static Map<String, String> labels(Address binding) {
    return Map.of(MANAGED_BY, MANAGER, BINDING_LABEL, binding.name());
  }

  static Map<String, String> annotations(Address binding) {
    return Map.of(OWNER_ANNOTATION, binding.toString());
  }

  /**
   * Fails unless {@code existing} is marked as written by catalog for {@code binding}.
   *
   * @param what {@code overwrite}, {@code read credentials from} or {@code delete}
   */
  static void check(ObjectMeta existing, Address binding, String secret, String what) {
    var problem = whose(existing, binding);
    if (problem.isEmpty()) {
      return;
    }
    String whose = " " + problem.get();
    boolean ours = problem.get().startsWith("holds");
    // Only a write can be redirected; a read or delete of someone else's Secret just stops.
    String hint =
        what.equals("overwrite")
            ? (ours ? " Deliver" : " Delete it, or deliver")
                + " the credentials to another Secret name"
                + (ours ? "." : ", or adopt it: " + adoption(existing, binding) + ".")
            : "";
    throw new CatalogException(
        binding
            + ": Kubernetes Secret "
            + secret
            + whose
            + "; refusing to "
            + what
            + " it."
            + hint);
  }
}

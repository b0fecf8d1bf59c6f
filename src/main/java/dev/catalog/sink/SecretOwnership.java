package dev.catalog.sink;

import dev.catalog.CatalogException;
import dev.catalog.state.Address;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

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
    Map<String, String> labels = existing.getLabels() == null ? Map.of() : existing.getLabels();
    Map<String, String> annotations =
        existing.getAnnotations() == null ? Map.of() : existing.getAnnotations();
    String owner = annotations.get(OWNER_ANNOTATION);
    boolean ours = MANAGER.equals(labels.get(MANAGED_BY)) && owner != null;
    if (ours && owner.equals(binding.toString())) {
      return;
    }
    String whose =
        ours ? " holds the credentials of " + owner : " exists and was not created by catalog";
    // Only a write can be redirected; a read or delete of someone else's Secret just stops.
    String hint =
        what.equals("overwrite")
            ? (ours ? " Deliver" : " Delete it, or deliver")
                + " the credentials to another Secret name."
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

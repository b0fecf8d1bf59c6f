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
   * @param what {@code overwrite} or {@code delete}, for the message
   */
  static void check(ObjectMeta existing, Address binding, String secret, String what) {
    Map<String, String> labels = existing.getLabels() == null ? Map.of() : existing.getLabels();
    Map<String, String> annotations =
        existing.getAnnotations() == null ? Map.of() : existing.getAnnotations();
    String owner = annotations.get(OWNER_ANNOTATION);
    if (!MANAGER.equals(labels.get(MANAGED_BY)) || owner == null) {
      throw new CatalogException(
          binding
              + ": Kubernetes Secret "
              + secret
              + " exists and was not created by catalog;"
              + " refusing to "
              + what
              + " it. Delete it, or deliver the credentials to another"
              + " Secret name.");
    }
    if (!owner.equals(binding.toString())) {
      throw new CatalogException(
          binding
              + ": Kubernetes Secret "
              + secret
              + " holds the credentials of "
              + owner
              + "; refusing to "
              + what
              + " it. Deliver the credentials to another Secret name.");
    }
  }
}

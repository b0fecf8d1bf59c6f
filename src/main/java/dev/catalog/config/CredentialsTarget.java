package dev.catalog.config;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Where a binding's credentials are delivered: a Kubernetes Secret or a local file. */
public sealed interface CredentialsTarget {
  /** The key transforms applied to the credentials before they are written, in order. */
  List<KeyTransform> transforms();

  /**
   * A Kubernetes Secret, one key per credential (after the transforms, in order).
   *
   * @param context the kubeconfig context of the Secret's cluster; empty for the current one
   * @param namespace the Secret's namespace
   * @param name the Secret's name
   * @param transforms key transforms applied to the credentials before writing
   * @param type the Secret's {@code type}: {@value #DEFAULT_TYPE} unless written, {@code
   *     servicebinding.io/TYPE} under the servicebinding layout
   * @param labels the user's labels, sorted by key; catalog adds its own ownership labels
   * @param annotations the user's annotations, sorted by key; catalog adds its owner annotation
   * @param layout the servicebinding.io layout, when {@code layout: servicebinding} is written
   */
  record SecretTarget(
      Optional<String> context,
      String namespace,
      String name,
      List<KeyTransform> transforms,
      String type,
      Map<String, String> labels,
      Map<String, String> annotations,
      Optional<ServiceBindingLayout> layout)
      implements CredentialsTarget {
    /** The type of a Secret whose type is not written. */
    public static final String DEFAULT_TYPE = "Opaque";

    public SecretTarget {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
      transforms = List.copyOf(transforms);
      Objects.requireNonNull(type, "type");
      labels = sorted(labels);
      annotations = sorted(annotations);
      Objects.requireNonNull(layout, "layout");
    }

    /**
     * An {@code Opaque} Secret in the current context, with no labels or annotations of the user.
     */
    public SecretTarget(String namespace, String name, List<KeyTransform> transforms) {
      this(
          Optional.empty(),
          namespace,
          name,
          transforms,
          DEFAULT_TYPE,
          Map.of(),
          Map.of(),
          Optional.empty());
    }

    // Sorted, so that the target's canonical form (and its digest) does not depend on YAML order.
    private static Map<String, String> sorted(Map<String, String> map) {
      return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
  }

  /**
   * A local file holding the credentials.
   *
   * @param path the file, resolved against the YAML file's directory
   * @param written the path as written in the YAML, for messages
   * @param mode permission bits as four octal digits, like {@code 0600}
   * @param format how the credentials are written
   * @param transforms key transforms applied to the credentials before writing, as for a Secret
   */
  record FileTarget(
      Path path, String written, String mode, FileFormat format, List<KeyTransform> transforms)
      implements CredentialsTarget {
    /** The mode used when none is configured: readable by the owner only. */
    public static final String DEFAULT_MODE = "0600";

    public FileTarget {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(written, "written");
      Objects.requireNonNull(format, "format");
      if (!mode.matches("0[0-7]{3}")) {
        throw new IllegalArgumentException("mode must be four octal digits like 0600");
      }
      transforms = List.copyOf(transforms);
    }

    /** A file written with the credentials as the broker returned them. */
    public FileTarget(Path path, String written, String mode, FileFormat format) {
      this(path, written, mode, format, List.of());
    }

    /** The mode as POSIX permissions. */
    public Set<PosixFilePermission> permissions() {
      var rwx = new StringBuilder();
      for (int i = 1; i < 4; i++) {
        int digit = mode.charAt(i) - '0';
        rwx.append((digit & 4) != 0 ? 'r' : '-')
            .append((digit & 2) != 0 ? 'w' : '-')
            .append((digit & 1) != 0 ? 'x' : '-');
      }
      return PosixFilePermissions.fromString(rwx.toString());
    }
  }

  /** How a credentials file is written. */
  enum FileFormat {
    /** The credentials object as JSON. */
    JSON,
    /** {@code KEY=value} lines, one per top-level credential. */
    ENV
  }
}

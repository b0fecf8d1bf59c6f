package dev.catalog.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one file declared, filled in while binding it: the resources that bound completely, and
 * every name declared or referenced (also for resources with other errors, so a broker with a bad
 * URL does not make each instance on it a dangling reference as well).
 */
final class FileContents {
  /** The kinds of named resource, with their words for messages. */
  enum Kind {
    BROKER("broker", "brokers"),
    INSTANCE("instance", "instances"),
    BINDING("binding", "bindings");

    final String singular;
    final String plural;

    Kind(String singular, String plural) {
      this.singular = singular;
      this.plural = plural;
    }
  }

  /** A name declared by a resource's {@code name} key. */
  record Declaration(Kind kind, String name, Location location, String field) {}

  /** A name used by a {@code broker:} or {@code instance:} key. */
  record Reference(Kind kind, String name, Location location, String field) {}

  final String file;
  Optional<Backend> backend = Optional.empty();
  boolean hasBackend;
  Location backendLocation;
  final List<Broker> brokers = new ArrayList<>();
  final List<Instance> instances = new ArrayList<>();
  final List<Binding> bindings = new ArrayList<>();
  final List<Policy> policies = new ArrayList<>();
  final List<Declaration> declarations = new ArrayList<>();
  final List<Reference> references = new ArrayList<>();

  FileContents(String file) {
    this.file = file;
  }

  void declare(Kind kind, String name, Location location, String field) {
    declarations.add(new Declaration(kind, name, location, field));
  }

  void refer(Kind kind, String name, Location location, String field) {
    references.add(new Reference(kind, name, location, field));
  }
}

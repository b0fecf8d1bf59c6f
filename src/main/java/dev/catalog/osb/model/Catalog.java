package dev.catalog.osb.model;

import java.util.List;
import java.util.Optional;

/** A broker's catalog: its service offerings, in the broker's order. */
public record Catalog(List<ServiceOffering> services) {
  public Catalog {
    services = List.copyOf(services);
  }

  /** The offering with this name, compared case-sensitively (checklist C-05). */
  public Optional<ServiceOffering> service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The offering with this id; ids are what identifies offerings across fetches (C-03). */
  public Optional<ServiceOffering> serviceById(String id) {
    return services.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}

package dev.catalog.state;

import java.util.Objects;

/**
 * A service offering or plan as both the broker (id) and people (name) know it.
 *
 * @param id the broker's catalog id
 * @param name the catalog name
 */
public record OfferingRef(String id, String name) {
  public OfferingRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}

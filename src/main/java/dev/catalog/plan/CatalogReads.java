package dev.catalog.plan;

import dev.catalog.CatalogException;
import dev.catalog.osb.model.Catalog;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waits for catalog reads started together and reports every one that failed. */
final class CatalogReads {
  private CatalogReads() {}

  /**
   * The catalogs read, by broker name. One failure is thrown as it is; several as one error that
   * lists each broker's on its own line, in broker order.
   */
  static Map<String, Catalog> await(Map<String, CompletableFuture<Optional<Catalog>>> reads) {
    var catalogs = new TreeMap<String, Catalog>();
    var failures = new ArrayList<RuntimeException>();
    new TreeMap<>(reads)
        .forEach(
            (name, read) -> {
              try {
                read.join().ifPresent(c -> catalogs.put(name, c));
              } catch (CompletionException e) {
                failures.add(
                    e.getCause() instanceof RuntimeException r ? r : new CatalogException(name, e));
              }
            });
    if (failures.size() == 1) {
      throw failures.get(0);
    }
    if (!failures.isEmpty()) {
      var message = new StringBuilder(failures.size() + " brokers cannot be read:");
      failures.forEach(f -> message.append("\n  ").append(f.getMessage()));
      var error = new CatalogException(message.toString(), failures.get(0));
      failures.stream().skip(1).forEach(error::addSuppressed);
      throw error;
    }
    return catalogs;
  }
}

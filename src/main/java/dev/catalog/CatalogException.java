package dev.catalog;

/**
 * An error whose message is written for the person running catalog.
 *
 * <p>Messages name the file, resource or broker involved and never contain credentials, request
 * bodies or headers; the CLI prints them as they are and exits 1.
 */
public class CatalogException extends RuntimeException {
  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}

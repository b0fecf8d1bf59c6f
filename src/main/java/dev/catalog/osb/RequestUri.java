package dev.catalog.osb;

import java.net.URI;

/**
 * Builds request URLs under a broker's base URL (which may carry a path prefix), percent-encoding
 * every id and query value (checklist H-18, P-05).
 */
final class RequestUri {
  private final StringBuilder path;
  private final StringBuilder query = new StringBuilder();

  private RequestUri(URI base) {
    this.path = new StringBuilder(base.toString());
  }

  static RequestUri under(URI base) {
    return new RequestUri(base);
  }

  /** Appends a literal path such as {@code v2/catalog}. */
  RequestUri path(String literal) {
    path.append('/').append(literal);
    return this;
  }

  /** Appends one encoded path segment holding an id. */
  RequestUri id(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("ids must not be empty");
    }
    path.append('/').append(PercentEncoding.encode(value));
    return this;
  }

  RequestUri query(String name, String value) {
    query
        .append(query.length() == 0 ? '?' : '&')
        .append(name)
        .append('=')
        .append(PercentEncoding.encode(value));
    return this;
  }

  RequestUri offering(OfferingIds offering) {
    return query("service_id", offering.serviceId()).query("plan_id", offering.planId());
  }

  URI build() {
    return URI.create(path.toString() + query);
  }
}

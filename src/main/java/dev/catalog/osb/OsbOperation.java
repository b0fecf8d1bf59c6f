package dev.catalog.osb;

/** The OSB requests a platform sends; names the request in errors and in the decision tables. */
public enum OsbOperation {
  CATALOG("GET", "fetch catalog"),
  PROVISION("PUT", "provision instance"),
  UPDATE("PATCH", "update instance"),
  DEPROVISION("DELETE", "deprovision instance"),
  FETCH_INSTANCE("GET", "fetch instance"),
  POLL_INSTANCE("GET", "poll last operation of instance"),
  BIND("PUT", "bind binding"),
  UNBIND("DELETE", "unbind binding"),
  FETCH_BINDING("GET", "fetch binding"),
  POLL_BINDING("GET", "poll last operation of binding");

  private final String method;
  private final String verb;

  OsbOperation(String method, String verb) {
    this.method = method;
    this.verb = verb;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** How messages name it, e.g. {@code provision instance}; the id follows. */
  public String verb() {
    return verb;
  }
}

package dev.catalog.state.backend.git;

import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;

/**
 * The connections of one HTTP(S) fetch or push: bounded by its deadline, and trusting the
 * configured CA when there is one. Set on each transport, not as JGit's global factory, so other
 * remotes keep their own limits and trust.
 */
final class BoundedHttpConnections implements HttpConnectionFactory {
  private final ExchangeDeadline deadline;
  private final int connectMillis;
  private final GitHttps trust;

  /**
   * @param trust the CA to trust, or null for the JVM's trust store
   */
  BoundedHttpConnections(ExchangeDeadline deadline, int connectMillis, GitHttps trust) {
    this.deadline = deadline;
    this.connectMillis = connectMillis;
    this.trust = trust;
  }

  @Override
  public HttpConnection create(URL url) throws IOException {
    return trusting(new BoundedHttpConnection(url, deadline, connectMillis));
  }

  @Override
  public HttpConnection create(URL url, Proxy proxy) throws IOException {
    return trusting(new BoundedHttpConnection(url, proxy, deadline, connectMillis));
  }

  private HttpConnection trusting(HttpConnection connection) throws IOException {
    return trust == null ? connection : trust.configured(connection);
  }
}

package dev.catalog.state.backend.git;

import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.URL;
import org.eclipse.jgit.transport.http.JDKHttpConnection;

/**
 * JGit's JDK connection with catalog's limits: the connect limit for connecting, the time left of
 * the exchange as the read timeout, and a body that stops at the exchange's deadline.
 */
final class BoundedHttpConnection extends JDKHttpConnection {
  private final ExchangeDeadline deadline;
  private final int connectMillis;

  BoundedHttpConnection(URL url, ExchangeDeadline deadline, int connectMillis)
      throws IOException {
    super(url);
    this.deadline = deadline;
    this.connectMillis = connectMillis;
    limit();
  }

  BoundedHttpConnection(URL url, Proxy proxy, ExchangeDeadline deadline, int connectMillis)
      throws IOException {
    super(url, proxy);
    this.deadline = deadline;
    this.connectMillis = connectMillis;
    limit();
  }

  private void limit() {
    super.setConnectTimeout(connectMillis);
    super.setReadTimeout(deadline.remainingMillis());
  }

  @Override
  public void setConnectTimeout(int ignored) {
    super.setConnectTimeout(connectMillis);
  }

  @Override
  public void setReadTimeout(int ignored) {
    super.setReadTimeout(deadline.remainingMillis());
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return deadline.bound(super.getInputStream());
  }
}

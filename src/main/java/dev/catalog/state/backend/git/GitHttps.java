package dev.catalog.state.backend.git;

import dev.catalog.CatalogException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jgit.transport.http.HttpConnection;

/**
 * HTTPS connections that trust exactly the certificates of a {@link GitCa}, applied to each connection
 * (not JGit's global factory, so other remotes and the broker clients keep their own trust).
 */
final class GitHttps {
  private final TrustManager[] trust;

  private GitHttps(TrustManager[] trust) {
    this.trust = trust;
  }

  /** Reads the CA file now, so a missing or malformed one fails before any connection. */
  static GitHttps trusting(GitCa ca) {
    try (InputStream in = Files.newInputStream(ca.file())) {
      var certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw unreadable(ca, "it holds no PEM certificate");
      }
      var store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (var certificate : certificates) {
        store.setCertificateEntry("ca-" + n++, certificate);
      }
      var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return new GitHttps(factory.getTrustManagers());
    } catch (NoSuchFileException e) {
      throw unreadable(ca, "no such file");
    } catch (CertificateException e) {
      throw unreadable(ca, "it holds no PEM certificate");
    } catch (IOException e) {
      throw unreadable(ca, e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM cannot build a trust store", e);
    }
  }

  private static CatalogException unreadable(GitCa ca, String why) {
    return new CatalogException(
        "cannot read the CA certificates for the git backend from " + ca.describe() + ": " + why);
  }

  /** Makes {@code connection} trust exactly the CA's certificates. */
  HttpConnection configured(HttpConnection connection) throws IOException {
    if ("https".equals(connection.getURL().getProtocol())) {
      try {
        connection.configure(null, trust, null);
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot set up TLS: " + e.getMessage(), e);
      }
    }
    return connection;
  }
}

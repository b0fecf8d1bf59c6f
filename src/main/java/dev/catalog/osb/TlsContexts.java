package dev.catalog.osb;

import dev.catalog.CatalogException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** Builds the {@link SSLContext} for a broker's {@link TlsSettings} (checklist H-07). */
final class TlsContexts {
  private TlsContexts() {}

  static SSLContext forSettings(TlsSettings tls) {
    try {
      if (tls.insecureSkipVerify()) {
        var context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustingEverything()}, null);
        return context;
      }
      if (tls.caFile().isEmpty()) {
        return SSLContext.getDefault();
      }
      var store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (var cert : systemTrust().getAcceptedIssuers()) {
        store.setCertificateEntry("system-" + n++, cert);
      }
      for (var cert : readPem(tls)) {
        store.setCertificateEntry("ca-" + n++, cert);
      }
      var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      var context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new CatalogException(
          "cannot set up TLS with CA file "
              + tls.caFile().map(Object::toString).orElse("(none)")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static Iterable<? extends Certificate> readPem(TlsSettings tls)
      throws IOException, GeneralSecurityException {
    var path = tls.caFile().orElseThrow();
    if (!Files.isReadable(path)) {
      throw new CatalogException("CA file " + path + " is not readable");
    }
    try (InputStream in = Files.newInputStream(path)) {
      var certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new CatalogException("CA file " + path + " holds no PEM certificate");
      }
      return certs;
    }
  }

  private static X509TrustManager systemTrust() throws GeneralSecurityException {
    var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    for (var tm : factory.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X509 trust manager in the JDK");
  }

  /**
   * Accepts any certificate and host name: only for an explicit {@code insecureSkipVerify}. Being
   * an {@link X509ExtendedTrustManager}, the JDK does not add its own host name check around it.
   */
  private static final class TrustingEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}

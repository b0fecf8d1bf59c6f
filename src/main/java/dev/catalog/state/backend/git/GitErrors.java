package dev.catalog.state.backend.git;

import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/**
 * Turns JGit's transport exceptions into sentences: what failed and what to set, without JDK class
 * names or the URL repeated (JGit prefixes each message with it).
 */
final class GitErrors {
  private static final String HOW_TO_TRUST =
      "for a private CA, set caFile in the backend block (or GIT_SSL_CAINFO, or git config"
          + " http.sslCAInfo)";

  private final GitSettings settings;

  GitErrors(GitSettings settings) {
    this.settings = settings;
  }

  /** Why an exchange failed; an exchange cut short by its deadline is named as such. */
  String explain(IOException e, ExchangeDeadline deadline) {
    if (deadline.passed() || ExchangeDeadline.Exceeded.causes(e)) {
      return "the remote sent no complete answer " + settings.limits().requestExceeded();
    }
    if (connectTimedOut(e)) {
      return "could not connect " + settings.limits().connectExceeded();
    }
    return explain(e);
  }

  private static boolean connectTimedOut(Throwable e) {
    for (var cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.SocketTimeoutException
          && String.valueOf(cause.getMessage())
              .toLowerCase(java.util.Locale.ROOT)
              .contains("connect")) {
        return true;
      }
    }
    return false;
  }

  String explain(IOException e) {
    var tls = tls(e);
    if (tls != null) {
      return tls;
    }
    var message = String.valueOf(e.getMessage());
    var prefix = settings.url() + ": ";
    if (message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    if (message.equals("not authorized")) {
      return settings.token().isPresent()
          ? "not authorized: the server refused the token (sent as the password of user "
              + user()
              + ")"
          : "not authorized: the server wants credentials; set token: { fromEnv: NAME } in the"
              + " backend block";
    }
    if (message.startsWith("Cannot log in at ")) {
      var refused =
          message
              .lines()
              .filter(line -> line.startsWith("publickey: server refused "))
              .map(line -> line.substring("publickey: server refused ".length()))
              .toList();
      var where = message.lines().findFirst().orElseThrow().substring("Cannot log in at ".length());
      return "cannot log in at "
          + where
          + ": the server refused "
          + (refused.isEmpty() ? "every key" : String.join(", ", refused))
          + " (~ is $HOME, "
          + settings.home()
          + "); add the public key to the server's authorized keys, or name another private key"
          + " with sshKeyFile";
    }
    if (message.equals("Server key did not validate")) {
      var knownHosts = settings.home().resolve(".ssh/known_hosts");
      return "the server's host key is not in "
          + knownHosts
          + " (or differs from the one there; $HOME is "
          + settings.home()
          + "): check the key's fingerprint with the server's owner, then add it, e.g. with"
          + " ssh-keyscan"
          + keyscanArguments()
          + " >> "
          + knownHosts;
    }
    if (message.startsWith("Authentication is required")) {
      return "the server wants credentials; set token: { fromEnv: NAME } in the backend block";
    }
    return message;
  }

  private String keyscanArguments() {
    try {
      var uri = new org.eclipse.jgit.transport.URIish(settings.url());
      return (uri.getPort() > 0 ? " -p " + uri.getPort() : "") + " " + uri.getHost();
    } catch (java.net.URISyntaxException e) {
      return " HOST";
    }
  }

  private String user() {
    var url = settings.url();
    var at = url.indexOf('@');
    var scheme = url.indexOf("://");
    return at > scheme && scheme >= 0 && url.indexOf('/', scheme + 3) > at
        ? url.substring(scheme + 3, at)
        : "x-access-token";
  }

  /** The TLS failure in the cause chain, as a sentence; null when there is none. */
  private String tls(Throwable e) {
    boolean handshake = false;
    for (var cause = e; cause != null; cause = cause.getCause()) {
      handshake |= cause instanceof SSLException;
      if (cause instanceof CertPathBuilderException) {
        return untrusted();
      }
      if (handshake
          && cause instanceof CertificateException
          && String.valueOf(cause.getMessage()).startsWith("No subject alternative")) {
        return "the server's TLS certificate is not issued for this host name or address ("
            + cause.getMessage()
            + ")";
      }
    }
    return handshake ? "TLS handshake failed (" + rootMessage(e) + ")" : null;
  }

  private String untrusted() {
    return settings
        .ca()
        .map(ca -> "the server's TLS certificate is not signed by the CA in " + ca.describe())
        .orElse(
            "the server's TLS certificate is not signed by a CA the JVM trusts; " + HOW_TO_TRUST);
  }

  private static String rootMessage(Throwable e) {
    var root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}

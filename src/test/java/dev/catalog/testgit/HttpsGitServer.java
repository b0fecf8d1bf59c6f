package dev.catalog.testgit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Git's smart-HTTP server ({@code git-http-backend}, the CGI that Git hosting set-ups run) behind
 * nginx and fcgiwrap, over HTTPS with a certificate from a test CA, on 127.0.0.1. Basic auth: user
 * {@code x-access-token} with {@link #WRITE_TOKEN} may fetch and push; user {@code reader} with
 * {@link #READ_TOKEN} may only fetch (nginx asks the push endpoints for the writers' file).
 */
public final class HttpsGitServer implements AutoCloseable {
  public static final String WRITE_TOKEN = "ghp_wr1te_t0ken_9f8e7d";
  public static final String READ_TOKEN = "ghp_r3ad_0nly_t0ken_4c3b2a";

  private final Path dir;
  private final int port;
  private final Path caFile;
  private Process fcgiwrap;
  private Process nginx;

  private HttpsGitServer(Path dir) {
    this.dir = dir;
    this.port = Processes.freePort();
    this.caFile = dir.resolve("ca.crt");
  }

  /** Starts a server whose files (repositories, CA, logs) live under {@code dir}. */
  public static HttpsGitServer start(Path dir, Map<String, String> env) {
    GitServerBinaries.requireHttps(env);
    var server = new HttpsGitServer(dir);
    try {
      server.startProcesses();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void startProcesses() {
    try {
      Files.createDirectories(dir.resolve("repos"));
      Files.createDirectories(dir.resolve("tmp"));
      certificates();
      Files.writeString(dir.resolve("writers"), user("x-access-token", WRITE_TOKEN));
      Files.writeString(
          dir.resolve("readers"), user("x-access-token", WRITE_TOKEN) + user("reader", READ_TOKEN));
      Files.writeString(dir.resolve("nginx.conf"), nginxConfig());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var socket = dir.resolve("fcgi.sock");
    fcgiwrap =
        Processes.start(
            dir,
            dir.resolve("fcgiwrap.log"),
            List.of(GitServerBinaries.FCGIWRAP.toString(), "-c", "2", "-s", "unix:" + socket));
    Processes.awaitFile(fcgiwrap, socket, dir.resolve("fcgiwrap.log"));
    nginx =
        Processes.start(
            dir,
            dir.resolve("nginx.log"),
            List.of(
                GitServerBinaries.NGINX.toString(),
                "-p",
                dir.toString(),
                "-c",
                dir.resolve("nginx.conf").toString(),
                "-e",
                dir.resolve("nginx-error.log").toString()));
    Processes.awaitPort(nginx, port, dir.resolve("nginx-error.log"));
  }

  /** A test CA and a server certificate for 127.0.0.1 signed by it. */
  private void certificates() throws IOException {
    var openssl = GitServerBinaries.OPENSSL.toString();
    var ec = List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes");
    Processes.run(
        dir,
        concat(
            List.of(openssl, "req", "-x509"),
            ec,
            List.of(
                "-keyout",
                "ca.key",
                "-out",
                "ca.crt",
                "-days",
                "2",
                "-subj",
                "/CN=catalog test CA")));
    Processes.run(
        dir,
        concat(
            List.of(openssl, "req"),
            ec,
            List.of("-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1")));
    Files.writeString(
        dir.resolve("server.ext"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    Processes.run(
        dir,
        List.of(
            openssl,
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.crt",
            "-days",
            "2",
            "-extfile",
            "server.ext"));
  }

  /** A CA certificate that signed nothing this server uses, written to {@code dir}. */
  public static Path unrelatedCa(Path dir) {
    Processes.run(
        dir,
        List.of(
            GitServerBinaries.OPENSSL.toString(),
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            "other-ca.key",
            "-out",
            "other-ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=another CA"));
    return dir.resolve("other-ca.pem");
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
  }

  /** An htpasswd line in nginx's {@code {SHA}} form. */
  private static String user(String name, String password) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
      return name + ":{SHA}" + Base64.getEncoder().encodeToString(digest) + "\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String nginxConfig() {
    // Workers of a root master run as nobody by default, who cannot read the test's files.
    var user = Processes.isRoot() ? "user root root;\n" : "";
    return user
        + """
          worker_processes 1;
          daemon off;
          pid DIR/nginx.pid;
          error_log DIR/nginx-error.log;
          events { worker_connections 64; }
          http {
            access_log DIR/access.log;
            client_body_temp_path DIR/tmp/body;
            fastcgi_temp_path DIR/tmp/fastcgi;
            proxy_temp_path DIR/tmp/proxy;
            uwsgi_temp_path DIR/tmp/uwsgi;
            scgi_temp_path DIR/tmp/scgi;
            map $request_uri $git_users {
              ~git-receive-pack DIR/writers;
              default DIR/readers;
            }
            server {
              listen 127.0.0.1:PORT ssl;
              ssl_certificate DIR/server.crt;
              ssl_certificate_key DIR/server.key;
              client_max_body_size 0;
              location / {
                auth_basic "git";
                auth_basic_user_file $git_users;
                fastcgi_pass unix:DIR/fcgi.sock;
                fastcgi_param SCRIPT_FILENAME BACKEND;
                fastcgi_param GIT_PROJECT_ROOT DIR/repos;
                fastcgi_param PATH_INFO $uri;
                fastcgi_param REMOTE_USER $remote_user;
                fastcgi_param QUERY_STRING $query_string;
                fastcgi_param REQUEST_METHOD $request_method;
                fastcgi_param CONTENT_TYPE $content_type;
                fastcgi_param CONTENT_LENGTH $content_length;
              }
            }
          }
          """
            .replace("DIR", dir.toString())
            .replace("PORT", Integer.toString(port))
            .replace("BACKEND", GitServerBinaries.HTTP_BACKEND.toString());
  }

  /** Creates an empty bare repository {@code name} (e.g. {@code state.git}) on branch main. */
  public String createRepository(String name) {
    var repo = dir.resolve("repos").resolve(name);
    Processes.run(
        dir, List.of("git", "init", "--quiet", "--bare", "--initial-branch=main", repo.toString()));
    try {
      // What git-http-backend serves without GIT_HTTP_EXPORT_ALL (which fcgiwrap did not pass on).
      Files.createFile(repo.resolve("git-daemon-export-ok"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "https://127.0.0.1:" + port + "/" + name;
  }

  /** The repository {@code name} on disk, for the {@code git} command line. */
  public Path repository(String name) {
    return dir.resolve("repos").resolve(name);
  }

  /** The test CA's certificate (PEM). */
  public Path caFile() {
    return caFile;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    Processes.stop(nginx);
    Processes.stop(fcgiwrap);
  }
}

package dev.catalog.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 server for the benchmark broker: one thread per keep-alive connection that
 * reads a request, calls the handler on that same thread and writes the response. The JDK's {@code
 * com.sun.net.httpserver} hands every request from its dispatcher thread to a worker and the
 * connection back again, about 0.4 ms a request at 10 connections and 20 ms latency (wrk: 20.78
 * ms against 20.41 ms here), which the refresh benchmark counted against catalog (issue 7). Reads
 * {@code Content-Length} bodies only (what {@code java.net.http}, curl and wrk send).
 */
final class BlockingHttpServer {
  /** A request: method, path without the query, body. */
  record Request(String method, String path, byte[] body) {}

  /** A JSON response; {@code retryAfter} 0 sends no {@code Retry-After} header. */
  record Response(int status, byte[] body, int retryAfter) {
    static Response json(int status, String body) {
      return new Response(status, body.getBytes(StandardCharsets.UTF_8), 0);
    }
  }

  /** Answers one request on the connection's thread (so it may sleep to simulate latency). */
  @FunctionalInterface
  interface Handler {
    Response handle(Request request) throws IOException;
  }

  private BlockingHttpServer() {}

  /**
   * Listens on {@code address} and serves on an accept thread until the JVM exits; returns the
   * port (for port 0).
   *
   * @param daemon whether the accept thread lets the JVM exit (tests) or keeps it alive (main)
   */
  static int start(InetSocketAddress address, int backlog, boolean daemon, Handler handler)
      throws IOException {
    var socket = new ServerSocket();
    socket.bind(address, backlog);
    var accept =
        new Thread(
            () -> {
              while (true) {
                try {
                  var connection = socket.accept();
                  var t = new Thread(() -> serve(connection, handler), "fast-broker-connection");
                  t.setDaemon(true);
                  t.start();
                } catch (IOException e) {
                  System.err.println("fast broker: accept failed: " + e.getMessage());
                  return;
                }
              }
            },
            "fast-broker-accept");
    accept.setDaemon(daemon);
    accept.start();
    return socket.getLocalPort();
  }

  private static void serve(Socket connection, Handler handler) {
    try (connection) {
      // Without TCP_NODELAY the body waits for the ACK of the headers: Nagle against the client's
      // delayed ACK cost about 40 ms a request.
      connection.setTcpNoDelay(true);
      var in = new BufferedInputStream(connection.getInputStream());
      var out = new BufferedOutputStream(connection.getOutputStream());
      while (true) {
        var requestLine = readLine(in);
        if (requestLine == null) {
          return;
        }
        var parts = requestLine.split(" ");
        int length = 0;
        boolean close = false;
        for (var line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
          var lower = line.toLowerCase(Locale.ROOT);
          if (lower.startsWith("content-length:")) {
            length = Integer.parseInt(lower.substring(15).trim());
          } else if (lower.startsWith("connection:") && lower.contains("close")) {
            close = true;
          }
        }
        var target = parts.length > 1 ? parts[1] : "/";
        int query = target.indexOf('?');
        var path = query < 0 ? target : target.substring(0, query);
        var response = handler.handle(new Request(parts[0], path, in.readNBytes(length)));
        write(out, response);
        if (close) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The client went away, or sent what this server does not read; drop the connection.
    }
  }

  private static void write(BufferedOutputStream out, Response response) throws IOException {
    var head = new StringBuilder();
    head.append("HTTP/1.1 ").append(response.status()).append(' ');
    head.append(reason(response.status()));
    head.append("\r\nContent-Type: application/json\r\nContent-Length: ");
    head.append(response.body().length).append("\r\n");
    if (response.retryAfter() > 0) {
      head.append("Retry-After: ").append(response.retryAfter()).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(response.body());
    out.flush();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      default -> "Status";
    };
  }

  /** A CRLF- (or LF-) terminated line without its terminator; null at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    var line = new StringBuilder();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }
}

package dev.catalog.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP server that misbehaves on demand, as no real Git server or kube-apiserver will:
 * it accepts and then says nothing, or answers an HTTP request with headers at once and a body a
 * byte every 100 ms. For tests that catalog bounds every exchange (issue 19).
 */
public final class MisbehavingServer implements AutoCloseable {
  /** What the server does with each connection. */
  public enum Behaviour {
    /** Accepts, reads nothing, sends nothing. */
    STALL,
    /** Reads the request headers, sends a 200 with a long Content-Length, then a byte a time. */
    TRICKLE
  }

  private final ServerSocket server;
  private final Behaviour behaviour;
  private final Thread accepting;
  private final AtomicInteger accepted = new AtomicInteger();
  private final CopyOnWriteArrayList<Socket> sockets = new CopyOnWriteArrayList<>();

  private MisbehavingServer(Behaviour behaviour) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.behaviour = behaviour;
    this.accepting = new Thread(this::accept, "misbehaving-server-" + behaviour);
    accepting.setDaemon(true);
    accepting.start();
  }

  public static MisbehavingServer start(Behaviour behaviour) throws IOException {
    return new MisbehavingServer(behaviour);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** How many connections were accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        var socket = server.accept();
        accepted.incrementAndGet();
        sockets.add(socket);
        if (behaviour == Behaviour.TRICKLE) {
          var thread = new Thread(() -> trickle(socket), "trickling-" + socket.getPort());
          thread.setDaemon(true);
          thread.start();
        }
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void trickle(Socket socket) {
    try {
      skipRequestHeaders(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      for (int i = 0; i < 6000; i++) {
        out.write(' ');
        out.flush();
        Thread.sleep(100);
      }
    } catch (IOException | InterruptedException gaveUp) {
      // The client gave up, as it should, or the test is over.
    }
  }

  private static void skipRequestHeaders(InputStream in) throws IOException {
    int matched = 0;
    var end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (var socket : sockets) {
      socket.close();
    }
  }
}

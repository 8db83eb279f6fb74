package io.scheduler.boot.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the test Redis, for fault tests: {@link #cut()} drops every connection
 * and turns new ones away (as a restarting server does) until {@link #restore()}; {@link
 * #dropNextReply()} swallows the next reply the server sends and drops that connection, so the
 * client re-sends the command after reconnecting (at-least-once delivery).
 */
final class TcpProxy implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final ServerSocket server;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          run -> {
            Thread thread = new Thread(run, "tcp-proxy");
            thread.setDaemon(true);
            return thread;
          });
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean dropNextReply = new AtomicBoolean();
  private final AtomicInteger turnedAway = new AtomicInteger();
  private final AtomicInteger droppedReplies = new AtomicInteger();
  private volatile boolean down;

  /**
   * Starts a proxy to a Redis URL such as {@code redis://127.0.0.1:6379}.
   *
   * @param redisUrl where to forward to
   */
  TcpProxy(String redisUrl) {
    URI target = URI.create(redisUrl);
    this.targetHost = target.getHost();
    this.targetPort = target.getPort() < 0 ? 6379 : target.getPort();
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.execute(this::accept);
  }

  /** The URL clients connect to. */
  String url() {
    return "redis://127.0.0.1:" + server.getLocalPort();
  }

  /** Drops every connection and turns new ones away until {@link #restore()}. */
  void cut() {
    down = true;
    turnedAway.set(0);
    sockets.forEach(TcpProxy::closeQuietly);
  }

  /** Lets connections through again. */
  void restore() {
    down = false;
  }

  /** How many connection attempts were turned away since the last {@link #cut()}. */
  int turnedAway() {
    return turnedAway.get();
  }

  /** Swallows the next reply from the server and drops its connection. */
  void dropNextReply() {
    dropNextReply.set(true);
  }

  /** How many replies were swallowed. */
  int droppedReplies() {
    return droppedReplies.get();
  }

  @Override
  public void close() {
    down = true;
    closeQuietly(server);
    sockets.forEach(TcpProxy::closeQuietly);
    threads.shutdownNow();
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException closed) {
        return;
      }
      if (down) {
        turnedAway.incrementAndGet();
        closeQuietly(client);
        continue;
      }
      try {
        Socket upstream = new Socket(targetHost, targetPort);
        sockets.add(client);
        sockets.add(upstream);
        threads.execute(() -> pump(client, upstream, false));
        threads.execute(() -> pump(upstream, client, true));
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to, boolean replies) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (replies && dropNextReply.compareAndSet(true, false)) {
          droppedReplies.incrementAndGet();
          return;
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException closed) {
      // one side went away: drop the pair
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // already closed
    }
  }
}

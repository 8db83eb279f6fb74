package io.scheduler.testservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on the loopback interface in front of a test server, for fault tests: {@link #cut()}
 * drops every connection and turns new ones away (as a restarting server does) until {@link
 * #restore()}; {@link #dropNextReply()} swallows the next reply the server sends and drops that
 * connection, so the client sends the command again after reconnecting. {@link #close()} stops it.
 */
public final class TcpProxy implements AutoCloseable {

  private static final Map<String, Integer> DEFAULT_PORTS =
      Map.of("redis", 6379, "postgresql", 5432, "mariadb", 3306, "mysql", 3306);

  private final String targetUrl;
  private final String targetAuthority;
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
   * Starts a proxy to the server of a URL such as {@code redis://127.0.0.1:6379} or {@code
   * jdbc:postgresql://127.0.0.1:5432/test?user=postgres} (without a port, the scheme's default).
   *
   * @param url where to forward to
   */
  public TcpProxy(String url) {
    URI target = URI.create(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
    this.targetUrl = url;
    this.targetHost = target.getHost();
    this.targetAuthority =
        target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort();
    this.targetPort =
        target.getPort() < 0 ? DEFAULT_PORTS.get(target.getScheme()) : target.getPort();
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.execute(this::accept);
  }

  /**
   * Returns the URL clients connect to: the target's URL with the proxy's host and port.
   *
   * @return the URL
   */
  public String url() {
    return targetUrl.replaceFirst(
        Pattern.quote("//" + targetAuthority),
        Matcher.quoteReplacement("//127.0.0.1:" + server.getLocalPort()));
  }

  /** Drops every connection and turns new ones away until {@link #restore()}. */
  public void cut() {
    down = true;
    turnedAway.set(0);
    sockets.forEach(TcpProxy::closeQuietly);
  }

  /** Lets connections through again. */
  public void restore() {
    down = false;
  }

  /**
   * Returns how many connection attempts were turned away since the last {@link #cut()}.
   *
   * @return the count
   */
  public int turnedAway() {
    return turnedAway.get();
  }

  /** Swallows the next reply from the server and drops its connection. */
  public void dropNextReply() {
    dropNextReply.set(true);
  }

  /**
   * Returns how many replies were swallowed.
   *
   * @return the count
   */
  public int droppedReplies() {
    return droppedReplies.get();
  }

  /** Drops every connection and stops the proxy and its threads. */
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

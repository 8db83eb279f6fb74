package io.scheduler.store.jdbc;

import io.scheduler.store.JobStoreListener;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL's {@code LISTEN/NOTIFY} channel of a {@link JdbcJobStore} on a dedicated
 * connection and thread, and turns other schedulers' notifications into {@link
 * JobStoreListener#jobsChanged()}. The driver's {@code org.postgresql.PGConnection} is reached
 * through {@link Connection#unwrap} and reflection, so there is no compile-time dependency on it.
 * When the connection fails it logs, backs off (100 ms doubling up to 10 s), reconnects and, since
 * notifications may have been missed meanwhile, reports a change.
 */
final class PostgresNotifications {

  private static final Logger log = LoggerFactory.getLogger(JdbcJobStore.class);

  /** How long one wait for notifications lasts before the connection is checked. */
  private static final int WAIT_MILLIS = 5_000;

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final DataSource dataSource;
  private final String channel;
  private final String schedulerId;
  private final JobStoreListener listener;
  private final String alias;
  private final Thread thread;
  private final CountDownLatch firstAttempt = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile @Nullable Connection connection;

  PostgresNotifications(
      DataSource dataSource,
      String channel,
      String schedulerId,
      JobStoreListener listener,
      String alias) {
    this.dataSource = dataSource;
    this.channel = channel;
    this.schedulerId = schedulerId;
    this.listener = listener;
    this.alias = alias;
    this.thread = new Thread(this::run, "scheduler-jdbc-listen-" + alias);
    this.thread.setDaemon(true);
  }

  /**
   * Starts listening and waits (up to 10 s) until the subscription is in place, so every change
   * committed after the store started is announced.
   */
  void start() {
    thread.start();
    try {
      if (!firstAttempt.await(10, TimeUnit.SECONDS)) {
        log.warn("Job store '{}' is not listening for changes yet; polling meanwhile", alias);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops listening: wakes the waiting thread with an empty notification (which every listener
   * ignores), sent from another thread so a database that cannot be reached does not hold the
   * shutdown up, and the connection goes back to the pool cleanly; aborts the connection only when
   * that does not work within a second.
   */
  void stop() {
    running = false;
    thread.interrupt();
    if (connection != null) {
      Thread waker = new Thread(this::wake, thread.getName() + "-stop");
      waker.setDaemon(true);
      waker.start();
    }
    if (awaitStopped()) {
      return;
    }
    Connection current = connection;
    if (current != null) {
      try {
        current.abort(Runnable::run);
      } catch (SQLException | RuntimeException e) {
        log.debug("Could not abort the LISTEN connection of job store '{}'", alias, e);
      }
    }
    awaitStopped();
  }

  private void wake() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, '')")) {
      notify.setString(1, channel);
      notify.execute();
    } catch (SQLException | RuntimeException e) {
      log.debug("Could not wake the LISTEN thread of job store '{}'", alias, e);
    }
  }

  private boolean awaitStopped() {
    try {
      return stopped.await(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void run() {
    Duration backoff = FIRST_BACKOFF;
    boolean failedBefore = false;
    try {
      while (running) {
        try (Connection c = dataSource.getConnection()) {
          connection = c;
          try {
            Method getNotifications = listen(c);
            firstAttempt.countDown();
            if (getNotifications == null) {
              return;
            }
            if (failedBefore) {
              log.info("Job store '{}' listens for changes again", alias);
              listener.jobsChanged();
            }
            failedBefore = false;
            backoff = FIRST_BACKOFF;
            receive(c, getNotifications);
          } finally {
            unlisten(c);
          }
        } catch (SQLException | RuntimeException e) {
          firstAttempt.countDown();
          if (!running) {
            return;
          }
          if (!failedBefore) {
            log.warn(
                "Job store '{}' lost its LISTEN connection; reconnecting (polling meanwhile)",
                alias,
                e);
          } else {
            log.debug("Job store '{}' could not listen again yet", alias, e);
          }
          failedBefore = true;
        } finally {
          connection = null;
        }
        if (!sleep(backoff)) {
          return;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    } finally {
      firstAttempt.countDown();
      stopped.countDown();
    }
  }

  /** Subscribes; returns {@code PGConnection#getNotifications(int)}, or null when unavailable. */
  private @Nullable Method listen(Connection c) throws SQLException {
    Class<?> pgConnection;
    try {
      Connection raw = c.unwrap(Connection.class);
      pgConnection =
          Class.forName("org.postgresql.PGConnection", false, raw.getClass().getClassLoader());
    } catch (ClassNotFoundException | SQLException e) {
      log.warn(
          "Job store '{}' cannot LISTEN (no org.postgresql.PGConnection); relying on polling",
          alias,
          e);
      return null;
    }
    if (!c.isWrapperFor(pgConnection)) {
      log.warn(
          "Job store '{}' cannot LISTEN: its connections do not unwrap to {}; relying on polling",
          alias,
          pgConnection.getName());
      return null;
    }
    Method getNotifications;
    try {
      getNotifications = pgConnection.getMethod("getNotifications", int.class);
    } catch (NoSuchMethodException e) {
      log.warn("Job store '{}' cannot LISTEN with this driver; relying on polling", alias, e);
      return null;
    }
    if (!c.getAutoCommit()) {
      c.setAutoCommit(true);
    }
    try (Statement statement = c.createStatement()) {
      statement.execute("LISTEN " + channel);
    }
    return getNotifications;
  }

  private void receive(Connection c, Method getNotifications) throws SQLException {
    Object pg = c.unwrap(getNotifications.getDeclaringClass());
    Method getParameter = null;
    while (running) {
      Object[] notifications;
      try {
        notifications = (Object[]) getNotifications.invoke(pg, WAIT_MILLIS);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof SQLException sql) {
          throw sql;
        }
        throw new IllegalStateException(e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      if (notifications == null || notifications.length == 0) {
        ping(c);
        continue;
      }
      boolean fromOthers = false;
      for (Object notification : notifications) {
        if (getParameter == null) {
          getParameter = parameterMethod(getNotifications);
        }
        String sender = parameter(getParameter, notification);
        // empty: a store stopping its own listener; equal: this scheduler's own change
        fromOthers |= sender != null && !sender.isEmpty() && !schedulerId.equals(sender);
      }
      if (fromOthers) {
        listener.jobsChanged();
      }
    }
  }

  private static Method parameterMethod(Method getNotifications) {
    try {
      Class<?> type =
          Class.forName(
              "org.postgresql.PGNotification",
              false,
              getNotifications.getDeclaringClass().getClassLoader());
      return type.getMethod("getParameter");
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static @Nullable String parameter(Method getParameter, Object notification) {
    try {
      return (String) getParameter.invoke(notification);
    } catch (IllegalAccessException | InvocationTargetException e) {
      return null;
    }
  }

  /** Ends the subscription before the connection goes back to the pool. */
  private static void unlisten(Connection c) {
    try (Statement statement = c.createStatement()) {
      statement.execute("UNLISTEN *");
    } catch (SQLException | RuntimeException e) {
      // a broken connection: the pool discards it, and the subscription with it
    }
  }

  /** Checks that a quiet connection is still alive (notifications do not reveal a dead one). */
  private static void ping(Connection c) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.setQueryTimeout(5);
      statement.execute("SELECT 1");
    }
  }

  private boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return running;
    } catch (InterruptedException e) {
      return false;
    }
  }
}

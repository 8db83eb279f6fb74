package io.scheduler.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that records what one thread (the test's) does on its connections: {@code
 * prepareStatement} with the SQL, {@code execute*}, {@code commit}, {@code rollback} and {@code
 * setAutoCommit(false)}. That thread always gets the same unpooled connection (no pool validation
 * query in between); other threads (PostgreSQL's listener) get connections of {@code others}. On
 * PostgreSQL it also counts the round trips that thread makes: the {@code Sync} messages pgjdbc
 * sends, each of which waits for the server's answer.
 */
final class CountingDataSource implements DataSource, AutoCloseable {

  private static final Logger PGJDBC = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

  private final DataSource others;
  private final Thread owner = Thread.currentThread();
  private final Connection connection;
  private final List<String> calls = new ArrayList<>();
  private final Handler syncs;
  private final Level pgjdbcLevel = PGJDBC.getLevel();
  private final boolean pgjdbcParents = PGJDBC.getUseParentHandlers();
  private int roundTrips;

  CountingDataSource(String url, DataSource others) throws SQLException {
    this.others = others;
    this.connection = DriverManager.getConnection(url);
    this.syncs =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            // pgjdbc logs on the thread that sends.
            if (Thread.currentThread() == owner && " FE=> Sync".equals(record.getMessage())) {
              synchronized (CountingDataSource.this) {
                roundTrips++;
              }
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    syncs.setLevel(Level.FINEST);
    PGJDBC.addHandler(syncs);
    PGJDBC.setUseParentHandlers(false);
    PGJDBC.setLevel(Level.FINEST);
  }

  /** Forgets what was recorded so far. */
  synchronized void reset() {
    calls.clear();
    roundTrips = 0;
  }

  /**
   * The calls recorded since the last {@link #reset}, e.g. {@code prepare INSERT ...}, {@code
   * commit}.
   */
  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** How many recorded calls start with {@code prefix}. */
  synchronized long count(String prefix) {
    return calls.stream().filter(call -> call.startsWith(prefix)).count();
  }

  /** The round trips to PostgreSQL since the last {@link #reset} (0 on other databases). */
  synchronized int roundTrips() {
    return roundTrips;
  }

  private synchronized void record(String call) {
    calls.add(call);
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (Thread.currentThread() != owner) {
      return others.getConnection();
    }
    return proxy(Connection.class, connection, this::onConnection);
  }

  private Object onConnection(Object target, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "close" -> {
        // The connection stays open for the next getConnection.
        return null;
      }
      case "commit", "rollback" -> record(method.getName());
      case "setAutoCommit" -> {
        if (Boolean.FALSE.equals(args[0])) {
          record("setAutoCommit(false)");
        }
      }
      case "prepareStatement" -> {
        record("prepare " + args[0]);
        return proxy(PreparedStatement.class, invoke(target, method, args), this::onStatement);
      }
      case "createStatement" -> {
        return proxy(Statement.class, invoke(target, method, args), this::onStatement);
      }
      default -> {}
    }
    return invoke(target, method, args);
  }

  private Object onStatement(Object target, Method method, Object[] args) throws Throwable {
    if (method.getName().startsWith("execute")) {
      record(args == null || args.length == 0 ? "execute" : "execute " + args[0]);
    }
    return invoke(target, method, args);
  }

  /** Closes the connection and stops counting round trips. */
  @Override
  public void close() throws SQLException {
    PGJDBC.removeHandler(syncs);
    PGJDBC.setLevel(pgjdbcLevel);
    PGJDBC.setUseParentHandlers(pgjdbcParents);
    connection.close();
  }

  private interface Calls {
    Object on(Object target, Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, Object target, Calls calls) {
    InvocationHandler handler = (proxy, method, args) -> calls.on(target, method, args);
    return type.cast(
        Proxy.newProxyInstance(
            CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Connection getConnection(String username, String password) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() {
    return PGJDBC.getParent();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}

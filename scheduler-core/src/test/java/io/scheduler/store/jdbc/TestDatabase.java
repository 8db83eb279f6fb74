package io.scheduler.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scheduler.testservers.TestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One database the JDBC tests run against (H2 in memory, or PostgreSQL or MariaDB found by {@link
 * TestServers}): hands out connection pools (one per simulated process), fresh table prefixes (so
 * concurrent builds on the same server never meet) and plain SQL; {@link #close()} shuts down the
 * fixtures handed to {@link #closeWith}, drops the tables it created and closes the pools, each
 * step even when an earlier one failed.
 */
final class TestDatabase implements AutoCloseable {

  private static final AtomicInteger H2_DATABASES = new AtomicInteger();
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  final Dialect dialect;
  final String url;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final List<String> prefixes = new ArrayList<>();
  private final List<Runnable> shutdowns = new ArrayList<>();
  private final HikariDataSource admin;

  private TestDatabase(Dialect dialect, String url) {
    this.dialect = dialect;
    this.url = url;
    this.admin = pool("admin", 4);
  }

  /** A private in-memory H2 database. */
  static TestDatabase h2() {
    return new TestDatabase(
        Dialect.H2,
        "jdbc:h2:mem:scheduler" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
  }

  /** The PostgreSQL server of {@link TestServers#postgresUrl()}; skips when there is none. */
  static TestDatabase postgres() {
    return new TestDatabase(Dialect.POSTGRESQL, TestServers.postgresUrl());
  }

  /** The MariaDB server of {@link TestServers#mariadbUrl()}; skips when there is none. */
  static TestDatabase mariadb() {
    return new TestDatabase(Dialect.MARIADB, TestServers.mariadbUrl());
  }

  /** Returns one of the databases by name: {@code h2}, {@code postgresql} or {@code mariadb}. */
  static TestDatabase named(String name) {
    return switch (name) {
      case "h2" -> h2();
      case "postgresql" -> postgres();
      case "mariadb" -> mariadb();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /**
   * Returns a new pool on this database, closed with it.
   *
   * @param name the pool's name (also PostgreSQL's application name of its connections)
   * @param size its maximum size
   */
  HikariDataSource pool(String name, int size) {
    return pool(name, size, url);
  }

  /** Returns a new pool on another URL of this database (through a proxy, say). */
  HikariDataSource pool(String name, int size, String jdbcUrl) {
    return pool(name, size, jdbcUrl, Duration.ofSeconds(10));
  }

  /** Returns a new pool whose {@code getConnection} gives up after {@code connectionTimeout}. */
  HikariDataSource pool(String name, int size, String jdbcUrl, Duration connectionTimeout) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName(name);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(connectionTimeout.toMillis());
    config.setInitializationFailTimeout(-1);
    if (dialect == Dialect.POSTGRESQL) {
      config.addDataSourceProperty("ApplicationName", name);
    }
    HikariDataSource pool = new HikariDataSource(config);
    synchronized (pools) {
      pools.add(pool);
    }
    return pool;
  }

  /**
   * Registers a fixture on this database (a store, a scheduler) to shut down first at {@link
   * #close()}, the latest first.
   *
   * @return {@code fixture}
   */
  <T> T closeWith(T fixture, Consumer<? super T> shutdown) {
    synchronized (shutdowns) {
      shutdowns.add(() -> shutdown.accept(fixture));
    }
    return fixture;
  }

  /** Returns a table prefix no other test uses, dropped at {@link #close()}. */
  String freshPrefix(String base) {
    StringBuilder prefix = new StringBuilder(base);
    for (int i = 0; i < 6; i++) {
      prefix.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
    }
    prefix.append('_');
    synchronized (prefixes) {
      prefixes.add(prefix.toString());
    }
    return prefix.toString();
  }

  /** Creates the tables for {@code prefix} from the shipped script. */
  void createTables(String prefix) {
    for (String statement : Schema.statements(dialect, prefix)) {
      execute(statement);
    }
  }

  /** Empties the tables of {@code prefix}. */
  void clear(String prefix) {
    execute("DELETE FROM " + prefix + "jobs");
    execute("DELETE FROM " + prefix + "runs");
  }

  /** Drops the tables of {@code prefix}, if they exist. */
  void drop(String prefix) {
    execute("DROP TABLE IF EXISTS " + prefix + "jobs");
    execute("DROP TABLE IF EXISTS " + prefix + "runs");
  }

  int execute(String sql) {
    try (Connection c = admin.getConnection();
        Statement statement = c.createStatement()) {
      return statement.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  long queryLong(String sql) {
    try (Connection c = admin.getConnection();
        Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  List<List<Object>> query(String sql) {
    try (Connection c = admin.getConnection();
        Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<List<Object>> result = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(rows.getObject(i));
        }
        result.add(row);
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    List<Runnable> fixtures;
    synchronized (shutdowns) {
      fixtures = new ArrayList<>(shutdowns);
      shutdowns.clear();
    }
    RuntimeException failed = null;
    for (int i = fixtures.size() - 1; i >= 0; i--) {
      try {
        fixtures.get(i).run();
      } catch (RuntimeException e) {
        if (failed == null) {
          failed = e;
        } else {
          failed.addSuppressed(e);
        }
      }
    }
    List<String> created;
    synchronized (prefixes) {
      created = new ArrayList<>(prefixes);
    }
    for (String prefix : created) {
      try {
        drop(prefix);
      } catch (RuntimeException e) {
        // best effort: a random prefix left behind harms no other test
      }
    }
    synchronized (pools) {
      for (HikariDataSource pool : pools) {
        pool.close();
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  @Override
  public String toString() {
    return dialect.toString();
  }
}

package io.scheduler.store.jdbc;

import io.scheduler.exception.JobStoreSchemaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The tables of a {@link JdbcJobStore}: whether to create them ({@link InitializeSchema}), creating
 * them from the shipped script with the store's table prefix, and checking that they can be used.
 */
final class Schema {

  private static final Pattern SCRIPT_PREFIX = Pattern.compile("\\bscheduler_");

  private final Dialect dialect;
  private final String tablePrefix;

  Schema(Dialect dialect, String tablePrefix) {
    this.dialect = dialect;
    this.tablePrefix = tablePrefix;
  }

  /** The channel of the store's change notifications, also the key that serialises creation. */
  static String channel(String tablePrefix) {
    return (tablePrefix + "jobs").toLowerCase(Locale.ROOT);
  }

  /** Whether {@code mode} asks for the tables to be created on this database. */
  static boolean shouldInitialize(InitializeSchema mode, DatabaseMetaData metaData)
      throws SQLException {
    return switch (mode) {
      case ALWAYS -> true;
      case NEVER -> false;
      case EMBEDDED -> isEmbedded(metaData.getDatabaseProductName(), metaData.getURL());
    };
  }

  /** Spring Boot's rule: an in-memory H2 or HSQLDB database, or Derby. */
  static boolean isEmbedded(@Nullable String product, @Nullable String url) {
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    String location = url == null ? "" : url.toLowerCase(Locale.ROOT);
    if (name.contains("derby")) {
      return true;
    }
    return location.contains(":h2:mem:") || location.contains(":hsqldb:mem:");
  }

  /** Returns the shipped schema script's statements with {@code tablePrefix}. */
  static List<String> statements(Dialect dialect, String tablePrefix) {
    String script;
    try (InputStream in = Schema.class.getResourceAsStream(dialect.schemaResource())) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + dialect.schemaResource());
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + dialect.schemaResource(), e);
    }
    StringBuilder withoutComments = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        withoutComments.append(line).append('\n');
      }
    }
    String prefixed =
        SCRIPT_PREFIX.matcher(withoutComments).replaceAll(Matcher.quoteReplacement(tablePrefix));
    List<String> statements = new ArrayList<>();
    for (String statement : prefixed.split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }

  /** Runs the script on {@code c}: it creates only what does not exist yet. */
  void createTables(Connection c) throws SQLException {
    List<String> statements = statements(dialect, tablePrefix);
    boolean autoCommit = c.getAutoCommit();
    try {
      dialect.beforeCreatingTables(c, channel(tablePrefix));
      try (Statement statement = c.createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /**
   * Checks that the tables exist with every column the store uses.
   *
   * @throws JobStoreSchemaException saying how to create them when they cannot be used
   */
  void checkTables(DataSource dataSource, String alias, Sql sql) {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement()) {
      statement.executeQuery(sql.checkJobs).close();
      statement.executeQuery(sql.checkRuns).close();
    } catch (SQLException e) {
      throw new JobStoreSchemaException(
          alias,
          "job store '"
              + alias
              + "' cannot use its tables "
              + sql.jobs
              + " and "
              + sql.runs
              + " ("
              + e.getMessage()
              + "); the store creates them when its initializeSchema is ALWAYS (EMBEDDED, the"
              + " default, creates them only in in-memory H2 and HSQLDB and in Derby), or create"
              + " them with io/scheduler/store/jdbc/"
              + dialect.schemaResource()
              + " (replacing the prefix scheduler_ by "
              + tablePrefix
              + ")",
          e);
    }
  }
}

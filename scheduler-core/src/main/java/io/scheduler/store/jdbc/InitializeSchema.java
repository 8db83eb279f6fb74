package io.scheduler.store.jdbc;

/**
 * Whether {@link JdbcJobStore} creates its tables when it starts, as Spring Boot's {@code
 * spring.sql.init.mode} decides for its scripts. The store runs its shipped script ({@code
 * io/scheduler/store/jdbc/schema-<database>.sql}) with the configured table prefix; the script
 * creates only what does not exist yet, so running it again is harmless.
 */
public enum InitializeSchema {
  /** Create the tables on every database. */
  ALWAYS,
  /**
   * Create the tables only on an embedded, in-memory database (H2 {@code jdbc:h2:mem:}, HSQLDB
   * {@code jdbc:hsqldb:mem:}, Derby), as Spring Boot decides; on a server, create them yourself
   * from the shipped script.
   */
  EMBEDDED,
  /** Never create them: they must exist (create them from the shipped script). */
  NEVER
}

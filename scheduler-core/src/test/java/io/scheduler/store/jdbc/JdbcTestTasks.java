package io.scheduler.store.jdbc;

/** Public static tasks the JDBC tests name by {@code TaskRef}. */
public final class JdbcTestTasks {

  /** {@code io.scheduler.store.jdbc.JdbcTestTasks::take}. */
  public static final String TAKE = "io.scheduler.store.jdbc.JdbcTestTasks::take";

  private JdbcTestTasks() {}

  /**
   * Accepts any value (so the resolver binds whatever arg a test gives).
   *
   * @param value the value
   */
  public static void take(Object value) {}
}

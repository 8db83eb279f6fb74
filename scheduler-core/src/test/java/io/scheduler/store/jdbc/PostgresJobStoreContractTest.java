package io.scheduler.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** {@link JdbcJobStore} on PostgreSQL (with LISTEN/NOTIFY) passes the job store contracts. */
@Tag("integration")
class PostgresJobStoreContractTest extends JdbcContractTestSupport {

  private static TestDatabase database;
  private static Setup setup;

  @BeforeAll
  static void setUpDatabase() {
    database = TestDatabase.postgres();
    setup = Setup.on(database);
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  Setup setup() {
    return setup;
  }
}

package io.scheduler.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcJobStore} on H2 in memory passes the job store contracts. */
class H2JobStoreContractTest extends JdbcContractTestSupport {

  private static TestDatabase database;
  private static Setup setup;

  @BeforeAll
  static void setUpDatabase() {
    database = TestDatabase.h2();
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

  /** No push channel on this database: the other schedulers find changes by polling. */
  @Override
  protected boolean announcesChanges() {
    return false;
  }
}

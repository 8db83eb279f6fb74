package io.scheduler.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * {@link JdbcJobStore} on MariaDB (SKIP LOCKED since 10.6; also serves MySQL 8) passes the job
 * store contracts.
 */
@Tag("integration")
class MariaDbJobStoreContractTest extends JdbcContractTestSupport {

  private static TestDatabase database;
  private static Setup setup;

  @BeforeAll
  static void setUpDatabase() {
    database = TestDatabase.mariadb();
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

package io.scheduler.store.jdbc;

import org.junit.jupiter.api.Tag;

/**
 * {@link JdbcJobStore} on MariaDB (SKIP LOCKED since 10.6; also serves MySQL 8) passes the job
 * store contracts.
 */
@Tag("integration")
class MariaDbJobStoreContractTest extends JdbcContractTestSupport {

  MariaDbJobStoreContractTest() {
    super(TestDatabase::mariadb);
  }
}

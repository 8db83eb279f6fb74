package io.scheduler.store.jdbc;

import org.junit.jupiter.api.Tag;

/** {@link JdbcJobStore} on PostgreSQL (with LISTEN/NOTIFY) passes the job store contracts. */
@Tag("integration")
class PostgresJobStoreContractTest extends JdbcContractTestSupport {

  PostgresJobStoreContractTest() {
    super(TestDatabase::postgres);
  }
}

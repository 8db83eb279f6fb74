package io.scheduler.store.jdbc;

/** {@link JdbcJobStore} on H2 in memory passes the job store contracts. */
class H2JobStoreContractTest extends JdbcContractTestSupport {

  H2JobStoreContractTest() {
    super(TestDatabase::h2);
  }
}

package io.scheduler.store.jdbc;

import io.scheduler.store.SharedJobStore;
import io.scheduler.store.SharedJobStoreContractTest;
import javax.sql.DataSource;

/**
 * The {@link SharedJobStoreContractTest} (and with it the {@code JobStoreContractTest}) for {@link
 * JdbcJobStore} on one database: the store under test and its peer run on separate pools, as two
 * processes would, over one pair of tables that each test starts empty.
 */
abstract class JdbcContractTestSupport extends SharedJobStoreContractTest {

  /** The database, its two pools and the tables' prefix, set up once per test class. */
  record Setup(TestDatabase database, DataSource node, DataSource peer, String prefix) {

    static Setup on(TestDatabase database) {
      String prefix = database.freshPrefix("contract_");
      database.createTables(prefix);
      return new Setup(database, database.pool("node-a", 10), database.pool("node-b", 10), prefix);
    }
  }

  /** Returns this class's setup. */
  abstract Setup setup();

  @Override
  protected SharedJobStore createStore() {
    Setup setup = setup();
    setup.database().clear(setup.prefix());
    return JdbcJobStore.builder(setup.node())
        .tablePrefix(setup.prefix())
        .initializeSchema(InitializeSchema.NEVER)
        .build();
  }

  @Override
  protected SharedJobStore createPeerStore() {
    Setup setup = setup();
    return JdbcJobStore.builder(setup.peer())
        .tablePrefix(setup.prefix())
        .initializeSchema(InitializeSchema.NEVER)
        .build();
  }
}

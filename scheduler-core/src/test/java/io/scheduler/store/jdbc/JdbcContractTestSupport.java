package io.scheduler.store.jdbc;

import io.scheduler.store.SharedJobStore;
import io.scheduler.store.SharedJobStoreContractTest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInfo;

/**
 * The {@link SharedJobStoreContractTest} (and with it the {@code JobStoreContractTest}) for {@link
 * JdbcJobStore} on one database, named by the subclass: the store under test and its peer run on
 * separate pools, as two processes would, over one pair of tables that each test starts empty. The
 * database is opened by the class's first test and closed after its last.
 */
abstract class JdbcContractTestSupport extends SharedJobStoreContractTest {

  private static final Map<Class<?>, Setup> SETUPS = new ConcurrentHashMap<>();

  private final Supplier<TestDatabase> database;

  /**
   * @param database opens the database the contract runs on
   */
  JdbcContractTestSupport(Supplier<TestDatabase> database) {
    this.database = database;
  }

  @AfterAll
  static void closeDatabase(TestInfo testClass) {
    Setup setup = SETUPS.remove(testClass.getTestClass().orElseThrow());
    if (setup != null) {
      setup.database().close();
    }
  }

  private Setup setup() {
    return SETUPS.computeIfAbsent(getClass(), type -> Setup.on(database.get()));
  }

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

  /** Only PostgreSQL pushes changes; on the others schedulers find them by polling. */
  @Override
  protected boolean announcesChanges() {
    return setup().database().dialect == Dialect.POSTGRESQL;
  }

  /** The database, its two pools and the tables' prefix, set up once per test class. */
  private record Setup(TestDatabase database, DataSource node, DataSource peer, String prefix) {

    static Setup on(TestDatabase database) {
      try {
        String prefix = database.freshPrefix("contract_");
        database.createTables(prefix);
        return new Setup(
            database, database.pool("node-a", 10), database.pool("node-b", 10), prefix);
      } catch (RuntimeException | Error e) {
        database.close();
        throw e;
      }
    }
  }
}

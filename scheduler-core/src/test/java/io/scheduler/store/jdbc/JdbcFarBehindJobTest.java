package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.scheduler.store.FarBehindJobContractTest;
import io.scheduler.store.JobStore;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link FarBehindJobContractTest} on {@link JdbcJobStore} over H2, PostgreSQL and MariaDB: each
 * store instance has a pool of its own (as a process would), over one pair of tables per test; and
 * an operator's {@code UPDATE ... SET next_run_time = 0} ("run it now") costs one pass.
 */
class JdbcFarBehindJobTest {

  abstract static class OnDatabase extends FarBehindJobContractTest {

    private final TestDatabase database;
    private final String prefix;
    private int stores;

    OnDatabase(Supplier<TestDatabase> database) {
      this.database = database.get();
      this.prefix = this.database.freshPrefix("behind_");
      this.database.createTables(prefix);
    }

    @Override
    protected JobStore newStore() {
      return JdbcJobStore.builder(database.pool("node-" + ++stores, 4))
          .tablePrefix(prefix)
          .initializeSchema(InitializeSchema.NEVER)
          .build();
    }

    @Override
    protected void closeStores() {
      database.close();
    }

    @Test
    void anOperatorWritingZeroAsTheNextRunTimeGetsOneRunNow() {
      MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00.500Z"), ZONE);
      RecordingListener events = new RecordingListener();
      ManualScheduler scheduler = manual("node-a", clock, events);
      scheduler.addJob(everySecond("run-now", Instant.parse("2026-03-02T10:00:00Z")));
      scheduler.addJob(hourly("normal", Instant.parse("2026-03-02T09:00:00Z")));

      assertThat(
              database.execute(
                  "UPDATE " + prefix + "jobs SET next_run_time = 0 WHERE id = 'run-now'"))
          .isOne();
      assertTimeoutPreemptively(GUARD, scheduler::runDueJobs, "one pass");

      assertThat(ran(events, "run-now")).containsExactly(Instant.parse("2026-03-02T09:00:00Z"));
      assertThat(ran(events, "normal")).containsExactly(Instant.parse("2026-03-02T09:00:00Z"));
      assertThat(scheduler.getJob("run-now").orElseThrow().nextRunTime())
          .contains(Instant.parse("2026-03-02T09:00:01Z"));
    }
  }

  @Nested
  class H2 extends OnDatabase {
    H2() {
      super(TestDatabase::h2);
    }
  }

  @Nested
  class Postgres extends OnDatabase {
    Postgres() {
      super(TestDatabase::postgres);
    }
  }

  @Nested
  class MariaDb extends OnDatabase {
    MariaDb() {
      super(TestDatabase::mariadb);
    }
  }
}

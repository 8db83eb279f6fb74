package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.event.JobExecuted;
import io.scheduler.event.JobRecovered;
import io.scheduler.job.Job;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.ContractTasks;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStoreListener;
import io.scheduler.store.SharedJobStore;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scheduler dies during the last run of a one-shot job, whose release removed the job: once the
 * claim's lease expires, another scheduler re-runs it from the job as it was claimed (the claim
 * keeps it), and says it is a recovery. On a settable clock, on H2 and PostgreSQL.
 */
class JdbcRecoveryTest {

  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  private TestDatabase database;

  /** Shuts down the scheduler and the stores, then drops the tables. */
  @AfterEach
  void stop() {
    if (database != null) {
      database.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void theLastRunOfAOneShotJobIsRecoveredAfterItsSchedulerDied(String databaseName) {
    database = TestDatabase.named(databaseName);
    String prefix = database.freshPrefix("recovery_");
    database.createTables(prefix);
    MutableClock clock = MutableClock.at(START, TestJobs.ZONE);
    JdbcJobStore dead = store(prefix, "dead");
    dead.start(
        new JobStoreContext(
            "default",
            clock,
            TestJobs.ZONE,
            TaskResolver.staticMethods(),
            "dead",
            JobStoreListener.NONE));
    dead.addJob(TestJobs.oneShot("once", ContractTasks.NOOP, List.of(), START));
    Job acquired = dead.acquireDueJobs(START, 10).get(0);
    SharedJobStore.ClaimResult claimed =
        dead.releaseAndClaim(
                List.of(new SharedJobStore.Release(acquired, null, List.of(START))), START)
            .get(0);
    assertThat(claimed.claim()).as("the dying scheduler claimed the last run").isNotNull();
    // ... and dies without running or completing it.

    RecordingListener events = new RecordingListener();
    ManualScheduler survivor =
        database.closeWith(
            ManualScheduler.builder(clock)
                .schedulerId("survivor")
                .jobStore("default", store(prefix, "survivor"))
                .listener(events)
                .build(),
            scheduler -> scheduler.shutdown(true));
    survivor.start();
    survivor.runDueJobs();
    assertThat(events.events(JobRecovered.class)).as("lease still valid").isEmpty();

    survivor.advance(dead.leaseTime().plusSeconds(1));

    assertThat(events.events(JobRecovered.class))
        .singleElement()
        .satisfies(
            recovered -> {
              assertThat(recovered.jobId()).isEqualTo("once");
              assertThat(recovered.scheduledRunTimes()).containsExactly(START);
            });
    assertThat(events.events(JobExecuted.class))
        .as("the recovered run ran, though later than the misfire grace time")
        .singleElement()
        .satisfies(executed -> assertThat(executed.scheduledRunTime()).isEqualTo(START));
    assertThat(database.queryLong("SELECT COUNT(*) FROM " + prefix + "runs")).isZero();
    assertThat(database.queryLong("SELECT COUNT(*) FROM " + prefix + "jobs")).isZero();
  }

  private JdbcJobStore store(String prefix, String pool) {
    return database.closeWith(
        JdbcJobStore.builder(database.pool(pool, 4))
            .tablePrefix(prefix)
            .initializeSchema(InitializeSchema.NEVER)
            .leaseTime(Duration.ofSeconds(30))
            .build(),
        JdbcJobStore::shutdown);
  }
}

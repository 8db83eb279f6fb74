package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.SchedulerState;
import io.scheduler.executor.JobExecutors;
import io.scheduler.job.Job;
import io.scheduler.testservers.TcpProxy;
import io.scheduler.testservers.TestServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The database going away while a scheduler runs: the network to PostgreSQL is cut (a TCP proxy
 * drops every connection and refuses new ones, as a restarting server does) or the scheduler's
 * backends are killed with {@code pg_terminate_backend}. The scheduler logs, retries, reconnects
 * and carries on: every job runs, exactly once, and its thread survives.
 */
@Tag("integration")
class JdbcFaultToleranceTest {

  private TestDatabase database;
  private String prefix;
  private JdbcJobStore loader;

  @BeforeEach
  void createTables() {
    database = TestDatabase.postgres();
    prefix = database.freshPrefix("fault_");
    database.createTables(prefix);
    loader = TestJobs.loader(database, prefix);
  }

  /** Shuts down the schedulers, the loader and the proxy, then drops the tables. */
  @AfterEach
  void stop() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void cuttingTheDatabaseOffMidRunLosesNoJobAndTheSchedulerCarriesOn() throws Exception {
    TcpProxy proxy = database.closeWith(new TcpProxy(TestServers.postgresUrl()), TcpProxy::close);
    int jobs = 300;
    ClusterTasks.reset(jobs);
    addOneShotJobs("cut-", jobs, Instant.now().plusSeconds(1), Duration.ofSeconds(6));
    Scheduler scheduler =
        start(
            "cut",
            database.pool("cut", 6, proxy.url(), Duration.ofSeconds(1)),
            Duration.ofMillis(500));

    await("a third of the jobs ran")
        .atMost(Duration.ofSeconds(30))
        .until(() -> ClusterTasks.RUNS.size() >= jobs / 3);
    proxy.cut();
    await("the scheduler tried to reconnect three times")
        .atMost(Duration.ofSeconds(30))
        .until(() -> proxy.turnedAway() >= 3);
    int ranBeforeRestore = ClusterTasks.RUNS.size();
    proxy.restore();

    assertThat(ClusterTasks.distinctRuns.await(60, TimeUnit.SECONDS))
        .as("every job ran (%d of %d)", ClusterTasks.RUNS.size(), jobs)
        .isTrue();
    assertThat(ranBeforeRestore).as("the outage held some jobs back").isLessThan(jobs);
    assertThat(scheduler.state()).isEqualTo(SchedulerState.RUNNING);
    assertThat(threadAlive("cut-main")).as("the scheduler's thread survived").isTrue();
    scheduler.shutdown(true);
    assertThat(duplicates()).as("runs that happened twice").isEmpty();
    assertThat(database.queryLong("SELECT COUNT(*) FROM " + prefix + "runs")).isZero();
  }

  @Test
  void killedConnectionsAreReplacedAndChangesAreStillAnnounced() throws Exception {
    ClusterTasks.reset(100);
    // Polling once a minute: only LISTEN/NOTIFY can make these jobs run in time.
    Scheduler scheduler = start("killed", database.pool("killed", 6), Duration.ofMinutes(1));
    await("the scheduler listens").atMost(Duration.ofSeconds(10)).until(() -> listening("killed"));
    addOneShotJobs("before-", 50, Instant.now().plusMillis(500), Duration.ofSeconds(1));
    await("the first 50 jobs ran")
        .atMost(Duration.ofSeconds(30))
        .until(() -> ClusterTasks.RUNS.size() >= 50);

    long killed =
        database.queryLong(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE application_name = 'killed'");
    await("the scheduler listens again")
        .atMost(Duration.ofSeconds(30))
        .until(() -> listening("killed"));
    addOneShotJobs("after-", 50, Instant.now().plusMillis(500), Duration.ofSeconds(1));

    assertThat(ClusterTasks.distinctRuns.await(30, TimeUnit.SECONDS))
        .as("the jobs added after the kill ran (%d of 100)", ClusterTasks.RUNS.size())
        .isTrue();
    assertThat(killed).as("backends killed").isPositive();
    assertThat(threadAlive("killed-main")).isTrue();
    scheduler.shutdown(true);
    assertThat(duplicates()).isEmpty();
  }

  /** Whether a backend of the pool {@code name} is subscribed (its last statement). */
  private boolean listening(String name) {
    return database.queryLong(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '"
                + name
                + "' AND (query LIKE 'LISTEN%' OR query = 'SELECT 1')")
        > 0;
  }

  private Scheduler start(String name, DataSource pool, Duration pollInterval) {
    Scheduler scheduler =
        BackgroundScheduler.builder()
            .schedulerId(name)
            .threadNamePrefix(name + "-")
            .executor("default", JobExecutors.threadPool(4, name + "-worker-"))
            .jobStore(
                "default",
                JdbcJobStore.builder(pool)
                    .tablePrefix(prefix)
                    .initializeSchema(InitializeSchema.NEVER)
                    .leaseTime(Duration.ofSeconds(5))
                    .pollInterval(pollInterval)
                    .build())
            .jobStoreRetryInterval(Duration.ofMillis(200))
            .build();
    database.closeWith(scheduler, started -> started.shutdown(false));
    scheduler.start();
    return scheduler;
  }

  private void addOneShotJobs(String idPrefix, int count, Instant first, Duration spread) {
    List<Job> jobs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant due = first.plusMillis(spread.toMillis() * i / count);
      jobs.add(TestJobs.oneShot(idPrefix + i, ClusterTasks.RECORD, List.of(), due));
    }
    loader.addJobs(jobs);
  }

  private static List<String> duplicates() {
    return ClusterTasks.RUNS.entrySet().stream()
        .filter(run -> run.getValue().get() > 1)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static boolean threadAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().equals(name) && thread.isAlive());
  }
}

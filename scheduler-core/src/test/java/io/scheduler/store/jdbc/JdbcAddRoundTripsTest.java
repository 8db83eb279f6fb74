package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.job.Job;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.JobJson;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStoreListener;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What adding costs the database, counted on the connection: {@code addJob} and {@code addJobs} of
 * up to {@value JobRows#IN_LIST} jobs are one statement in auto-commit mode (on PostgreSQL one
 * round trip that also sends the {@code NOTIFY}); a larger batch is one transaction with one commit
 * and one {@code NOTIFY}; a taken id still adds nothing and is named.
 */
class JdbcAddRoundTripsTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private final List<AutoCloseable> closeAfter = new ArrayList<>();
  private TestDatabase database;
  private CountingDataSource counting;
  private JdbcJobStore store;
  private final AtomicInteger heardByPeer = new AtomicInteger();

  @AfterEach
  void stop() throws Exception {
    if (counting != null) {
      counting.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private void open(String databaseName) throws SQLException {
    database = TestDatabase.named(databaseName);
    String prefix = database.freshPrefix("adds_");
    database.createTables(prefix);
    counting = new CountingDataSource(database.url, database.pool("counted", 2));
    store = start(counting, prefix, "node-a", new AtomicInteger());
    start(database.pool("peer", 2), prefix, "node-b", heardByPeer);
    if (database.dialect == Dialect.POSTGRESQL) {
      await("the peer listens")
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  database.queryLong(
                          "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'peer'"
                              + " AND (query LIKE 'LISTEN%' OR query = 'SELECT 1')")
                      > 0);
    }
    counting.reset();
  }

  private JdbcJobStore start(
      javax.sql.DataSource dataSource, String prefix, String schedulerId, AtomicInteger heard) {
    JdbcJobStore started =
        JdbcJobStore.builder(dataSource)
            .tablePrefix(prefix)
            .initializeSchema(InitializeSchema.NEVER)
            .build();
    started.start(
        new JobStoreContext(
            "default",
            Clock.systemUTC(),
            TestJobs.ZONE,
            TaskResolver.staticMethods(),
            schedulerId,
            new JobStoreListener() {
              @Override
              public void jobsChanged() {
                heard.incrementAndGet();
              }

              @Override
              public void jobLoadFailed(String jobId, Exception cause) {}
            }));
    return database.closeWith(started, JdbcJobStore::shutdown);
  }

  private static List<Job> jobs(String base, int count) {
    return IntStream.range(0, count).mapToObj(i -> TestJobs.job(base + i, T0)).toList();
  }

  private boolean announces() {
    return database.dialect == Dialect.POSTGRESQL;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql", "mariadb"})
  void addJobIsOneStatementWithoutATransaction(String databaseName) throws SQLException {
    open(databaseName);

    store.addJob(TestJobs.job("one", T0));

    assertThat(counting.calls()).hasSize(2);
    assertThat(counting.count("prepare ")).isOne();
    assertThat(counting.count("execute")).isOne();
    assertThat(counting.count("prepare WITH added AS (INSERT"))
        .as("the insert carries the NOTIFY")
        .isEqualTo(announces() ? 1 : 0);
    if (announces()) {
      assertThat(counting.roundTrips()).as("round trips to PostgreSQL").isOne();
      await("the peer heard it")
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(heardByPeer.get()).isOne());
    }
    assertThat(store.lookupJob("one")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql", "mariadb"})
  void aBatchThatFitsOneInsertIsOneStatementWithoutATransaction(String databaseName)
      throws SQLException {
    open(databaseName);
    int rows = JobRows.rowsPerInsert(database.dialect);

    store.addJobs(jobs("batch-", rows));

    assertThat(counting.calls()).hasSize(2);
    assertThat(counting.count("execute")).isOne();
    if (announces()) {
      assertThat(counting.count("prepare WITH added AS (INSERT")).isOne();
      assertThat(counting.calls().get(0)).as("rows as three arrays").contains("unnest(");
      assertThat(counting.roundTrips()).isOne();
    }
    assertThat(store.getAllJobs()).hasSize(rows);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql", "mariadb"})
  void aLargerBatchIsOneTransactionWithOneCommitAndOneAnnouncement(String databaseName)
      throws SQLException {
    open(databaseName);
    int rows = JobRows.rowsPerInsert(database.dialect);

    store.addJobs(jobs("batch-", 2 * rows + 1));

    assertThat(counting.count("prepare ")).as("one insert per %s rows", rows).isEqualTo(3);
    assertThat(counting.count("commit")).isOne();
    assertThat(counting.count("rollback")).isZero();
    if (announces()) {
      assertThat(counting.calls().get(counting.calls().size() - 3))
          .as("the last insert announces")
          .startsWith("prepare WITH added AS (INSERT");
      assertThat(counting.count("prepare WITH")).isOne();
      assertThat(counting.roundTrips()).as("three inserts and the commit").isEqualTo(4);
      await("the peer heard it")
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(heardByPeer.get()).isOne());
    }
    assertThat(store.getAllJobs()).hasSize(2 * rows + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql", "mariadb"})
  void aBatchKeepsEveryJobsNextRunTimeAndData(String databaseName) throws SQLException {
    open(databaseName);
    List<Job> batch = new ArrayList<>(jobs("kept-", 3));
    batch.add(TestJobs.job("kept-paused", T0).withNextRunTime(null));
    // Array literals quote, escape and spell null: ids that need all three.
    batch.add(TestJobs.job("kept \"quoted\", {braced} \\ back\\slash ü", T0));
    batch.add(TestJobs.job("NULL", T0));

    store.addJobs(batch);

    for (Job job : batch) {
      Job stored = store.lookupJob(job.id()).orElseThrow();
      assertThat(stored.nextRunTime()).as(job.id()).isEqualTo(job.nextRunTime());
      assertThat(JobJson.toJson(stored)).as(job.id()).isEqualTo(JobJson.toJson(job));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql", "mariadb"})
  void aTakenIdInAnyStatementOfABatchAddsNothingAndIsNamed(String databaseName)
      throws SQLException {
    open(databaseName);
    store.addJob(TestJobs.job("small-7", T0));
    store.addJob(TestJobs.job("large-1000", T0));

    assertThatThrownBy(() -> store.addJobs(jobs("small-", 10)))
        .isInstanceOf(ConflictingJobIdException.class)
        .hasMessageContaining("'small-7'");
    assertThatThrownBy(
            () -> store.addJobs(jobs("large-", 2 * JobRows.rowsPerInsert(database.dialect) + 1)))
        .isInstanceOf(ConflictingJobIdException.class)
        .hasMessageContaining("'large-1000'");
    assertThatThrownBy(() -> store.addJob(TestJobs.job("small-7", T0)))
        .isInstanceOf(ConflictingJobIdException.class)
        .hasMessageContaining("'small-7'")
        .hasMessageContaining("'default'");

    assertThat(store.getAllJobs()).extracting(Job::id).containsOnly("small-7", "large-1000");
  }
}

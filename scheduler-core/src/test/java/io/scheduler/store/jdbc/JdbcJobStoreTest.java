package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.exception.JobStoreException;
import io.scheduler.exception.JobStoreSchemaException;
import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.ContractTasks;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStoreListener;
import io.scheduler.testing.MutableClock;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Trigger;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JdbcJobStore}'s own rules, on H2 in memory: the builder's validation, the schema modes and
 * scripts, time in microseconds, failures reported as {@link JobStoreException}s naming the store
 * and the operation.
 */
class JdbcJobStoreTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  private TestDatabase database;
  private MutableClock clock;

  @BeforeEach
  void openDatabase() {
    database = TestDatabase.h2();
    clock = MutableClock.at(NOW, ZONE);
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  /** A store on the test database, shut down with it. */
  private JdbcJobStore store(String pool, String prefix, InitializeSchema initializeSchema) {
    return database.closeWith(
        JdbcJobStore.builder(database.pool(pool, 2))
            .tablePrefix(prefix)
            .initializeSchema(initializeSchema)
            .build(),
        JdbcJobStore::shutdown);
  }

  private JobStoreContext context() {
    return new JobStoreContext(
        "default", clock, ZONE, TaskResolver.staticMethods(), "node-a", JobStoreListener.NONE);
  }

  private static Job job(String id, Instant nextRunTime) {
    TaskRef ref = TaskRef.of(ContractTasks.NOOP);
    Trigger trigger = IntervalTrigger.every(Duration.ofMinutes(5)).withZone(ZONE);
    JobSpec spec = JobSpec.builder().id(id).task(ref).trigger(trigger).build();
    return Job.create(
        spec,
        id,
        TaskResolver.staticMethods().resolve(ref, spec.args(), spec.kwargs()),
        trigger,
        JobDefaults.ofDefaults(),
        nextRunTime);
  }

  // ---------------------------------------------------------------- builder

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1jobs_",
        "my-app_",
        "my app_",
        "x;drop_",
        "jobs\"_",
        "ä_",
        "abcdefghijklmnopqrstuvwxyz_0123456"
      })
  void aTablePrefixThatIsNotAnIdentifierIsRefusedNamingTheValue(String prefix) {
    assertThatThrownBy(() -> JdbcJobStore.builder(database.pool("p", 1)).tablePrefix(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "tablePrefix must be an SQL identifier ([A-Za-z_][A-Za-z0-9_]*, at most 32"
                + " characters), but was '"
                + prefix
                + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"scheduler_", "_x", "App_Jobs_2", "abcdefghijklmnopqrstuvwxyz_01234"})
  void aTablePrefixThatIsAnIdentifierIsAccepted(String prefix) {
    assertThat(
            JdbcJobStore.builder(database.pool("p", 1)).tablePrefix(prefix).build().tablePrefix())
        .isEqualTo(prefix);
  }

  @Test
  void theDefaultsAreTheSharedStoreDefaults() {
    JdbcJobStore store = JdbcJobStore.builder(database.pool("p", 1)).build();

    assertThat(store.tablePrefix()).isEqualTo("scheduler_");
    assertThat(store.leaseTime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(store.pollInterval()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void nonPositiveDurationsAreRefusedNamingTheValue() {
    JdbcJobStore.Builder builder = JdbcJobStore.builder(database.pool("p", 1));

    assertThatThrownBy(() -> builder.leaseTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leaseTime must be positive, but was PT0S");
    assertThatThrownBy(() -> builder.pollInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pollInterval must be positive, but was PT-1S");
  }

  // ---------------------------------------------------------------- schema

  @Test
  void embeddedCreatesTheTablesOnAnInMemoryDatabaseAndAStoreCanStartAgain() {
    String prefix = database.freshPrefix("embedded_");
    JdbcJobStore store = store("p", prefix, InitializeSchema.EMBEDDED);

    store.start(context());
    store.addJob(job("a", NOW));
    store.shutdown();
    store.start(context());

    assertThat(store.dialect()).isEqualTo(Dialect.H2);
    assertThat(store.lookupJob("a")).isPresent();
    assertThat(database.queryLong("SELECT COUNT(*) FROM " + prefix + "jobs")).isEqualTo(1);
  }

  @Test
  void alwaysCreatesTheTablesOnceAndLeavesExistingOnes() {
    String prefix = database.freshPrefix("always_");
    JdbcJobStore first = store("p", prefix, InitializeSchema.ALWAYS);
    first.start(context());
    first.addJob(job("kept", NOW));

    JdbcJobStore second = store("q", prefix, InitializeSchema.ALWAYS);
    second.start(context());

    assertThat(second.lookupJob("kept")).isPresent();
  }

  @Test
  void neverLeavesTheTablesToTheUserAndSaysHowToCreateThem() {
    String prefix = database.freshPrefix("never_");
    JdbcJobStore store = store("p", prefix, InitializeSchema.NEVER);

    assertThatThrownBy(() -> store.start(context()))
        .isInstanceOf(JobStoreSchemaException.class)
        .hasMessageContaining("job store 'default' cannot use its tables " + prefix + "jobs")
        .hasMessageContaining("io/scheduler/store/jdbc/schema-h2.sql")
        .hasMessageContaining("replacing the prefix scheduler_ by " + prefix)
        .hasMessageContaining("initializeSchema is ALWAYS");

    database.createTables(prefix);
    store.start(context());
  }

  @ParameterizedTest
  @CsvSource({
    "H2, jdbc:h2:mem:test, true",
    "H2, jdbc:h2:mem:test;DB_CLOSE_DELAY=-1, true",
    "H2, jdbc:h2:file:./data/app, false",
    "H2, jdbc:h2:tcp://localhost/~/app, false",
    "HSQL Database Engine, jdbc:hsqldb:mem:app, true",
    "HSQL Database Engine, jdbc:hsqldb:file:app, false",
    "Apache Derby, jdbc:derby:memory:app;create=true, true",
    "PostgreSQL, jdbc:postgresql://localhost/app, false",
    "MariaDB, jdbc:mariadb://localhost/app, false"
  })
  void embeddedMeansAnInMemoryDatabaseAsSpringBootDecides(
      String product, String url, boolean embedded) {
    assertThat(Schema.isEmbedded(product, url)).isEqualTo(embedded);
  }

  @Test
  void theShippedScriptsNameEveryTableAndIndexWithThePrefix() {
    for (Dialect dialect : Dialect.values()) {
      List<String> statements = Schema.statements(dialect, "billing_");

      assertThat(statements).as("%s", dialect).isNotEmpty();
      assertThat(String.join("\n", statements))
          .as("%s", dialect)
          .doesNotContain("scheduler_")
          .contains("billing_jobs", "billing_runs", "billing_jobs_next_run_time_idx");
    }
  }

  @Test
  void anUnsupportedDatabaseIsRefusedNamingTheProduct() {
    JdbcJobStore store = JdbcJobStore.builder(fakeDatabase("Oracle", "19.3.0.0.0")).build();

    assertThatThrownBy(() -> store.start(context()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "JdbcJobStore supports PostgreSQL, MySQL, MariaDB and H2, but the DataSource connects"
                + " to 'Oracle' (version 19.3.0.0.0)");
  }

  @Test
  void mariadbIsRecognisedBehindMysqlsDriver() throws Exception {
    Connection connection = fakeDatabase("MySQL", "5.5.5-10.11.19-MariaDB").getConnection();

    assertThat(Dialect.detect(connection.getMetaData())).isEqualTo(Dialect.MARIADB);
  }

  // ---------------------------------------------------------------- failures and time

  @Test
  void databaseFailuresAreJobStoreExceptionsNamingTheStoreAndTheOperation() {
    String prefix = database.freshPrefix("failing_");
    JdbcJobStore store = store("p", prefix, InitializeSchema.ALWAYS);
    store.start(context());
    store.checkAvailable();

    database.drop(prefix);

    assertThatThrownBy(store::checkAvailable)
        .isInstanceOf(JobStoreException.class)
        .hasMessageStartingWith("job store 'default' could not check that it is available: ");
    assertThatThrownBy(() -> store.addJob(job("a", NOW)))
        .isInstanceOf(JobStoreException.class)
        .hasMessageStartingWith("job store 'default' could not add job 'a': ")
        .hasMessageContaining(prefix.toUpperCase(java.util.Locale.ROOT) + "JOBS");
    assertThatThrownBy(() -> store.acquireDueJobs(NOW, 10))
        .isInstanceOf(JobStoreException.class)
        .hasMessageStartingWith("job store 'default' could not acquire due jobs: ");
  }

  @Test
  void aJobDueWithinAMicrosecondIsNotHandedOutEarly() {
    String prefix = database.freshPrefix("micros_");
    JdbcJobStore store = store("p", prefix, InitializeSchema.ALWAYS);
    store.start(context());
    Instant due = NOW.plusNanos(500);
    store.addJob(job("a", due));

    assertThat(store.acquireDueJobs(due, 10)).isEmpty();
    assertThat(store.acquireDueJobs(NOW.plusNanos(1_000), 10))
        .extracting(Job::id)
        .containsExactly("a");
  }

  /** A DataSource whose connections describe some database and do nothing else. */
  private static DataSource fakeDatabase(String product, String version) {
    DatabaseMetaData metaData =
        (DatabaseMetaData)
            Proxy.newProxyInstance(
                JdbcJobStoreTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getDatabaseProductName" -> product;
                      case "getDatabaseProductVersion" -> version;
                      case "getDatabaseMajorVersion", "getDatabaseMinorVersion" -> 10;
                      case "getURL" -> "jdbc:fake://localhost/app";
                      default -> null;
                    });
    Connection connection =
        (Connection)
            Proxy.newProxyInstance(
                JdbcJobStoreTest.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getMetaData" -> metaData;
                      case "getAutoCommit", "isWrapperFor" -> true;
                      default -> null;
                    });
    return (DataSource)
        Proxy.newProxyInstance(
            JdbcJobStoreTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> method.getName().equals("getConnection") ? connection : null);
  }
}

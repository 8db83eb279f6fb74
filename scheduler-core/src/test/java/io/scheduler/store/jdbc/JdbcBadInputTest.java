package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.scheduler.event.JobAdded;
import io.scheduler.event.JobRemoved;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.store.ContractTasks;
import io.scheduler.store.JobJson;
import io.scheduler.store.JobStores;
import io.scheduler.store.StoredTimes;
import io.scheduler.store.UnloadableJob;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import io.scheduler.trigger.IntervalTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14.5 on a JDBC store (H2 and PostgreSQL): what cannot be stored is refused before anything
 * is written, naming the field and the value; {@code addJobs} is all or nothing across stores; and
 * stored jobs that cannot be loaded are listed with the reason and can be removed.
 */
class JdbcBadInputTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  private TestDatabase database;
  private ManualScheduler scheduler;
  private String prefix;
  private final RecordingListener events = new RecordingListener();

  @AfterEach
  void stop() {
    if (database != null) {
      database.close();
    }
  }

  private void startScheduler(String databaseName) {
    database = TestDatabase.named(databaseName);
    prefix = database.freshPrefix("bad_");
    database.createTables(prefix);
    scheduler =
        ManualScheduler.builder(MutableClock.at(START, ZONE))
            .jobStore(
                "default",
                JdbcJobStore.builder(database.pool("node", 4))
                    .tablePrefix(prefix)
                    .initializeSchema(InitializeSchema.NEVER)
                    .build())
            .jobStore("memory", JobStores.memory())
            .listener(events)
            .build();
    database.closeWith(scheduler, started -> started.shutdown(true));
    scheduler.start();
  }

  private static JobSpec.Builder job(String id) {
    return JobSpec.builder()
        .id(id)
        .task(TaskRef.of(ContractTasks.NOOP))
        .trigger("interval", Map.of("minutes", 1));
  }

  /** A job whose task takes one value, positional or as the kwarg {@code value}. */
  private static JobSpec.Builder taking(String id) {
    return JobSpec.builder()
        .id(id)
        .task(TaskRef.of(JdbcTestTasks.TAKE))
        .trigger("interval", Map.of("minutes", 1));
  }

  private List<List<Object>> rows() {
    return database.query("SELECT id, version, job_data FROM " + prefix + "jobs ORDER BY id");
  }

  private long micros(Instant time) {
    return StoredTimes.ceilMicros(time);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void theLongestIdEveryStoreHoldsIsStoredAndReadBack(String databaseName) {
    startScheduler(databaseName);
    String longest = "é".repeat(JobSpec.MAX_ID_LENGTH);

    scheduler.addJob(job(longest).build());

    assertThat(scheduler.getJob(longest)).isPresent();
    assertThatThrownBy(() -> job(longest + "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id must be at most 191 characters, but was 'ééé")
        .hasMessageEndingWith("...' (192 characters)");
    assertThatThrownBy(() -> job("nul\u0000"))
        .hasMessage("id must not contain control characters, but was 'nul\\u0000'");
    assertThat(rows()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void argsThatAreNoJsonValuesAreRefusedNamingTheArgAndItsType(String databaseName) {
    startScheduler(databaseName);
    Runnable lambda = () -> {};
    List<Object> cyclic = new ArrayList<>();
    cyclic.add(Map.of("again", cyclic));
    List<Object> deep = new ArrayList<>();
    List<Object> level = deep;
    for (int i = 0; i < 40; i++) {
      List<Object> next = new ArrayList<>();
      level.add(next);
      level = next;
    }
    Map<String, Supplier<JobSpec>> refused =
        Map.of(
            "job 'lambda' cannot be stored in a persistent job store: args[0] of type "
                + lambda.getClass().getName()
                + " has no JSON form",
            () -> taking("lambda").args(lambda).build(),
            "the value contains itself (a cyclic structure has no JSON form)",
            () -> taking("cyclic").args(cyclic).build(),
            "the value is nested more than 32 levels deep",
            () -> taking("deep").args(deep).build(),
            "job 'keys' cannot be stored in a persistent job store: kwargs['value'] has a key 1 of"
                + " type java.lang.Integer (JSON object keys are strings)",
            () -> taking("keys").kwargs(Map.of("value", Map.of(1, "one"))).build(),
            "job 'nan' cannot be stored in a persistent job store: kwargs['value'] is NaN, which"
                + " JSON cannot hold",
            () -> taking("nan").kwargs(Map.of("value", Double.NaN)).build());

    refused.forEach(
        (message, spec) ->
            assertThatThrownBy(() -> scheduler.addJob(spec.get()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message));
    assertThat(rows()).isEmpty();
    assertThat(events.events(JobAdded.class)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void addJobsKeepsNothingWhenTheJdbcStoreRefusesAfterTheMemoryStoreAdded(String databaseName) {
    startScheduler(databaseName);
    scheduler.addJob(job("stored").build());
    events.clear();

    assertThatThrownBy(
            () ->
                scheduler.addJobs(
                    List.of(
                        job("in-memory").jobStore("memory").build(),
                        job("fine").build(),
                        taking("opaque").args(new Object()).build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("args[0] of type java.lang.Object has no JSON form");

    assertThat(scheduler.getJobs()).extracting(job -> job.id()).containsExactly("stored");
    assertThat(rows()).extracting(row -> row.get(0)).containsExactly("stored");
    assertThat(events.events()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void storedJobsThatCannotBeLoadedAreListedWithTheReasonAndCanBeRemoved(String databaseName) {
    startScheduler(databaseName);
    scheduler.addJob(job("healthy").build());
    String json =
        JobJson.toJson(
            scheduler.addJob(
                job("template")
                    .trigger(
                        IntervalTrigger.every(Duration.ofHours(1)).withJitter(Duration.ofDays(1)))
                    .build()));
    scheduler.removeJob("template");
    insert("corrupt", "{not json");
    insert("gone", json.replace("template", "gone").replace(ContractTasks.NOOP, "x.Missing::run"));
    insert("jitter", json.replace("template", "jitter").replace("PT24H", "PT9600H"));

    List<UnloadableJob> unloadable = scheduler.getUnloadableJobs();

    assertThat(unloadable)
        .extracting(UnloadableJob::id, UnloadableJob::jobStore)
        .containsExactlyInAnyOrder(
            tuple("corrupt", "default"), tuple("gone", "default"), tuple("jitter", "default"));
    assertThat(reason(unloadable, "corrupt"))
        .contains("job 'corrupt' in job store 'default'", "corrupt data");
    assertThat(reason(unloadable, "gone")).contains("job 'gone'", "x.Missing");
    assertThat(reason(unloadable, "jitter"))
        .contains("job 'jitter'", "'jitter': must be at most PT8760H, but was 'PT9600H'");
    assertThat(scheduler.getJobs()).extracting(job -> job.id()).containsExactly("healthy");
    events.clear();

    for (String id : List.of("corrupt", "gone", "jitter")) {
      scheduler.removeJob(id);
    }

    assertThat(events.events(JobRemoved.class))
        .extracting(JobRemoved::jobId)
        .containsExactly("corrupt", "gone", "jitter");
    assertThat(scheduler.getUnloadableJobs()).isEmpty();
    assertThat(rows()).extracting(row -> row.get(0)).containsExactly("healthy");
    assertThatThrownBy(() -> scheduler.removeJob("corrupt"))
        .isInstanceOf(JobNotFoundException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aJitterTheOptionsRefuseCannotBeStoredThroughTheBuilders(String databaseName) {
    startScheduler(databaseName);

    assertThatThrownBy(
            () ->
                scheduler.addJob(
                    job("jitter")
                        .trigger(
                            IntervalTrigger.every(Duration.ofHours(1))
                                .withJitter(Duration.ofDays(400)))
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interval trigger: jitter must be at most PT8760H, but was PT9600H");
    assertThat(rows()).isEmpty();
  }

  private void insert(String id, String json) {
    database.execute(
        "INSERT INTO "
            + prefix
            + "jobs (id, next_run_time, job_data, version) VALUES ('"
            + id
            + "', "
            + micros(START.plusSeconds(60))
            + ", '"
            + json
            + "', 1)");
  }

  private static String reason(List<UnloadableJob> jobs, String id) {
    return jobs.stream().filter(job -> job.id().equals(id)).findFirst().orElseThrow().reason();
  }
}

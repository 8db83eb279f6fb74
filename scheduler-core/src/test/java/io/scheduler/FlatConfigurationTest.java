package io.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.scheduler.executor.JobExecutor;
import io.scheduler.executor.JobExecutors;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.JobDefaults;
import io.scheduler.store.memory.MemoryJobStore;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SchedulerBuilder#properties(Map)} (APScheduler's flat {@code configure()}): every
 * documented key in kebab-case, snake_case and camelCase, the accepted value forms, keys outside
 * {@code scheduler.} being ignored, and errors that name the key and the value (with a did-you-mean
 * hint for unknown keys). Observed through the built scheduler where the public API shows the
 * setting, and through the builder's package-private getters otherwise.
 */
class FlatConfigurationTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static SchedulerBuilder<BackgroundScheduler> configure(Map<String, ?> properties) {
    return BackgroundScheduler.builder().properties(properties);
  }

  private static JobDefaults jobDefaults(String key, Object value) {
    return configure(Map.of(key, value)).configuration().jobDefaults();
  }

  /** Starts the executor, runs one task on it, shuts it down, and returns the thread's name. */
  private static String threadNameOf(JobExecutor executor, String alias) throws Exception {
    executor.start(alias);
    try {
      AtomicReference<String> name = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(1);
      executor.execute(
          () -> {
            name.set(Thread.currentThread().getName());
            done.countDown();
          });
      assertThat(done.await(10, TimeUnit.SECONDS)).as("ran within the failure guard").isTrue();
      return name.get();
    } finally {
      executor.shutdown(true, Duration.ofSeconds(30));
    }
  }

  // ------------------------------------------------------------------ timezone

  @Test
  void timezoneBecomesTheSchedulersDefaultTimeZone() {
    Scheduler scheduler = configure(Map.of("scheduler.timezone", "Europe/Berlin")).build();

    assertThat(scheduler.timezone()).isEqualTo(BERLIN);
  }

  @Test
  void timezoneAlsoTakesAZoneIdObject() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");

    assertThat(configure(Map.of("scheduler.timezone", tokyo)).build().timezone()).isEqualTo(tokyo);
  }

  @Test
  void anUnknownTimezoneIsRejectedNamingKeyAndValue() {
    assertThatThrownBy(() -> configure(Map.of("scheduler.timezone", "Mars/Olympus_Mons")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scheduler.timezone must be an IANA time zone id such as Europe/Berlin, but was"
                + " 'Mars/Olympus_Mons'");
  }

  // ------------------------------------------------------------------ job defaults

  @ParameterizedTest
  @CsvSource({
    "true, LATEST",
    "false, ALL",
    "earliest, EARLIEST",
    "latest, LATEST",
    "all, ALL",
    "LATEST, LATEST",
    "' All ', ALL"
  })
  void coalesceTakesBooleansAndPolicyNames(String value, CoalescePolicy expected) {
    assertThat(jobDefaults("scheduler.job-defaults.coalesce", value).coalesce())
        .isEqualTo(expected);
  }

  @Test
  void coalesceTakesABooleanObject() {
    assertThat(jobDefaults("scheduler.job-defaults.coalesce", Boolean.FALSE).coalesce())
        .isEqualTo(CoalescePolicy.ALL);
  }

  @Test
  void maxInstancesTakesTextOrANumber() {
    assertThat(jobDefaults("scheduler.job-defaults.max-instances", "3").maxInstances())
        .isEqualTo(3);
    assertThat(jobDefaults("scheduler.job-defaults.max-instances", 4L).maxInstances()).isEqualTo(4);
  }

  static Stream<Arguments> graceTimes() {
    return Stream.of(
        Arguments.of("30s", Optional.of(Duration.ofSeconds(30))),
        Arguments.of("1", Optional.of(Duration.ofSeconds(1))),
        Arguments.of("PT1M", Optional.of(Duration.ofMinutes(1))),
        Arguments.of("500ms", Optional.of(Duration.ofMillis(500))),
        Arguments.of(45, Optional.of(Duration.ofSeconds(45))),
        Arguments.of(Duration.ofHours(2), Optional.of(Duration.ofHours(2))),
        Arguments.of("none", Optional.empty()),
        Arguments.of("None", Optional.empty()),
        Arguments.of("unlimited", Optional.empty()),
        Arguments.of("null", Optional.empty()),
        Arguments.of("", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("graceTimes")
  void misfireGraceTimeTakesDurationsOrNone(Object value, Optional<Duration> expected) {
    assertThat(jobDefaults("scheduler.job-defaults.misfire-grace-time", value).misfireGraceTime())
        .isEqualTo(expected);
  }

  @Test
  void jobDefaultsChangeOnlyTheOptionsGivenAndKeepTheBuildersOthers() {
    SchedulerBuilder<BackgroundScheduler> builder =
        BackgroundScheduler.builder()
            .jobDefaults(JobDefaults.builder().maxInstances(4).misfireGraceTime(null).build());

    builder.properties(Map.of("scheduler.job-defaults.coalesce", "earliest"));

    assertThat(builder.configuration().jobDefaults())
        .isEqualTo(
            JobDefaults.builder()
                .maxInstances(4)
                .misfireGraceTime(null)
                .coalesce(CoalescePolicy.EARLIEST)
                .build());
  }

  static Stream<Map<String, Object>> spellings() {
    return Stream.of(
        Map.of(
            "scheduler.job-defaults.coalesce", "all",
            "scheduler.job-defaults.max-instances", "3",
            "scheduler.job-defaults.misfire-grace-time", "30s",
            "scheduler.shutdown-timeout", "5s",
            "scheduler.jobstore-retry-interval", "2s",
            "scheduler.thread-name-prefix", "jobs-"),
        Map.of(
            "scheduler.job_defaults.coalesce", "all",
            "scheduler.job_defaults.max_instances", "3",
            "scheduler.job_defaults.misfire_grace_time", "30s",
            "scheduler.shutdown_timeout", "5s",
            "scheduler.jobstore_retry_interval", "2s",
            "scheduler.thread_name_prefix", "jobs-"),
        Map.of(
            "scheduler.jobDefaults.coalesce", "all",
            "scheduler.jobDefaults.maxInstances", "3",
            "scheduler.jobDefaults.misfireGraceTime", "30s",
            "scheduler.shutdownTimeout", "5s",
            "scheduler.jobstoreRetryInterval", "2s",
            "scheduler.threadNamePrefix", "jobs-"));
  }

  @ParameterizedTest
  @MethodSource("spellings")
  void keysMayBeKebabSnakeOrCamelCase(Map<String, Object> properties) {
    SchedulerBuilder<BackgroundScheduler> builder = configure(properties);

    assertThat(builder.configuration().jobDefaults())
        .isEqualTo(
            JobDefaults.builder()
                .coalesce(CoalescePolicy.ALL)
                .maxInstances(3)
                .misfireGraceTime(Duration.ofSeconds(30))
                .build());
    assertThat(builder.configuration().shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(builder.configuration().jobStoreRetryInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(builder.configuration().threadNamePrefix()).isEqualTo("jobs-");
  }

  @Test
  void daemonTakesTrueOrFalse() {
    assertThat(configure(Map.of("scheduler.daemon", "false")).configuration().daemon()).isFalse();
    assertThat(configure(Map.of("scheduler.daemon", Boolean.TRUE)).configuration().daemon())
        .isTrue();
    assertThatThrownBy(() -> configure(Map.of("scheduler.daemon", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scheduler.daemon must be true or false, but was 'yes'");
  }

  // ------------------------------------------------------------------ what is read at all

  @Test
  void keysWithoutTheSchedulerPrefixAreIgnored() {
    Map<String, Object> properties = new HashMap<>();
    properties.put("timezone", "Asia/Tokyo");
    properties.put("spring.scheduler.timezone", "Asia/Tokyo");
    properties.put("schedulers.timezone", "Asia/Tokyo");
    properties.put("scheduler", "anything");
    properties.put("job-defaults.max-instances", "0");
    properties.put("scheduler.timezone", "Europe/Berlin");

    SchedulerBuilder<BackgroundScheduler> builder = configure(properties);

    assertThat(builder.build().timezone()).isEqualTo(BERLIN);
    assertThat(builder.configuration().jobDefaults()).isEqualTo(JobDefaults.ofDefaults());
  }

  @Test
  void nullValuesAreIgnored() {
    Map<String, @Nullable Object> properties = new HashMap<>();
    properties.put("scheduler.job-defaults.max-instances", null);
    properties.put("scheduler.no-such-key", null);

    assertThat(configure(properties).configuration().jobDefaults())
        .isEqualTo(JobDefaults.ofDefaults());
  }

  @Test
  void anEmptyMapChangesNothing() {
    SchedulerBuilder<BackgroundScheduler> builder = configure(Map.of());

    assertThat(builder.configuration().jobDefaults()).isEqualTo(JobDefaults.ofDefaults());
    assertThat(builder.configuration().executors()).isEmpty();
    assertThat(builder.configuration().jobStores()).isEmpty();
    assertThat(builder.configuration().shutdownTimeout())
        .isEqualTo(SchedulerBuilder.DEFAULT_SHUTDOWN_TIMEOUT);
  }

  @Test
  void nullPropertiesAreRejected() {
    assertThatThrownBy(() -> BackgroundScheduler.builder().properties(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("properties must not be null");
  }

  @Test
  void anUnknownKeyIsRejectedWithADidYouMeanHint() {
    assertThatThrownBy(() -> configure(Map.of("scheduler.timezon", "UTC")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "unknown scheduler property 'scheduler.timezon'; did you mean 'timezone'? (known:");
    assertThatThrownBy(() -> configure(Map.of("scheduler.job-defaults.max-instance", "2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "unknown scheduler property 'scheduler.job-defaults.max-instance'; did you mean"
                + " 'job_defaults.max_instances'?");
  }

  @Test
  void anUnknownKeyFarFromEveryKnownOneListsTheKnownKeys() {
    assertThatThrownBy(() -> configure(Map.of("scheduler.colour", "blue")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown scheduler property 'scheduler.colour' (known: timezone,")
        .hasMessageContaining("job_defaults.misfire_grace_time")
        .hasMessageNotContaining("did you mean");
  }

  // ------------------------------------------------------------------ bad values

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("scheduler.job-defaults.coalesce", "sometimes"),
        Arguments.of("scheduler.job-defaults.max-instances", "many"),
        Arguments.of("scheduler.job-defaults.max-instances", "2.5"),
        Arguments.of("scheduler.job-defaults.max-instances", 2.5),
        Arguments.of("scheduler.job-defaults.max-instances", 10_000_000_000L),
        Arguments.of("scheduler.job-defaults.max-instances", "0"),
        Arguments.of("scheduler.job-defaults.max-instances", -1),
        Arguments.of("scheduler.job-defaults.misfire-grace-time", "soon"),
        Arguments.of("scheduler.job-defaults.misfire-grace-time", "0"),
        Arguments.of("scheduler.job-defaults.misfire-grace-time", "-5s"),
        Arguments.of("scheduler.job-defaults.misfire-grace-time", "-5"),
        Arguments.of("scheduler.shutdown-timeout", "0s"),
        Arguments.of("scheduler.shutdown-timeout", "forever"),
        Arguments.of("scheduler.jobstore-retry-interval", "-1"),
        Arguments.of("scheduler.executors.pool.max-workers", "0"),
        Arguments.of("scheduler.executors.pool.max-workers", "-4"),
        Arguments.of("scheduler.executors.pool.max-workers", "ten"),
        Arguments.of("scheduler.executors.pool.type", "fork-join"),
        Arguments.of("scheduler.jobstores.main.type", "redis"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badValues")
  void aBadValueIsRejectedNamingTheKeyAndTheValue(String key, Object value) {
    assertThatThrownBy(() -> configure(Map.of(key, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key)
        .hasMessageContaining("'" + value + "'");
  }

  // ------------------------------------------------------------------ executors

  @Test
  void aThreadPoolExecutorGetsItsWorkerCountAndThreadNames() throws Exception {
    SchedulerBuilder<BackgroundScheduler> builder =
        configure(
            Map.of(
                "scheduler.executors.pool.type", "thread-pool",
                "scheduler.executors.pool.max-workers", "3"));

    JobExecutor pool = builder.configuration().executors().get("pool");

    assertThat(builder.configuration().executors()).containsOnlyKeys("pool");
    assertThat(pool).hasToString("threadPool(3)");
    assertThat(threadNameOf(pool, "pool")).isEqualTo("scheduler-pool-1");
  }

  @Test
  void anExecutorWithoutATypeIsAThreadPoolOfTenWorkers() throws Exception {
    JobExecutor executor =
        configure(Map.of("scheduler.executors.mail.thread-name-prefix", "mail-"))
            .configuration()
            .executors()
            .get("mail");

    assertThat(executor).hasToString("threadPool(" + JobExecutors.DEFAULT_MAX_WORKERS + ")");
    assertThat(threadNameOf(executor, "mail")).isEqualTo("mail-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread-pool", "thread_pool", "threadPool", "ThreadPool", "threadpool"})
  void theThreadPoolTypeMayBeSpelledInEveryCase(String type) {
    assertThat(
            configure(Map.of("scheduler.executors.p.type", type))
                .configuration()
                .executors()
                .get("p"))
        .hasToString("threadPool(10)");
  }

  @Test
  void aDirectExecutorRunsOnTheCallersThread() {
    JobExecutor direct =
        configure(Map.of("scheduler.executors.inline.type", "direct"))
            .configuration()
            .executors()
            .get("inline");
    AtomicReference<Thread> ranOn = new AtomicReference<>();

    direct.execute(() -> ranOn.set(Thread.currentThread()));

    assertThat(ranOn.get()).isSameAs(Thread.currentThread());
  }

  @Test
  void executorAliasesKeepTheirSpellingAndOptionKeysAreNormalised() {
    SchedulerBuilder<BackgroundScheduler> builder =
        configure(
            Map.of(
                "scheduler.executors.mailPool.type", "thread-pool",
                "scheduler.executors.mailPool.maxWorkers", 2,
                "scheduler.executors.bulk_pool.max_workers", 5));

    assertThat(builder.configuration().executors()).containsOnlyKeys("mailPool", "bulk_pool");
    assertThat(builder.configuration().executors().get("mailPool")).hasToString("threadPool(2)");
    assertThat(builder.configuration().executors().get("bulk_pool")).hasToString("threadPool(5)");
  }

  @Test
  void anUnknownExecutorTypeIsRejectedListingTheAllowedOnes() {
    assertThatThrownBy(() -> configure(Map.of("scheduler.executors.pool.type", "fork-join")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scheduler.executors.pool.type must be one of thread-pool, virtual-threads, direct,"
                + " but was 'fork-join'");
  }

  @Test
  void anUnknownExecutorOptionIsAnUnknownKey() {
    assertThatThrownBy(() -> configure(Map.of("scheduler.executors.pool.workers", 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown scheduler property 'scheduler.executors.pool.workers'");
  }

  @Test
  void virtualThreadExecutorsNeedJava21() {
    assumeTrue(Runtime.version().feature() < 21, "runs on Java 17 to 20");

    assertThatThrownBy(() -> configure(Map.of("scheduler.executors.vt.type", "virtual-threads")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Java 21");
  }

  @Test
  void virtualThreadExecutorsGetTheirLimit() {
    assumeTrue(Runtime.version().feature() >= 21, "runs on Java 21 or later");

    SchedulerBuilder<BackgroundScheduler> builder =
        configure(
            Map.of(
                "scheduler.executors.vt.type", "virtual-threads",
                "scheduler.executors.limited.type", "virtualThreads",
                "scheduler.executors.limited.max-workers", "4"));

    assertThat(builder.configuration().executors().get("vt")).hasToString("virtualThreads()");
    assertThat(builder.configuration().executors().get("limited")).hasToString("virtualThreads(4)");
  }

  @Test
  void anUnlimitedVirtualThreadExecutorUsesTheGivenThreadNamePrefix() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "runs on Java 21 or later");
    JobExecutor executor =
        configure(
                Map.of(
                    "scheduler.executors.vt.type", "virtual-threads",
                    "scheduler.executors.vt.thread-name-prefix", "loom-"))
            .configuration()
            .executors()
            .get("vt");

    assertThat(threadNameOf(executor, "vt")).startsWith("loom-");
  }

  @Test
  void anExecutorAliasAlreadyOnTheBuilderIsRejected() {
    SchedulerBuilder<BackgroundScheduler> builder =
        BackgroundScheduler.builder().executor("default", JobExecutors.direct());

    assertThatThrownBy(
            () -> builder.properties(Map.of("scheduler.executors.default.type", "thread-pool")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("executor alias 'default' is already in use");
  }

  // ------------------------------------------------------------------ job stores

  @Test
  void aMemoryJobStoreIsAddedUnderItsAlias() {
    SchedulerBuilder<BackgroundScheduler> builder =
        configure(Map.of("scheduler.jobstores.main.type", "memory"));

    assertThat(builder.configuration().jobStores()).containsOnlyKeys("main");
    assertThat(builder.configuration().jobStores().get("main")).isInstanceOf(MemoryJobStore.class);
  }

  @Test
  void anUnknownJobStoreTypeIsRejectedListingTheAllowedOnes() {
    assertThatThrownBy(() -> configure(Map.of("scheduler.jobstores.main.type", "sqlalchemy")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scheduler.jobstores.main.type must be one of memory, but was 'sqlalchemy'");
  }

  @Test
  void anUnknownJobStoreOptionIsAnUnknownKey() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("scheduler.jobstores.main.type", "memory");
    properties.put("scheduler.jobstores.main.url", "jdbc:h2:mem:");

    assertThatThrownBy(() -> configure(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown scheduler property 'scheduler.jobstores.main.url'");
  }

  @Test
  void storesAndExecutorsFromPropertiesDriveAStartedScheduler() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("scheduler.timezone", "Europe/Berlin");
    properties.put("scheduler.jobstores.default.type", "memory");
    properties.put("scheduler.executors.default.type", "direct");
    BackgroundScheduler scheduler = configure(properties).build();

    scheduler.start(true);
    try {
      assertThat(scheduler.state()).isEqualTo(SchedulerState.PAUSED);
      assertThat(scheduler.timezone()).isEqualTo(BERLIN);
      assertThat(scheduler.getJobs("default")).isEmpty();
    } finally {
      scheduler.shutdown(true);
    }
  }
}

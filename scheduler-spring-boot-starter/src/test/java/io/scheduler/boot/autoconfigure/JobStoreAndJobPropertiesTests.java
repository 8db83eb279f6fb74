package io.scheduler.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.Scheduler;
import io.scheduler.boot.TestJobs;
import io.scheduler.boot.TestJobs.StaticTasks;
import io.scheduler.job.Job;
import io.scheduler.store.jdbc.JdbcJobStore;
import io.scheduler.testing.MutableClock;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Triggers;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.convert.TypeDescriptor;

/**
 * The nested per-type store keys ({@code jobstores.<alias>.jdbc.*}, {@code .redis.*}), the
 * deprecated flat ones, and trigger options of declared jobs in the one duration grammar.
 */
@ExtendWith(OutputCaptureExtension.class)
class JobStoreAndJobPropertiesTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(SchedulerAutoConfiguration.class))
          .withBean(MutableClock.class, TestJobs::clock)
          .withPropertyValues(
              "scheduler.jobs.ping.task=" + StaticTasks.class.getName() + "::ping",
              "scheduler.jobs.ping.args=props",
              "scheduler.jobs.ping.interval=10m");

  private static DataSource h2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  private static boolean tableExists(DataSource dataSource, String table) throws SQLException {
    try (var connection = dataSource.getConnection();
        var tables = connection.getMetaData().getTables(null, null, table.toUpperCase(), null)) {
      return tables.next();
    }
  }

  @ParameterizedTest(name = "jitter={0}")
  @ValueSource(strings = {"30s", "PT30S", "30"})
  void jitterInTriggerOptionsTakesTheDurationGrammar(String jitter) {
    runner
        .withPropertyValues("scheduler.jobs.ping.trigger-options.jitter=" + jitter)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              Scheduler scheduler = context.getBean(Scheduler.class);
              Job ping = scheduler.getJob("ping").orElseThrow();
              // anchored when stored (issue 14): the same trigger with that start date
              ZonedDateTime anchor = ((IntervalTrigger) ping.trigger()).startDate();
              assertThat(ping.trigger())
                  .isEqualTo(
                      Triggers.create(
                          "interval",
                          Map.of("seconds", 600, "jitter", 30, "start_date", anchor),
                          scheduler.timezone()));
            });
  }

  @Test
  void durationPropertiesReadTheCoreGrammarLikeTheAnnotation() {
    runner
        .withPropertyValues(
            "scheduler.jobs.ping.interval=1.5h",
            "scheduler.jobs.ping.misfire-grace-time=0.5",
            "scheduler.startup-delay=+2s",
            "scheduler.shutdown.timeout=PT1M",
            "scheduler.job-defaults.misfire-grace-time=-1s")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              SchedulerProperties properties = context.getBean(SchedulerProperties.class);
              assertThat(properties.getJobs().get("ping").getInterval())
                  .isEqualTo(Duration.ofMinutes(90));
              assertThat(properties.getJobs().get("ping").getMisfireGraceTime())
                  .isEqualTo(Duration.ofMillis(500));
              assertThat(properties.getStartupDelay()).isEqualTo(Duration.ofSeconds(2));
              assertThat(properties.getShutdown().getTimeout()).isEqualTo(Duration.ofMinutes(1));
              assertThat(properties.getJobDefaults().getMisfireGraceTime())
                  .isEqualTo(Duration.ofSeconds(-1));
            });
  }

  @Test
  void otherDurationPropertiesOfTheApplicationKeepBootsConversion() throws Exception {
    SchedulerDurationConverter converter = new SchedulerDurationConverter();
    TypeDescriptor text = TypeDescriptor.valueOf(String.class);

    assertThat(converter.matches(text, TypeDescriptor.valueOf(Duration.class))).isFalse();
    assertThat(
            converter.matches(
                text, new TypeDescriptor(JobProperties.class.getDeclaredField("interval"))))
        .isTrue();
  }

  @Test
  void aBadJitterNamesTheTriggerOptionKeyAndTheValue() {
    runner
        .withPropertyValues("scheduler.jobs.ping.trigger-options.jitter=soon")
        .run(
            context -> {
              InvalidSchedulerPropertyException failure =
                  propertyFailure(context.getStartupFailure());
              assertThat(failure.key()).isEqualTo("scheduler.jobs.ping.trigger-options.jitter");
              assertThat(failure.value()).isEqualTo("soon");
              assertThat(failure).hasMessageContaining("but was 'soon'");
            });
  }

  private static InvalidSchedulerPropertyException propertyFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidSchedulerPropertyException property) {
        return property;
      }
    }
    throw new AssertionError("no InvalidSchedulerPropertyException in " + failure);
  }

  @Test
  void nestedJdbcKeysConfigureTheJdbcStore() {
    DataSource dataSource = h2();
    runner
        .withBean(DataSource.class, () -> dataSource)
        .withPropertyValues(
            "scheduler.jobstores.default.type=jdbc",
            "scheduler.jobstores.default.jdbc.table-prefix=nested_",
            "scheduler.jobstores.default.jdbc.initialize-schema=always")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(Scheduler.class).jobStores().get("default"))
                  .isInstanceOf(JdbcJobStore.class);
              assertThat(tableExists(dataSource, "nested_jobs")).isTrue();
            });
  }

  @Test
  void nestedJdbcInitializeSchemaOverridesTheGlobalOne() {
    DataSource dataSource = h2();
    runner
        .withBean(DataSource.class, () -> dataSource)
        .withPropertyValues(
            "scheduler.jdbc.initialize-schema=always",
            "scheduler.jobstores.default.type=jdbc",
            "scheduler.jobstores.default.jdbc.initialize-schema=never")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(tableExists(dataSource, "scheduler_jobs")).isFalse();
            });
  }

  @Test
  void deprecatedFlatKeysStillWorkAndWarnNamingTheNewKey(CapturedOutput output) {
    DataSource dataSource = h2();
    runner
        .withBean(DataSource.class, () -> dataSource)
        .withPropertyValues(
            "scheduler.jobstores.default.type=jdbc",
            "scheduler.jobstores.default.table-prefix=old_",
            "scheduler.jobstores.default.initialize-schema=always")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(tableExists(dataSource, "old_jobs")).isTrue();
            });
    assertThat(output)
        .contains(
            "Property scheduler.jobstores.default.table-prefix is deprecated; use"
                + " scheduler.jobstores.default.jdbc.table-prefix instead",
            "Property scheduler.jobstores.default.initialize-schema is deprecated; use"
                + " scheduler.jobstores.default.jdbc.initialize-schema instead");
  }

  @Test
  void aDeprecatedKeyTogetherWithItsNestedKeyIsRefused() {
    runner
        .withBean(DataSource.class, JobStoreAndJobPropertiesTests::h2)
        .withPropertyValues(
            "scheduler.jobstores.default.type=jdbc",
            "scheduler.jobstores.default.table-prefix=old_",
            "scheduler.jobstores.default.jdbc.table-prefix=new_")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "scheduler.jobstores.default.table-prefix is deprecated and clashes with"
                            + " scheduler.jobstores.default.jdbc.table-prefix; remove"
                            + " scheduler.jobstores.default.table-prefix"));
  }

  @Test
  void aNestedKeyOfAnotherStoreTypeIsRefusedNamingIt() {
    runner
        .withPropertyValues("scheduler.jobstores.default.redis.key-prefix=app:")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "scheduler.jobstores.default.redis.key-prefix does not apply to a job"
                            + " store of type 'memory', but was 'app:'"));
    runner
        .withPropertyValues(
            "scheduler.jobstores.cache.type=redis",
            "scheduler.jobstores.cache.jdbc.table-prefix=app_")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(
                        "scheduler.jobstores.cache.jdbc.table-prefix does not apply to a job"
                            + " store of type 'redis'"));
  }

  @Test
  void theFlatKeysAreMarkedDeprecatedWithTheirReplacement() throws Exception {
    Map<String, String> replacements =
        Map.of(
            "getTablePrefix", "scheduler.jobstores.<alias>.jdbc.table-prefix",
            "getInitializeSchema", "scheduler.jobstores.<alias>.jdbc.initialize-schema",
            "getKeyPrefix", "scheduler.jobstores.<alias>.redis.key-prefix");
    for (Map.Entry<String, String> getter : replacements.entrySet()) {
      DeprecatedConfigurationProperty deprecation =
          JobStoreProperties.class
              .getMethod(getter.getKey())
              .getAnnotation(DeprecatedConfigurationProperty.class);
      assertThat(deprecation).as(getter.getKey()).isNotNull();
      assertThat(deprecation.replacement()).isEqualTo(getter.getValue());
    }
  }
}

package io.scheduler.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.Scheduler;
import io.scheduler.boot.TestJobs;
import io.scheduler.boot.TestJobs.StaticTasks;
import io.scheduler.testing.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Keys under {@code scheduler.} that no property reads stop the startup with a did-you-mean; every
 * relaxed spelling of a known key, free map keys and free-form values pass.
 */
class UnknownSchedulerPropertiesTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(SchedulerAutoConfiguration.class))
          .withBean(MutableClock.class, TestJobs::clock);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "scheduler.timezon=UTC | scheduler.timezon | did you mean scheduler.timezone?",
        "scheduler.jobstores.db.jdbc.tabel-prefix=app_ | scheduler.jobstores.db.jdbc.tabel-prefix"
            + " | did you mean scheduler.jobstores.db.jdbc.table-prefix?",
        "scheduler.jobs.report.taks=x | scheduler.jobs.report.taks"
            + " | did you mean scheduler.jobs.report.task?",
        "scheduler.executors.bulk.max-worker=4 | scheduler.executors.bulk.max-worker"
            + " | did you mean scheduler.executors.bulk.max-workers?",
        "scheduler.shutdown.wiat=false | scheduler.shutdown.wiat"
            + " | did you mean scheduler.shutdown.wait?",
        "scheduler.timezone.id=UTC | scheduler.timezone.id | scheduler.timezone takes no sub-keys",
        "scheduler.colour=red | scheduler.colour | scheduler takes: "
      })
  void anUnknownKeyFailsTheStartupNamingItAndTheKeyMeant(
      String property, String key, String problem) {
    runner
        .withPropertyValues(property)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(InvalidSchedulerPropertyException.class)
                  .hasMessageStartingWith(key + " is not a scheduler property; " + problem);
              FailureAnalysis analysis =
                  new SchedulerFailureAnalyzer(null).analyze(context.getStartupFailure());
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription()).contains("Property: " + key);
              assertThat(analysis.getAction()).contains(problem);
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "scheduler.job-defaults.max-instances",
        "scheduler.jobDefaults.maxInstances",
        "scheduler.job_defaults.max_instances"
      })
  void relaxedSpellingsOfAKnownKeyPass(String key) {
    runner
        .withPropertyValues(key + "=3")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(
                      context.getBean(SchedulerProperties.class).getJobDefaults().getMaxInstances())
                  .isEqualTo(3);
            });
  }

  @Test
  void environmentVariablesPassAndAreNotChecked() {
    runner
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new SystemEnvironmentPropertySource(
                            "test-systemEnvironment",
                            Map.of(
                                "SCHEDULER_JOBDEFAULTS_MAXINSTANCES", "4",
                                "SCHEDULER_TEST_POSTGRES_URL", "jdbc:postgresql://db/test"))))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(
                      context.getBean(SchedulerProperties.class).getJobDefaults().getMaxInstances())
                  .isEqualTo(4);
            });
  }

  @Test
  void freeMapKeysAndFreeFormValuesPass() {
    runner
        .withPropertyValues(
            "scheduler.jobstores.archive.type=memory",
            "scheduler.executors.bulk.max-workers=2",
            "scheduler.metrics.job-tag=true",
            "scheduler.jobs.my-report.task=" + StaticTasks.class.getName() + "::fromContext",
            "scheduler.jobs.my-report.args[0]=free",
            "scheduler.jobs.my-report.trigger=cron",
            "scheduler.jobs.my-report.trigger-options.hour=5",
            "scheduler.jobs.my-report.trigger-options.minute=30",
            "scheduler.jobs.my-report.kwargs.anything-at-all=1")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(Scheduler.class).getJob("my-report")).isPresent();
            });
  }
}

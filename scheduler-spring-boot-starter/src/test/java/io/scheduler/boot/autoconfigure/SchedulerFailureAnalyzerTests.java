package io.scheduler.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.boot.TestJobs;
import io.scheduler.boot.TestJobs.Recorder;
import io.scheduler.boot.annotation.ScheduledJob;
import io.scheduler.testing.MutableClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** Bad scheduler settings fail startup with an analysis naming key, value and what is allowed. */
class SchedulerFailureAnalyzerTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(SchedulerAutoConfiguration.class))
          .withBean(MutableClock.class, TestJobs::clock)
          .withBean("recorder", Recorder.class, Recorder::new);

  @Test
  void isRegisteredInSpringFactories() {
    List<FailureAnalyzer> analyzers =
        SpringFactoriesLoader.forDefaultResourceLocation()
            .load(
                FailureAnalyzer.class,
                SpringFactoriesLoader.ArgumentResolver.of(
                        Environment.class, new StandardEnvironment())
                    .and(BeanFactory.class, new DefaultListableBeanFactory()),
                // other modules' analyzers may need classes this test does not have
                SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {}));
    assertThat(analyzers).hasAtLeastOneElementOfType(SchedulerFailureAnalyzer.class);
  }

  @Test
  void badTimezone() {
    FailureAnalysis analysis = analyze("scheduler.timezone=Mars/Olympus");
    assertThat(analysis.getDescription())
        .contains("Property: scheduler.timezone", "Value: \"Mars/Olympus\"");
    assertThat(analysis.getAction())
        .contains("'scheduler.timezone' must be an IANA time zone id such as 'Europe/Berlin'");
  }

  @Test
  void unknownStoreType() {
    FailureAnalysis analysis = analyze("scheduler.jobstores.default.type=mongo");
    assertThat(analysis.getDescription())
        .contains("Property: scheduler.jobstores.default.type", "Value: \"mongo\"");
    assertThat(analysis.getAction()).contains("must be one of memory, jdbc, redis");
  }

  @Test
  void unknownExecutorType() {
    FailureAnalysis analysis = analyze("scheduler.executors.default.type=process-pool");
    assertThat(analysis.getDescription())
        .contains("Property: scheduler.executors.default.type", "Value: \"process-pool\"");
    assertThat(analysis.getAction())
        .contains("must be one of thread-pool, virtual-threads, direct");
  }

  @Test
  void nonPositiveMaxWorkers() {
    FailureAnalysis analysis = analyze("scheduler.executors.default.max-workers=0");
    assertThat(analysis.getDescription())
        .contains(
            "Property: scheduler.executors.default.max-workers",
            "Value: \"0\"",
            "Origin: \"scheduler.executors.default.max-workers\" from property source");
    assertThat(analysis.getAction())
        .isEqualTo(
            "Update your application's configuration: 'scheduler.executors.default.max-workers'"
                + " must be a positive integer.");
  }

  @Test
  @EnabledForJreRange(max = JRE.JAVA_20)
  void virtualThreadsBeforeJava21() {
    FailureAnalysis analysis = analyze("scheduler.executors.default.type=virtual-threads");
    assertThat(analysis.getDescription())
        .contains("Property: scheduler.executors.default.type", "which this JVM cannot run");
    assertThat(analysis.getAction()).contains("thread-pool or direct on this Java version");
  }

  @Test
  void nonPositiveDefaultsAndTimeouts() {
    assertThat(analyze("scheduler.job-defaults.max-instances=0").getAction())
        .contains("'scheduler.job-defaults.max-instances' must be a positive integer");
    assertThat(analyze("scheduler.job-defaults.misfire-grace-time=0").getAction())
        .contains("or a negative one (-1) for no limit");
    assertThat(analyze("scheduler.shutdown.timeout=0").getAction())
        .contains("'scheduler.shutdown.timeout' must be a positive duration");
    assertThat(analyze("scheduler.job-defaults.coalesce=sometimes").getAction())
        .contains("must be one of true, false, earliest, latest, all");
    assertThat(analyze("scheduler.startup-delay=soon").getAction())
        .contains("must be a duration such as 30s");
  }

  @Test
  void optionsThatDoNotFitTheStoreType() {
    FailureAnalysis analysis = analyze("scheduler.jobstores.default.key-prefix=app:");
    assertThat(analysis.getDescription())
        .contains(
            "scheduler.jobstores.default.key-prefix does not apply to a job store of type"
                + " 'memory'");
  }

  @Test
  void aPersistentStoreWithoutItsConnection() {
    FailureAnalysis jdbc = analyze("scheduler.jobstores.default.type=jdbc");
    assertThat(jdbc.getDescription())
        .contains(
            "Property: scheduler.jobstores.default.type",
            "Value: \"jdbc\"",
            "no single DataSource bean");
    FailureAnalysis redis = analyze("scheduler.jobstores.shared.type=redis");
    assertThat(redis.getDescription()).contains("scheduler.jobstores.shared.type");
  }

  @Test
  void badTriggerOptionOfADeclaredJob() {
    FailureAnalysis analysis =
        analyze(
            "scheduler.jobs.report.task=bean:recorder#run",
            "scheduler.jobs.report.trigger=cron",
            "scheduler.jobs.report.trigger-options.hour=24");
    assertThat(analysis.getDescription())
        .contains("Property: scheduler.jobs.report.trigger-options.hour", "Value: \"24\"")
        .contains("out of range 0-23");
  }

  @Test
  void unknownTriggerOptionOfADeclaredJob() {
    FailureAnalysis analysis =
        analyze(
            "scheduler.jobs.report.task=bean:recorder#run",
            "scheduler.jobs.report.trigger=interval",
            "scheduler.jobs.report.trigger-options.minuets=5");
    assertThat(analysis.getDescription())
        .contains("Property: scheduler.jobs.report.trigger-options.minuets")
        .contains("unknown interval trigger option 'minuets'");
  }

  @Test
  void badCronOfADeclaredJob() {
    FailureAnalysis analysis =
        analyze("scheduler.jobs.report.task=bean:recorder#run", "scheduler.jobs.report.cron=x");
    assertThat(analysis.getDescription()).contains("Property: scheduler.jobs.report.cron");
  }

  @Test
  void declaredJobWithTwoTriggersOrNone() {
    assertThat(
            analyze(
                    "scheduler.jobs.report.task=bean:recorder#run",
                    "scheduler.jobs.report.cron=@daily",
                    "scheduler.jobs.report.interval=10s")
                .getDescription())
        .contains("must set exactly one of cron, interval or trigger, but sets cron and interval");
    assertThat(analyze("scheduler.jobs.report.task=bean:recorder#run").getDescription())
        .contains("but sets none");
  }

  @Test
  void declaredJobWithoutOrWithABadTask() {
    assertThat(analyze("scheduler.jobs.report.interval=10s").getDescription())
        .contains("Property: scheduler.jobs.report.task", "Value: \"null\"");
    assertThat(
            analyze("scheduler.jobs.report.task=report", "scheduler.jobs.report.interval=10s")
                .getDescription())
        .contains("Property: scheduler.jobs.report.task", "Value: \"report\"");
    assertThat(
            analyze(
                    "scheduler.jobs.report.task=bean:nobody#run",
                    "scheduler.jobs.report.interval=10s")
                .getDescription())
        .contains("scheduler.jobs.report cannot be added", "there is no bean named 'nobody'");
  }

  @Test
  void invalidScheduledJobMethod() {
    runner
        .withBean("broken", Broken.class, Broken::new)
        .run(
            context -> {
              assertThat(context).hasFailed();
              FailureAnalysis analysis =
                  new SchedulerFailureAnalyzer(null).analyze(context.getStartupFailure());
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .startsWith("Encountered invalid @ScheduledJob method 'twice' of bean 'broken'")
                  .contains("exactly one trigger");
              assertThat(analysis.getAction()).contains("method 'twice' of bean 'broken'");
            });
  }

  @Test
  void aDeclaredJobNamingAnUnknownExecutorOrStoreNamesItsKey() {
    FailureAnalysis executor =
        analyze(
            "scheduler.jobs.report.task=" + TestJobs.StaticTasks.class.getName() + "::ping",
            "scheduler.jobs.report.args=x",
            "scheduler.jobs.report.interval=10s",
            "scheduler.jobs.report.executor=reports");
    assertThat(executor.getDescription())
        .contains(
            "Property: scheduler.jobs.report.executor",
            "Value: \"reports\"",
            "job 'report' names executor 'reports', which is not configured (configured:"
                + " [default])");
    assertThat(executor.getAction())
        .contains("'scheduler.jobs.report.executor' must be the alias of a configured executor")
        .contains("scheduler.executors.reports");

    FailureAnalysis store =
        analyze(
            "scheduler.jobs.report.task=" + TestJobs.StaticTasks.class.getName() + "::ping",
            "scheduler.jobs.report.args=x",
            "scheduler.jobs.report.interval=10s",
            "scheduler.jobs.report.jobstore=archive");
    assertThat(store.getDescription())
        .contains("Property: scheduler.jobs.report.jobstore", "Value: \"archive\"");
    assertThat(store.getAction()).contains("scheduler.jobstores.archive");
  }

  @Test
  void anAnnotatedJobNamingAnUnknownExecutorNamesTheAttribute() {
    runner
        .withBean("exporter", UnknownExecutor.class, UnknownExecutor::new)
        .run(
            context -> {
              assertThat(context).hasFailed();
              FailureAnalysis analysis =
                  new SchedulerFailureAnalyzer(null).analyze(context.getStartupFailure());
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .contains("Job 'exporter.export' names executor 'bulk', which is not configured")
                  .contains("@ScheduledJob method (attribute 'executor')");
              assertThat(analysis.getAction())
                  .contains("Correct the @ScheduledJob attribute 'executor'")
                  .contains("scheduler.executors.bulk");
            });
  }

  @Test
  void ignoresFailuresOfOtherKeys() {
    assertThat(new SchedulerFailureAnalyzer(null).analyze(new IllegalStateException("x"))).isNull();
  }

  private FailureAnalysis analyze(String... properties) {
    FailureAnalysis[] result = new FailureAnalysis[1];
    Map<String, Object> values = new LinkedHashMap<>();
    for (String property : properties) {
      values.put(
          property.substring(0, property.indexOf('=')),
          property.substring(property.indexOf('=') + 1));
    }
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", values));
    runner
        .withPropertyValues(properties)
        .run(
            context -> {
              assertThat(context).hasFailed();
              result[0] =
                  new SchedulerFailureAnalyzer(environment).analyze(context.getStartupFailure());
            });
    assertThat(result[0]).as("analysis").isNotNull();
    return result[0];
  }

  static class UnknownExecutor {
    @ScheduledJob(interval = "10s", executor = "bulk")
    void export() {}
  }

  static class Broken {
    @ScheduledJob(cron = "@daily", interval = "10s")
    void twice() {}
  }
}

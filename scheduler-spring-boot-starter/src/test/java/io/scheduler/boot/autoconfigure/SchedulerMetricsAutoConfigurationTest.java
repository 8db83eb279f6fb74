package io.scheduler.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.scheduler.boot.metrics.JobExecutionObservationConvention;
import io.scheduler.boot.metrics.MicrometerSchedulerListener;
import io.scheduler.boot.metrics.ObservationJobRunObserver;
import io.scheduler.boot.metrics.SchedulerMeterBinder;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import io.scheduler.testing.ManualScheduler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@link SchedulerMetricsAutoConfiguration}: conditions, user beans and the job tag property. */
class SchedulerMetricsAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(SchedulerMetricsAutoConfiguration.class))
          .withUserConfiguration(ManualSchedulerConfiguration.class);

  @Test
  void withoutRegistriesThereAreNoMetricsBeans() {
    runner.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(MicrometerSchedulerListener.class)
                .doesNotHaveBean(SchedulerMeterBinder.class)
                .doesNotHaveBean(ObservationJobRunObserver.class)
                .doesNotHaveBean("micrometerSchedulerCustomizer")
                .doesNotHaveBean("observationSchedulerCustomizer"));
  }

  @Test
  void withoutMicrometerThereAreNoMetricsBeans() {
    runner
        .withClassLoader(new FilteredClassLoader("io.micrometer"))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean("micrometerSchedulerCustomizer")
                    .doesNotHaveBean("observationSchedulerCustomizer")
                    .hasSingleBean(ManualScheduler.class));
  }

  @Test
  void meterRegistryGetsTheListenerAndGauges() {
    runner
        .withBean(SimpleMeterRegistry.class)
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(MicrometerSchedulerListener.class)
                  .hasSingleBean(SchedulerMeterBinder.class)
                  .hasBean("micrometerSchedulerCustomizer")
                  .doesNotHaveBean(ObservationJobRunObserver.class);
              runJob(context.getBean(ManualScheduler.class));
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(registry.get(MicrometerSchedulerListener.LATENESS).timer().count())
                  .isEqualTo(1);
              assertThat(
                      registry
                          .get(MicrometerSchedulerListener.LATENESS)
                          .timer()
                          .getId()
                          .getTag("job"))
                  .isNull();
            });
  }

  @Test
  void jobTagPropertyTagsMetersWithTheJobId() {
    runner
        .withBean(SimpleMeterRegistry.class)
        .withBean(ObservationRegistry.class, TestObservationRegistry::create)
        .withPropertyValues("scheduler.metrics.job-tag=true")
        .run(
            context -> {
              runJob(context.getBean(ManualScheduler.class));
              assertThat(
                      context
                          .getBean(MeterRegistry.class)
                          .get(MicrometerSchedulerListener.LATENESS)
                          .tag("job", "report")
                          .timer()
                          .count())
                  .isEqualTo(1);
              TestObservationRegistryAssert.assertThat(
                      (TestObservationRegistry) context.getBean(ObservationRegistry.class))
                  .hasObservationWithNameEqualTo("scheduler.job.execution")
                  .that()
                  .hasLowCardinalityKeyValue("job", "report");
            });
  }

  @Test
  void observationRegistryGetsTheRunObserver() {
    runner
        .withBean(ObservationRegistry.class, TestObservationRegistry::create)
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(ObservationJobRunObserver.class)
                  .hasBean("observationSchedulerCustomizer")
                  .doesNotHaveBean(MicrometerSchedulerListener.class);
              runJob(context.getBean(ManualScheduler.class));
              TestObservationRegistryAssert.assertThat(
                      (TestObservationRegistry) context.getBean(ObservationRegistry.class))
                  .hasObservationWithNameEqualTo("scheduler.job.execution")
                  .that()
                  .hasLowCardinalityKeyValue("outcome", "success")
                  .doesNotHaveLowCardinalityKeyValueWithKey("job");
            });
  }

  @Test
  void observationsWorkWithoutMicrometerCore() {
    runner
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .withBean(ObservationRegistry.class, TestObservationRegistry::create)
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(ObservationJobRunObserver.class)
                    .doesNotHaveBean("micrometerSchedulerCustomizer"));
  }

  @Test
  void userBeansWin() {
    MicrometerSchedulerListener userListener =
        new MicrometerSchedulerListener(new SimpleMeterRegistry(), true);
    ObservationJobRunObserver userObserver =
        new ObservationJobRunObserver(ObservationRegistry.NOOP);
    runner
        .withBean(SimpleMeterRegistry.class)
        .withBean(ObservationRegistry.class, TestObservationRegistry::create)
        .withBean("userListener", MicrometerSchedulerListener.class, () -> userListener)
        .withBean("userObserver", ObservationJobRunObserver.class, () -> userObserver)
        .run(
            context -> {
              assertThat(context).getBean(MicrometerSchedulerListener.class).isSameAs(userListener);
              assertThat(context).getBean(ObservationJobRunObserver.class).isSameAs(userObserver);
            });
  }

  @Test
  void userConventionIsUsed() {
    JobExecutionObservationConvention convention =
        new JobExecutionObservationConvention() {
          @Override
          public String getName() {
            return "my.jobs";
          }
        };
    runner
        .withBean(ObservationRegistry.class, TestObservationRegistry::create)
        .withBean(JobExecutionObservationConvention.class, () -> convention)
        .run(
            context -> {
              runJob(context.getBean(ManualScheduler.class));
              TestObservationRegistryAssert.assertThat(
                      (TestObservationRegistry) context.getBean(ObservationRegistry.class))
                  .hasObservationWithNameEqualTo("my.jobs");
            });
  }

  @Test
  void withoutSchedulerThereAreNoGauges() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SchedulerMetricsAutoConfiguration.class))
        .withBean(SimpleMeterRegistry.class)
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(MicrometerSchedulerListener.class)
                    .doesNotHaveBean(SchedulerMeterBinder.class));
  }

  private static void runJob(ManualScheduler scheduler) {
    scheduler.addJob(
        JobSpec.builder()
            .id("report")
            .task((TaskContext context) -> null)
            .nextRunTime(ManualSchedulerConfiguration.T0)
            .build());
    scheduler.runDueJobs();
  }
}

package io.scheduler.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.boot.actuate.JobOutcomeRecorder;
import io.scheduler.boot.actuate.SchedulerEndpoint;
import io.scheduler.boot.actuate.SchedulerEndpointWebExtension;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.trigger.Triggers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link SchedulerEndpointAutoConfiguration}: exposure, access and user beans. */
class SchedulerEndpointAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(SchedulerEndpointAutoConfiguration.class))
          .withUserConfiguration(ManualSchedulerConfiguration.class);

  @Test
  void endpointIsNotAvailableUnlessExposed() {
    runner.run(
        context ->
            assertThat(context)
                .doesNotHaveBean(SchedulerEndpoint.class)
                .doesNotHaveBean(JobOutcomeRecorder.class));
  }

  @Test
  void exposedEndpointIsAutoConfigured() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=scheduler")
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(SchedulerEndpoint.class)
                    .hasSingleBean(SchedulerEndpointWebExtension.class)
                    .hasSingleBean(JobOutcomeRecorder.class)
                    .hasBean("jobOutcomeRecorderSchedulerCustomizer"));
  }

  @Test
  void endpointRecordsLastOutcomesThroughTheCustomizer() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=scheduler")
        .run(
            context -> {
              ManualScheduler scheduler = context.getBean(ManualScheduler.class);
              scheduler.addJob(
                  JobSpec.builder()
                      .id("report")
                      .task((TaskContext task) -> null)
                      .trigger(Triggers.interval(Duration.ofMinutes(1)))
                      .nextRunTime(ManualSchedulerConfiguration.T0)
                      .build());
              scheduler.runDueJobs();
              assertThat(context.getBean(JobOutcomeRecorder.class).lastOutcome("report"))
                  .hasValueSatisfying(
                      outcome -> assertThat(outcome.outcome()).isEqualTo("success"));
            });
  }

  @Test
  void jmxExposureHasNoWebExtension() {
    runner
        .withPropertyValues(
            "spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=scheduler")
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(SchedulerEndpoint.class)
                    .doesNotHaveBean(SchedulerEndpointWebExtension.class));
  }

  @Test
  void accessNoneRemovesTheEndpoint() {
    runner
        .withPropertyValues(
            "management.endpoints.web.exposure.include=scheduler",
            "management.endpoint.scheduler.access=NONE")
        .run(context -> assertThat(context).doesNotHaveBean(SchedulerEndpoint.class));
  }

  @Test
  void readOnlyAccessKeepsTheEndpoint() {
    runner
        .withPropertyValues(
            "management.endpoints.web.exposure.include=scheduler",
            "management.endpoint.scheduler.access=READ_ONLY")
        .run(context -> assertThat(context).hasSingleBean(SchedulerEndpoint.class));
  }

  @Test
  void withoutActuatorThereIsNoEndpoint() {
    runner
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
        .withPropertyValues("management.endpoints.web.exposure.include=scheduler")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean("schedulerEndpoint")
                    .doesNotHaveBean("jobOutcomeRecorderSchedulerCustomizer"));
  }

  @Test
  void withoutSchedulerThereIsNoEndpoint() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SchedulerEndpointAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=scheduler")
        .run(context -> assertThat(context).doesNotHaveBean(SchedulerEndpoint.class));
  }

  @Test
  void userEndpointWins() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=scheduler")
        .withUserConfiguration(CustomEndpointConfiguration.class)
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(SchedulerEndpoint.class)
                    .hasBean("customSchedulerEndpoint"));
  }

  @Configuration(proxyBeanMethods = false)
  static class CustomEndpointConfiguration {

    @Bean
    SchedulerEndpoint customSchedulerEndpoint(ManualScheduler scheduler) {
      return new SchedulerEndpoint(scheduler, new JobOutcomeRecorder());
    }
  }
}

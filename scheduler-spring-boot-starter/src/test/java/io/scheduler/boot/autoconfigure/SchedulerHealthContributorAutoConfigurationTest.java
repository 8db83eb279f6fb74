package io.scheduler.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.boot.actuate.SchedulerHealthIndicator;
import io.scheduler.boot.actuate.UnreliableJobStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@link SchedulerHealthContributorAutoConfiguration}: conditions, user beans, the stores. */
class SchedulerHealthContributorAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(SchedulerHealthContributorAutoConfiguration.class))
          .withUserConfiguration(ManualSchedulerConfiguration.class);

  @Test
  void healthIndicatorIsAutoConfigured() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(SchedulerHealthIndicator.class);
          assertThat(context).hasBean("schedulerHealthIndicator");
          assertThat(context.getBean(SchedulerHealthIndicator.class).health().getStatus())
              .isEqualTo(Status.UP);
        });
  }

  @Test
  void healthIndicatorCanBeDisabled() {
    runner
        .withPropertyValues("management.health.scheduler.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(SchedulerHealthIndicator.class));
  }

  @Test
  void withoutSpringBootHealthThereIsNoIndicator() {
    runner
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean("schedulerHealthIndicator"));
  }

  @Test
  void withoutSchedulerThereIsNoIndicator() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SchedulerHealthContributorAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(SchedulerHealthIndicator.class));
  }

  @Test
  void userIndicatorWins() {
    HealthIndicator custom = () -> Health.up().build();
    runner
        .withBean("schedulerHealthIndicator", HealthIndicator.class, () -> custom)
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean(SchedulerHealthIndicator.class)
                    .getBean("schedulerHealthIndicator")
                    .isSameAs(custom));
  }

  @Test
  void theSchedulersJobStoresAreChecked() {
    UnreliableJobStore store = new UnreliableJobStore();
    SchedulerCustomizer sharedStore = builder -> builder.jobStore("shared", store);
    runner
        .withBean(SchedulerCustomizer.class, () -> sharedStore)
        .run(
            context -> {
              SchedulerHealthIndicator indicator = context.getBean(SchedulerHealthIndicator.class);
              assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
              store.down = true;
              Health health = indicator.health();
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails()).containsKey("stores");
              assertThat(health.getDetails().get("stores").toString()).contains("shared");
            });
  }
}

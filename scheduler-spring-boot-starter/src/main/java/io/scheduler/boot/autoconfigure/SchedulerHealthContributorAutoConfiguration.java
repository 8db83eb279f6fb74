package io.scheduler.boot.autoconfigure;

import io.scheduler.Scheduler;
import io.scheduler.boot.actuate.SchedulerHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the scheduler's health indicator, contributed as {@code scheduler} unless
 * {@code management.health.scheduler.enabled} is {@code false}. It checks the availability of every
 * job store of the scheduler ({@link Scheduler#jobStores()}), by alias, and lists its jobs.
 */
@AutoConfiguration(afterName = "io.scheduler.boot.autoconfigure.SchedulerAutoConfiguration")
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
public final class SchedulerHealthContributorAutoConfiguration {

  // The enablement condition sits on a nested class, so that it is only loaded once the class
  // conditions above passed (its condition class lives in the spring-boot-health jar).
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(Scheduler.class)
  @ConditionalOnEnabledHealthIndicator("scheduler")
  static class SchedulerHealthIndicatorConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = {"schedulerHealthIndicator", "schedulerHealthContributor"})
    SchedulerHealthIndicator schedulerHealthIndicator(Scheduler scheduler) {
      return new SchedulerHealthIndicator(scheduler, scheduler::jobStores);
    }
  }
}

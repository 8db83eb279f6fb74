package io.scheduler.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.scheduler.Scheduler;
import io.scheduler.boot.metrics.DefaultJobExecutionObservationConvention;
import io.scheduler.boot.metrics.JobExecutionObservationConvention;
import io.scheduler.boot.metrics.MicrometerSchedulerListener;
import io.scheduler.boot.metrics.ObservationJobRunObserver;
import io.scheduler.boot.metrics.SchedulerMeterBinder;
import io.scheduler.boot.metrics.SchedulerMetricsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the scheduler's Micrometer meters (with a {@link MeterRegistry} bean) and
 * of the {@code scheduler.job.execution} observation (with an {@link ObservationRegistry} bean).
 * Each contributes a {@link SchedulerCustomizer} that registers its listener or run observer on the
 * scheduler builder; {@code scheduler.metrics.job-tag} adds the job id as a tag.
 */
@AutoConfiguration(
    afterName = {
      "io.scheduler.boot.autoconfigure.SchedulerAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
    })
@ConditionalOnClass(ObservationRegistry.class)
@EnableConfigurationProperties(SchedulerMetricsProperties.class)
public final class SchedulerMetricsAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnBean(MeterRegistry.class)
  static class MeterConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MicrometerSchedulerListener micrometerSchedulerListener(
        MeterRegistry meterRegistry, SchedulerMetricsProperties properties) {
      return new MicrometerSchedulerListener(meterRegistry, properties.isJobTag());
    }

    @Bean
    @ConditionalOnMissingBean(name = "micrometerSchedulerCustomizer")
    SchedulerCustomizer micrometerSchedulerCustomizer(MicrometerSchedulerListener listener) {
      return listener::bindTo;
    }

    @Bean
    @ConditionalOnBean(Scheduler.class)
    @ConditionalOnMissingBean
    SchedulerMeterBinder schedulerMeterBinder(Scheduler scheduler) {
      return new SchedulerMeterBinder(scheduler);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(ObservationRegistry.class)
  static class ObservationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObservationJobRunObserver observationJobRunObserver(
        ObservationRegistry observationRegistry,
        ObjectProvider<JobExecutionObservationConvention> convention,
        SchedulerMetricsProperties properties) {
      return new ObservationJobRunObserver(
          observationRegistry,
          convention.getIfUnique(),
          new DefaultJobExecutionObservationConvention(properties.isJobTag()));
    }

    @Bean
    @ConditionalOnMissingBean(name = "observationSchedulerCustomizer")
    SchedulerCustomizer observationSchedulerCustomizer(ObservationJobRunObserver observer) {
      return observer::bindTo;
    }
  }
}

package io.scheduler.boot.autoconfigure;

import io.scheduler.Scheduler;
import io.scheduler.boot.actuate.JobOutcomeRecorder;
import io.scheduler.boot.actuate.SchedulerEndpoint;
import io.scheduler.boot.actuate.SchedulerEndpointWebExtension;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code scheduler} actuator endpoint, when it is available: exposed
 * ({@code management.endpoints.web.exposure.include}) and with an access ({@code
 * management.endpoint.scheduler.access}) other than {@code none}. It adds a {@link
 * JobOutcomeRecorder} to the scheduler, through a {@link SchedulerCustomizer}, for the last outcome
 * of each job.
 */
@AutoConfiguration(afterName = "io.scheduler.boot.autoconfigure.SchedulerAutoConfiguration")
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
public final class SchedulerEndpointAutoConfiguration {

  // The availability condition sits on a nested class, so that it is only loaded once the
  // class conditions above passed (its condition class lives in the actuator jar).
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnAvailableEndpoint(SchedulerEndpoint.class)
  static class SchedulerEndpointConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JobOutcomeRecorder jobOutcomeRecorder() {
      return new JobOutcomeRecorder();
    }

    @Bean
    @ConditionalOnMissingBean(name = "jobOutcomeRecorderSchedulerCustomizer")
    SchedulerCustomizer jobOutcomeRecorderSchedulerCustomizer(JobOutcomeRecorder recorder) {
      return recorder::bindTo;
    }

    @Bean
    @ConditionalOnBean(Scheduler.class)
    @ConditionalOnMissingBean
    SchedulerEndpoint schedulerEndpoint(Scheduler scheduler, JobOutcomeRecorder recorder) {
      return new SchedulerEndpoint(scheduler, recorder);
    }

    @Bean
    @ConditionalOnBean(SchedulerEndpoint.class)
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
    SchedulerEndpointWebExtension schedulerEndpointWebExtension(SchedulerEndpoint endpoint) {
      return new SchedulerEndpointWebExtension(endpoint);
    }
  }
}

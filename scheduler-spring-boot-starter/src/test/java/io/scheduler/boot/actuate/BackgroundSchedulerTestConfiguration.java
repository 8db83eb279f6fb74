package io.scheduler.boot.actuate;

import io.scheduler.BackgroundScheduler;
import io.scheduler.SchedulerBuilder;
import io.scheduler.boot.autoconfigure.SchedulerCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Stands in for {@code SchedulerAutoConfiguration} while it is written: a started {@link
 * BackgroundScheduler} with every {@link SchedulerCustomizer} bean applied in order, as the real
 * auto-configuration does. Shut down with the context ({@code shutdown()} is inferred).
 */
@TestConfiguration(proxyBeanMethods = false)
class BackgroundSchedulerTestConfiguration {

  @Bean
  BackgroundScheduler scheduler(ObjectProvider<SchedulerCustomizer> customizers) {
    SchedulerBuilder<BackgroundScheduler> builder = BackgroundScheduler.builder();
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    BackgroundScheduler scheduler = builder.build();
    scheduler.start();
    return scheduler;
  }
}

package io.scheduler.boot.autoconfigure;

import io.scheduler.SchedulerBuilder;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A started {@link ManualScheduler} built the way {@code SchedulerAutoConfiguration} builds its
 * scheduler: every {@link SchedulerCustomizer} bean applied in order.
 */
@Configuration(proxyBeanMethods = false)
class ManualSchedulerConfiguration {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @Bean
  MutableClock schedulerClock() {
    return MutableClock.at(T0, ZoneId.of("Europe/Berlin"));
  }

  @Bean
  ManualScheduler scheduler(MutableClock clock, ObjectProvider<SchedulerCustomizer> customizers) {
    SchedulerBuilder<ManualScheduler> builder = ManualScheduler.builder(clock);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    ManualScheduler scheduler = builder.build();
    scheduler.start();
    return scheduler;
  }
}

package io.scheduler.sample;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A runnable Spring Boot application on the scheduler's starter: jobs from {@code @ScheduledJob},
 * from {@code scheduler.jobs} and added at runtime, kept in an embedded H2 database through the
 * JDBC job store, visible at {@code /actuator/scheduler}, {@code /actuator/health} and {@code
 * /actuator/metrics}.
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleTriggersProperties.class)
public class SampleApplication {

  /**
   * Starts the sample.
   *
   * @param args command-line arguments, passed to Spring Boot
   */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }

  /**
   * The clock every time read goes through; the starter's scheduler uses it too.
   *
   * @return the system clock in UTC
   */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}

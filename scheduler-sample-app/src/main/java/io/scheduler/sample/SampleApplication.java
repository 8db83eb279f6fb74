package io.scheduler.sample;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** A runnable Spring Boot application that schedules jobs on the scheduler's triggers. */
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
   * The clock every time read goes through.
   *
   * @return the system clock in UTC
   */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The scheduler (until the starter arrives, built by hand): a memory store and the default pool
   * of 10 workers, in the sample's zone. Spring shuts it down with the context.
   *
   * @param clock the clock
   * @param properties the sample's settings
   * @return the scheduler, not yet started
   */
  @Bean(destroyMethod = "shutdown")
  Scheduler scheduler(Clock clock, SampleTriggersProperties properties) {
    return BackgroundScheduler.builder().clock(clock).timezone(properties.zone()).build();
  }
}

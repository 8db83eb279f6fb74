package io.scheduler.sample;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** A runnable Spring Boot application that shows the scheduler's triggers at work. */
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
}

package io.scheduler.boot.autoconfigure;

import io.scheduler.SchedulerBuilder;

/**
 * Customizes the scheduler the starter builds, for anything the {@code scheduler.*} properties
 * cannot express (listeners, run observers, extra stores or executors). Every customizer bean is
 * applied, in {@code @Order} order, after the properties.
 */
@FunctionalInterface
public interface SchedulerCustomizer {

  /**
   * Customizes the builder before the scheduler is built.
   *
   * @param builder the builder, already configured from the properties
   */
  void customize(SchedulerBuilder<?> builder);
}

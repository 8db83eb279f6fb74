package io.scheduler.boot.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds several {@link ScheduledJob} annotations on one method; Java writes it for you when the
 * annotation is repeated.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ScheduledJobs {

  /**
   * Returns the repeated annotations.
   *
   * @return the annotations
   */
  ScheduledJob[] value();
}

package io.scheduler.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code Duration} property of the starter that {@link SchedulerDurationConverter} reads
 * with the core's grammar ({@code io.scheduler.config.Durations}): {@code 10s}, {@code 1.5h},
 * {@code PT10S} or seconds as a number, the same as {@code @ScheduledJob} and trigger options.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface SchedulerDuration {}

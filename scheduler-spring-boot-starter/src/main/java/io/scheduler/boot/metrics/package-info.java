/**
 * Micrometer metrics and observations for the scheduler: the {@code scheduler.job.execution}
 * observation (timer and tracing span of every run), counters of skipped runs, a lateness timer and
 * gauges of jobs by state. Every meter name is a constant of the class that records it.
 */
@NullMarked
package io.scheduler.boot.metrics;

import org.jspecify.annotations.NullMarked;

/**
 * A test kit for code that schedules jobs: {@link io.scheduler.testing.MutableClock}, {@link
 * io.scheduler.testing.ManualScheduler} (runs due jobs on the test's thread when told to) and
 * {@link io.scheduler.testing.RecordingListener}. No sleeps, no background threads.
 */
@NullMarked
package io.scheduler.testing;

import org.jspecify.annotations.NullMarked;

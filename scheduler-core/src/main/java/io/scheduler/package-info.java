/**
 * The scheduler: {@link io.scheduler.Scheduler} (what applications hold), {@link
 * io.scheduler.BackgroundScheduler} (runs on its own thread), {@link
 * io.scheduler.BlockingScheduler} (runs on the thread that starts it) and {@link
 * io.scheduler.SchedulerBuilder}.
 */
@NullMarked
package io.scheduler;

import org.jspecify.annotations.NullMarked;

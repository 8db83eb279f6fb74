/**
 * The scheduler: {@link io.scheduler.Scheduler} (what applications hold), {@link
 * io.scheduler.BackgroundScheduler} (runs on its own thread), {@link
 * io.scheduler.BlockingScheduler} (runs on the thread that starts it), {@link
 * io.scheduler.SchedulerBuilder} and {@link io.scheduler.AdjustableClock}. The schedulers are thin
 * facades; the engine behind them ({@code io.scheduler.internal.engine}) is not an API.
 */
@NullMarked
package io.scheduler;

import org.jspecify.annotations.NullMarked;

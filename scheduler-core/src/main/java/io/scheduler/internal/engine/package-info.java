/**
 * The scheduler engine behind the public facades, composed of parts with one job each: {@link
 * io.scheduler.internal.engine.SchedulerEngine} (the scheduler's operations and lifecycle), the due
 * run calculation ({@code DueRuns}), a processor per job store ({@code LocalStoreProcessor} or
 * {@code SharedStoreProcessor}, chosen once per store), the hand-over of runs to executors ({@code
 * RunDispatcher}) and the runs themselves ({@code JobRun}). Not an API: what is public here is used
 * only inside scheduler-core.
 */
@NullMarked
package io.scheduler.internal.engine;

import org.jspecify.annotations.NullMarked;

/**
 * Triggers say when a job runs: {@link io.scheduler.trigger.DateTrigger}, {@link
 * io.scheduler.trigger.IntervalTrigger}, {@link io.scheduler.trigger.CronTrigger}, {@link
 * io.scheduler.trigger.CalendarIntervalTrigger} and their {@link io.scheduler.trigger.AndTrigger
 * and}/{@link io.scheduler.trigger.OrTrigger or} combinations, built directly or from APScheduler's
 * alias-and-options form with {@link io.scheduler.trigger.Triggers#create}. All are immutable value
 * objects with a stable JSON form ({@link io.scheduler.trigger.TriggerJson}).
 */
@NullMarked
package io.scheduler.trigger;

import org.jspecify.annotations.NullMarked;

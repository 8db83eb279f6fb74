/**
 * Scheduler events: the sealed {@link io.scheduler.event.SchedulerEvent} records, their {@link
 * io.scheduler.event.EventType} (with APScheduler's bit-mask codes) and {@link
 * io.scheduler.event.SchedulerListener}.
 */
@NullMarked
package io.scheduler.event;

import org.jspecify.annotations.NullMarked;

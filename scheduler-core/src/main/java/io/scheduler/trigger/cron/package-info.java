/**
 * Cron parsing and matching: APScheduler's field form, standard crontab strings and Spring's
 * six-field dialect, all compiled to one {@link io.scheduler.trigger.cron.CronSchedule} that finds
 * the next matching wall-clock time field by field.
 */
@NullMarked
package io.scheduler.trigger.cron;

import org.jspecify.annotations.NullMarked;

package io.scheduler.internal.engine;

import io.scheduler.job.Job;
import io.scheduler.job.JobFactory;
import io.scheduler.job.JobSpec;
import io.scheduler.store.JobJson;
import io.scheduler.trigger.Trigger;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a declared job (one added with {@code replaceExisting}: {@code @ScheduledJob}, {@code
 * scheduler.jobs.<id>}, or code that declares its jobs at every start) meets the stored job with
 * its id. The definition decides what the job does; the stored job keeps what operators and runs
 * set:
 *
 * <ul>
 *   <li>definition unchanged: nothing changes (a paused job stays paused, the next run time stays);
 *   <li>trigger changed: the next run time is the new trigger's first fire time from now, unless
 *       the job is paused (it stays paused);
 *   <li>other options changed: updated in place, next run time and pause kept;
 *   <li>a definition that sets the next run time (or adds the job paused) sets it.
 * </ul>
 *
 * An interval trigger declared without a start date matches the stored one with the same options,
 * whose grid was anchored when the job was first stored. Pure: no store and no clock reading.
 */
final class DeclaredJobs {

  private DeclaredJobs() {}

  /**
   * Returns the job to store in place of {@code stored}, or {@code stored} itself when nothing
   * changes.
   *
   * @param stored the stored job
   * @param declared the declared job, with its trigger as declared and its next run time when the
   *     definition sets one
   * @param nextRunTimeIsSet whether the definition sets the next run time (or pauses the job)
   * @param now the current time, for a changed trigger's first fire time
   * @param factory the scheduler's job factory
   * @return the job to store, or {@code stored}
   */
  static Job reconcile(
      Job stored, Job declared, boolean nextRunTimeIsSet, Instant now, JobFactory factory) {
    Trigger trigger = factory.declaredTrigger(declared.trigger(), stored.trigger(), now);
    @Nullable Instant next;
    if (nextRunTimeIsSet) {
      next = declared.nextRunTime().orElse(null);
    } else if (trigger.equals(stored.trigger())) {
      next = stored.nextRunTime().orElse(null);
    } else if (stored.isPaused()) {
      next = null;
    } else {
      next = factory.firstRunTime(trigger, now);
    }
    Job candidate =
        factory.create(
            JobSpec.from(declared).build(), declared.id(), declared.task(), trigger, next);
    boolean sameTask = candidate.taskRef().isPresent() || candidate.task() == stored.task();
    if (sameTask
        && JobJson.sameStoredForm(stored, candidate)
        && Objects.equals(stored.nextRunTime(), candidate.nextRunTime())) {
      return stored;
    }
    return candidate;
  }
}

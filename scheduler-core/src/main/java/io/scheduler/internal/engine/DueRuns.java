package io.scheduler.internal.engine;

import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.Job;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a due job runs: the pure arithmetic of coalescing and misfires, no clock reading and no I/O.
 *
 * @param runTimes the run times to submit (after coalescing), earliest first
 * @param next the job's next run time after now, or {@code null} when its trigger is finished
 */
record DueRuns(List<Instant> runTimes, @Nullable Instant next) {

  /**
   * Walks a due job's trigger from its next run time up to now: the run times to submit (after
   * coalescing) and the first fire time after now.
   *
   * @param job a job whose next run time is at or before {@code now}
   * @param now the current time
   * @param zonedNow {@code now} in the scheduler's zone, in which the trigger is walked
   * @throws IllegalStateException when the trigger returns a time not after its previous one
   */
  static DueRuns of(Job job, Instant now, ZonedDateTime zonedNow) {
    Instant first = job.nextRunTime().orElseThrow();
    @Nullable Instant only = job.trigger().onlyFireTime();
    if (only != null) {
      // A one-shot job runs once, at its next run time, even an explicit one before its run date.
      return new DueRuns(List.of(first), null);
    }
    List<Instant> all = job.coalesce() == CoalescePolicy.ALL ? new ArrayList<>() : List.of();
    Instant last = first;
    @Nullable ZonedDateTime current = null;
    @Nullable Instant following;
    while (true) {
      if (job.coalesce() == CoalescePolicy.ALL) {
        all.add(last);
      }
      Optional<ZonedDateTime> next =
          job.trigger()
              .nextFireTime(current != null ? current : last.atZone(zonedNow.getZone()), zonedNow);
      current = next.orElse(null);
      following = current == null ? null : current.toInstant();
      if (following == null) {
        break;
      }
      if (!following.isAfter(last)) {
        throw new IllegalStateException(
            "trigger "
                + job.trigger()
                + " returned "
                + following
                + ", which is not after its previous fire time "
                + last);
      }
      if (following.isAfter(now)) {
        break;
      }
      last = following;
    }
    List<Instant> runTimes =
        switch (job.coalesce()) {
          case EARLIEST -> List.of(first);
          case LATEST -> List.of(last);
          case ALL -> all;
        };
    return new DueRuns(runTimes, following);
  }

  /**
   * Returns how late a run starting now would be, when that is beyond the misfire grace time.
   *
   * @param runTime the run time
   * @param grace the job's misfire grace time
   * @param now the time the run would start
   * @return how late it is when missed (it is then skipped), otherwise {@code null}
   */
  static @Nullable Duration missedBy(Instant runTime, Duration grace, Instant now) {
    Duration late = Duration.between(runTime, now);
    return late.compareTo(grace) <= 0 ? null : late;
  }
}

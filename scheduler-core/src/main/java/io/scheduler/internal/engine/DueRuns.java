package io.scheduler.internal.engine;

import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.Job;
import io.scheduler.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a due job runs: the pure arithmetic of coalescing and misfires, no clock reading and no I/O.
 *
 * <p>The work is bounded whatever next run time is stored. A job at most {@value #MAX_RUNS} fire
 * times behind is walked one fire time at a time, exactly as APScheduler does. A job further behind
 * (a next run time of {@code 0}, written to mean "run now", or one from before a long outage) skips
 * ahead instead: its trigger is asked for the first fire time at or after a point in time (for
 * interval triggers, arithmetic on the walk's own grid), which finds the latest fire time at or
 * before now by bisection, so the cost grows with the logarithm of the gap, not with the gap.
 * {@link CoalescePolicy#LATEST} and {@link CoalescePolicy#EARLIEST} give the same result as the
 * walk; {@link CoalescePolicy#ALL} submits at most {@value #MAX_RUNS} run times, the most recent
 * that are still within the misfire grace time, and reports the older ones as {@link #skipped()}
 * instead of one missed run each.
 *
 * @param runTimes the run times to submit (after coalescing), earliest first
 * @param next the job's next run time after now, or {@code null} when its trigger is finished
 * @param skipped the overdue run times neither submitted nor reported one by one, or {@code null}
 *     when there were none
 */
record DueRuns(List<Instant> runTimes, @Nullable Instant next, @Nullable Skipped skipped) {

  /** How many overdue fire times are walked one by one, and the most a job submits at once. */
  static final int MAX_RUNS = 1000;

  /** Stored next run times before this are read as this (year 1; a date-time can hold it). */
  static final Instant OLDEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Duration NANO = Duration.ofNanos(1);

  /**
   * The overdue run times a job far behind skipped, reported in one log line.
   *
   * @param from the first of them (the job's stored next run time)
   * @param until the first run time after them (the first one submitted)
   * @param count how many there were, or {@code -1} when the trigger cannot count them cheaply
   */
  record Skipped(Instant from, Instant until, long count) {

    /** Describes the skip, for the log line of the job that skipped. */
    String describe(int submitted) {
      return "was more than "
          + MAX_RUNS
          + " run times behind: skipped "
          + (count >= 0 ? count + " overdue run times" : "its overdue run times")
          + " from "
          + from
          + " to before "
          + until
          + " and submits the "
          + submitted
          + " most recent that can still run (at most "
          + MAX_RUNS
          + ")";
    }
  }

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
    return of(job, now, zonedNow, MAX_RUNS);
  }

  /** {@link #of(Job, Instant, ZonedDateTime)} walking at most {@code maxRuns} (at least 2). */
  static DueRuns of(Job job, Instant now, ZonedDateTime zonedNow, int maxRuns) {
    Instant first = Objects.requireNonNull(job.nextRunTimeOrNull(), "a due job is not paused");
    @Nullable Instant only = job.trigger().onlyFireTime();
    if (only != null) {
      // A one-shot job runs once, at its next run time, even an explicit one before its run date.
      return new DueRuns(List.of(first), null, null);
    }
    if (first.isBefore(OLDEST)) {
      first = OLDEST;
    }
    boolean all = job.coalesce() == CoalescePolicy.ALL;
    List<Instant> allRunTimes = all ? new ArrayList<>() : List.of();
    Instant last = first;
    @Nullable ZonedDateTime current = null;
    @Nullable Instant following;
    int overdue = 1;
    while (true) {
      if (all) {
        allRunTimes.add(last);
      }
      current =
          step(
              job.trigger(), current != null ? current : last.atZone(zonedNow.getZone()), zonedNow);
      following = current == null ? null : current.toInstant();
      if (following == null || following.isAfter(now)) {
        break;
      }
      if (overdue++ == maxRuns) {
        return skipAhead(job, allRunTimes, first, following, now, zonedNow, maxRuns);
      }
      last = following;
    }
    List<Instant> runTimes =
        switch (job.coalesce()) {
          case EARLIEST -> List.of(first);
          case LATEST -> List.of(last);
          case ALL -> allRunTimes;
        };
    return new DueRuns(runTimes, following, null);
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

  /** The trigger's next fire time after {@code previous}, checked to move forward. */
  private static @Nullable ZonedDateTime step(
      Trigger trigger, ZonedDateTime previous, ZonedDateTime zonedNow) {
    @Nullable ZonedDateTime next = trigger.nextFireTime(previous, zonedNow).orElse(null);
    if (next != null && !next.toInstant().isAfter(previous.toInstant())) {
      throw new IllegalStateException(
          "trigger "
              + trigger
              + " returned "
              + next.toInstant()
              + ", which is not after its previous fire time "
              + previous.toInstant());
    }
    return next;
  }

  /**
   * The result for a job more than {@code maxRuns} fire times behind, found without walking the
   * gap: {@code walked} holds the first {@code maxRuns} fire times under {@link CoalescePolicy#ALL}
   * (otherwise nothing), and {@code reached} is the next one, at or before now.
   */
  private static DueRuns skipAhead(
      Job job,
      List<Instant> walked,
      Instant first,
      Instant reached,
      Instant now,
      ZonedDateTime zonedNow,
      int maxRuns) {
    Seek seek = Seek.of(job.trigger(), reached, zonedNow);
    Instant latest = latestAtOrBefore(seek, reached, now);
    @Nullable ZonedDateTime after =
        step(job.trigger(), latest.atZone(zonedNow.getZone()), zonedNow);
    @Nullable Instant next = after == null ? null : after.toInstant();
    return switch (job.coalesce()) {
      case EARLIEST -> new DueRuns(List.of(first), next, null);
      case LATEST -> new DueRuns(List.of(latest), next, null);
      case ALL -> {
        List<Instant> runTimes =
            mostRecent(job, seek, walked, reached, latest, now, zonedNow, maxRuns);
        Instant oldest = runTimes.get(0);
        long count = -1;
        @Nullable Duration step = job.trigger().fixedStep();
        if (oldest.isBefore(reached)) {
          count = walked.indexOf(oldest);
        } else if (step != null) {
          count =
              maxRuns + Duration.between(reached, oldest).plus(step.dividedBy(2)).dividedBy(step);
        }
        yield new DueRuns(runTimes, next, new Skipped(first, oldest, count));
      }
    };
  }

  /**
   * The latest fire time at or before {@code now}, by galloping back from now and then bisecting:
   * {@code lo} is always a fire time at or before now, and no fire time lies in {@code [hi, now]}.
   */
  private static Instant latestAtOrBefore(Seek seek, Instant reached, Instant now) {
    Instant lo = reached;
    Instant hi = now.plus(NANO);
    for (Duration back = NANO; ; back = back.multipliedBy(2)) {
      Instant probe = now.minus(back);
      if (!probe.isAfter(lo)) {
        break;
      }
      @Nullable Instant fire = seek.atOrAfter(probe);
      if (fire != null && !fire.isAfter(now) && !fire.isBefore(probe)) {
        lo = fire;
        break;
      }
      hi = probe;
    }
    while (Duration.between(lo, hi).compareTo(NANO) > 0) {
      Instant mid = lo.plus(Duration.between(lo, hi).dividedBy(2));
      @Nullable Instant fire = seek.atOrAfter(mid);
      if (fire != null && !fire.isAfter(now) && !fire.isBefore(mid)) {
        lo = fire;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The run times a job far behind submits under {@link CoalescePolicy#ALL}: the most recent fire
   * times that are still within its misfire grace time, at most {@code maxRuns} of them; at least
   * the latest (reported missed when even that one is beyond the grace time).
   */
  private static List<Instant> mostRecent(
      Job job,
      Seek seek,
      List<Instant> walked,
      Instant reached,
      Instant latest,
      Instant now,
      ZonedDateTime zonedNow,
      int maxRuns) {
    @Nullable Duration grace = job.misfireGraceTime().orElse(null);
    // Fire times before the window can only be reported missed; without grace all can still run.
    @Nullable Instant window =
        grace == null || grace.compareTo(Duration.between(walked.get(0), now)) >= 0
            ? null
            : now.minus(grace);
    boolean windowAfterWalk = window != null && window.isAfter(reached);
    Instant oldest = windowAfterWalk ? window : reached;
    if (oldest.isAfter(latest)) {
      return List.of(latest);
    }
    @Nullable Duration step = job.trigger().fixedStep();
    if (step != null) {
      // On an interval's grid the most recent maxRuns fire times start at a known time.
      Instant start = latest.minus(step.multipliedBy(maxRuns - 1));
      if (start.isAfter(oldest)) {
        @Nullable List<Instant> runs = collect(job, seek, start, now, zonedNow, maxRuns);
        if (runs != null && !runs.isEmpty()) {
          return runs;
        }
      }
    }
    @Nullable List<Instant> runs = collect(job, seek, oldest, now, zonedNow, maxRuns);
    if (runs == null) {
      return gallop(job, seek, oldest, latest, now, zonedNow, maxRuns);
    }
    if (runs.isEmpty()) {
      return List.of(latest);
    }
    if (runs.size() == maxRuns || windowAfterWalk) {
      return runs;
    }
    // Every fire time from the one the walk reached can run, and fewer than maxRuns of them: the
    // walk's own most recent ones within the window come first.
    List<Instant> withWalked = new ArrayList<>(maxRuns);
    for (int i = Math.max(0, walked.size() - (maxRuns - runs.size())); i < walked.size(); i++) {
      if (window == null || !walked.get(i).isBefore(window)) {
        withWalked.add(walked.get(i));
      }
    }
    withWalked.addAll(runs);
    return withWalked;
  }

  /**
   * When more than {@code maxRuns} fire times could still run: those of the widest window back from
   * the latest (doubling it each time) that holds at most {@code maxRuns}.
   */
  private static List<Instant> gallop(
      Job job,
      Seek seek,
      Instant oldest,
      Instant latest,
      Instant now,
      ZonedDateTime zonedNow,
      int maxRuns) {
    List<Instant> best = List.of(latest);
    for (Duration back = NANO; ; back = back.multipliedBy(2)) {
      Instant from = latest.minus(back);
      if (!from.isAfter(oldest)) {
        return best;
      }
      @Nullable List<Instant> within = collect(job, seek, from, now, zonedNow, maxRuns);
      if (within == null) {
        return best;
      }
      if (!within.isEmpty()) {
        best = within;
      }
    }
  }

  /** The fire times from the first at or after {@code from} up to now, or null if too many. */
  private static @Nullable List<Instant> collect(
      Job job, Seek seek, Instant from, Instant now, ZonedDateTime zonedNow, int maxRuns) {
    List<Instant> runs = new ArrayList<>();
    @Nullable Instant fire = seek.atOrAfter(from);
    @Nullable ZonedDateTime current = null;
    while (fire != null && !fire.isAfter(now)) {
      if (runs.size() == maxRuns) {
        return null;
      }
      runs.add(fire);
      current =
          step(
              job.trigger(), current != null ? current : fire.atZone(zonedNow.getZone()), zonedNow);
      fire = current == null ? null : current.toInstant();
    }
    return runs;
  }

  /** The first fire time at or after a time, on the sequence the walk follows. */
  @FunctionalInterface
  private interface Seek {

    @Nullable Instant atOrAfter(Instant time);

    /**
     * For a trigger with a fixed step (an interval trigger): the grid through {@code reached} (a
     * fire time the walk reached), then one trigger step from the grid point before, so an end date
     * and jitter still apply. For any other trigger: the next fire time after the instant just
     * before, which the trigger contract defines as the first fire time at or after it.
     */
    static Seek of(Trigger trigger, Instant reached, ZonedDateTime zonedNow) {
      ZoneId zone = zonedNow.getZone();
      @Nullable Duration step = trigger.fixedStep();
      if (step != null) {
        return time -> {
          if (!time.isAfter(reached)) {
            return reached;
          }
          Duration ahead = Duration.between(reached, time);
          long steps = ahead.dividedBy(step);
          if (step.multipliedBy(steps).compareTo(ahead) < 0) {
            steps++;
          }
          Instant before = reached.plus(step.multipliedBy(steps - 1));
          return trigger
              .nextFireTime(before.atZone(zone), zonedNow)
              .map(ZonedDateTime::toInstant)
              .orElse(null);
        };
      }
      return time ->
          trigger
              .nextFireTime(time.minus(NANO).atZone(zone), zonedNow)
              .map(ZonedDateTime::toInstant)
              .orElse(null);
    }
  }
}

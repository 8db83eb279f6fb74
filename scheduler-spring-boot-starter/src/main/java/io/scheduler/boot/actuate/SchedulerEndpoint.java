package io.scheduler.boot.actuate;

import io.scheduler.Scheduler;
import io.scheduler.SchedulerState;
import io.scheduler.boot.actuate.JobOutcomeRecorder.JobOutcome;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.Job;
import io.scheduler.store.UnloadableJob;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code scheduler} actuator endpoint. Over HTTP, below {@code /actuator/scheduler}:
 *
 * <ul>
 *   <li>{@code GET /} lists the scheduler's state and every job ({@link SchedulerDescriptor});
 *   <li>{@code GET /{jobId}?count=N} describes one job with its next {@code N} fire times (default
 *       {@value #DEFAULT_PREVIEW}, at most {@value #MAX_PREVIEW}); 404 when no job has the id;
 *   <li>{@code POST /} with {@code {"action": "pause"|"resume"}} pauses or resumes job processing;
 *   <li>{@code POST /{jobId}} with {@code {"action": "pause"|"resume"|"run"}} pauses, resumes or
 *       runs a job once now ({@link Scheduler#runJob}); 404 when no job has the id, 409 when the
 *       job already runs its maximum number of instances;
 *   <li>{@code DELETE /{jobId}} removes a job, or a stored job that cannot be loaded; 404 when no
 *       job has the id.
 * </ul>
 *
 * <p>Over HTTP every 4xx answer is an RFC 9457 problem detail ({@link
 * SchedulerEndpointWebExtension}). Access follows {@code management.endpoint.scheduler.access} like
 * Spring Boot's endpoints, but defaults to {@code read-only}: the writes exist only with {@code
 * unrestricted}; {@code none} removes the endpoint.
 */
@Endpoint(id = "scheduler", defaultAccess = Access.READ_ONLY)
@RegisterReflectionForBinding({
  SchedulerEndpoint.SchedulerDescriptor.class,
  SchedulerEndpoint.SchedulerStateDescriptor.class,
  SchedulerEndpoint.JobDescriptor.class,
  SchedulerEndpoint.JobDetailsDescriptor.class,
  SchedulerEndpoint.UnloadableJobDescriptor.class,
  JobOutcome.class
})
public class SchedulerEndpoint {

  /** How many fire times a job's details preview unless asked otherwise. */
  public static final int DEFAULT_PREVIEW = 5;

  /** The most fire times a job's details preview. */
  public static final int MAX_PREVIEW = 100;

  /** A job with a next run time. */
  public static final String SCHEDULED = "scheduled";

  /** A job without a next run time (paused, or with a finished trigger). */
  public static final String PAUSED = "paused";

  /** A job added while the scheduler is stopped: it is scheduled when the scheduler starts. */
  public static final String PENDING = "pending";

  /**
   * A stored job that cannot be loaded (listed in {@code unloadableJobs}; removing it answers with
   * this state, its trigger and executor {@value #UNKNOWN}).
   */
  public static final String UNLOADABLE = "unloadable";

  /** What is not known of a job that cannot be loaded. */
  public static final String UNKNOWN = "unknown";

  private final Scheduler scheduler;
  private final JobOutcomeRecorder outcomes;

  /**
   * Creates the endpoint.
   *
   * @param scheduler the scheduler it shows and controls
   * @param outcomes the last outcome of each job's runs
   */
  public SchedulerEndpoint(Scheduler scheduler, JobOutcomeRecorder outcomes) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
  }

  /**
   * Describes the scheduler and lists every job, store by store, each by next run time.
   *
   * @return the scheduler and its jobs
   */
  @ReadOperation
  public SchedulerDescriptor scheduler() {
    SchedulerState state = scheduler.state();
    List<Job> jobs = scheduler.getJobs();
    outcomes.retainOnly(jobs.stream().map(Job::id).toList());
    return new SchedulerDescriptor(
        state.name(),
        scheduler.timezone().getId(),
        scheduler.runningInstances(),
        jobs.stream().map(job -> describe(job, state)).toList(),
        scheduler.getUnloadableJobs().stream()
            .map(job -> new UnloadableJobDescriptor(job.id(), job.jobStore(), job.reason()))
            .toList());
  }

  /**
   * Describes one job, with a preview of its next fire times: from its next run time on, or, for a
   * paused or pending job, the times it would get if resumed (or started) now. Computing them never
   * changes the job.
   *
   * @param jobId the job id
   * @param count how many fire times to preview, {@value #DEFAULT_PREVIEW} when not given
   * @return the job, or {@code null} when no job has the id
   */
  @ReadOperation
  public @Nullable JobDetailsDescriptor job(@Selector String jobId, @Nullable Integer count) {
    int preview = count == null ? DEFAULT_PREVIEW : count;
    if (preview < 1 || preview > MAX_PREVIEW) {
      throw new InvalidEndpointRequestException(
          "count must be between 1 and " + MAX_PREVIEW + ", but was " + preview,
          "count must be between 1 and " + MAX_PREVIEW + ", but was " + preview);
    }
    Optional<Job> found = scheduler.getJob(jobId);
    if (found.isEmpty()) {
      return null;
    }
    Job job = found.get();
    JobDescriptor summary = describe(job, scheduler.state());
    return new JobDetailsDescriptor(
        summary.id(),
        summary.name(),
        summary.trigger(),
        summary.nextRunTime(),
        summary.state(),
        summary.jobStore(),
        summary.executor(),
        summary.lastOutcome(),
        job.taskRef().map(Object::toString).orElse(null),
        job.coalesce().name(),
        job.maxInstances(),
        job.misfireGraceTime().map(Duration::toString).orElse(null),
        scheduler.runningInstances().getOrDefault(job.id(), 0),
        nextFireTimes(job, preview));
  }

  /**
   * Pauses or resumes job processing ({@link Scheduler#pause()}, {@link Scheduler#resume()}).
   *
   * @param action {@code pause} or {@code resume}
   * @return the scheduler's state afterwards
   * @throws InvalidEndpointRequestException for another action, or when the scheduler is stopped
   */
  @WriteOperation
  public SchedulerStateDescriptor changeState(String action) {
    Runnable change =
        switch (action.toLowerCase(Locale.ROOT)) {
          case "pause" -> scheduler::pause;
          case "resume" -> scheduler::resume;
          default -> throw invalidAction(action, "pause or resume");
        };
    try {
      change.run();
    } catch (IllegalStateException e) {
      throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage(), e);
    }
    return new SchedulerStateDescriptor(scheduler.state().name());
  }

  /**
   * Changes one job: {@code pause} ({@link Scheduler#pauseJob}); {@code resume} ({@link
   * Scheduler#resumeJob}, which removes a job whose trigger has no more fire times); {@code run}
   * runs it once now ({@link Scheduler#runJob}), leaving its schedule and its paused state as they
   * were.
   *
   * @param jobId the job id
   * @param action {@code pause}, {@code resume} or {@code run}
   * @return the job afterwards, or {@code null} when no job has the id (or it was removed)
   * @throws InvalidEndpointRequestException for another action; {@link RunRefusedException} when
   *     {@code run} is refused because the job already runs its maximum number of instances
   */
  @WriteOperation
  public @Nullable JobDescriptor changeJob(@Selector String jobId, String action) {
    String change = action.toLowerCase(Locale.ROOT);
    if (!change.equals("pause") && !change.equals("resume") && !change.equals("run")) {
      throw invalidAction(action, "pause, resume or run");
    }
    try {
      Optional<Job> changed =
          switch (change) {
            case "pause" -> Optional.of(scheduler.pauseJob(jobId));
            case "resume" -> scheduler.resumeJob(jobId);
            default -> Optional.of(runNow(jobId));
          };
      return changed.map(job -> describe(job, scheduler.state())).orElse(null);
    } catch (JobNotFoundException e) {
      return null;
    }
  }

  /**
   * Removes a job ({@link Scheduler#removeJob}); a run in progress finishes.
   *
   * @param jobId the job id
   * @return the job as it was, or {@code null} when no job has the id
   */
  @DeleteOperation
  public @Nullable JobDescriptor removeJob(@Selector String jobId) {
    Optional<Job> job = scheduler.getJob(jobId);
    if (job.isEmpty()) {
      return removeUnloadable(jobId);
    }
    JobDescriptor removed = describe(job.get(), scheduler.state());
    try {
      scheduler.removeJob(jobId);
    } catch (JobNotFoundException e) {
      return null;
    }
    return removed;
  }

  private @Nullable JobDescriptor removeUnloadable(String jobId) {
    Optional<UnloadableJob> unloadable =
        scheduler.getUnloadableJobs().stream().filter(job -> job.id().equals(jobId)).findFirst();
    if (unloadable.isEmpty()) {
      return null;
    }
    try {
      scheduler.removeJob(jobId);
    } catch (JobNotFoundException e) {
      return null;
    }
    return new JobDescriptor(
        jobId, jobId, UNKNOWN, null, UNLOADABLE, unloadable.get().jobStore(), UNKNOWN, null);
  }

  private Job runNow(String jobId) {
    Job job = scheduler.getJob(jobId).orElseThrow(() -> new JobNotFoundException(jobId, null));
    if (!scheduler.runJob(jobId)) {
      throw new RunRefusedException(job);
    }
    return scheduler.getJob(jobId).orElse(job);
  }

  private JobDescriptor describe(Job job, SchedulerState state) {
    String jobState =
        state == SchedulerState.STOPPED ? PENDING : job.isPaused() ? PAUSED : SCHEDULED;
    return new JobDescriptor(
        job.id(),
        job.name(),
        job.trigger().toString(),
        job.nextRunTime().orElse(null),
        jobState,
        job.jobStore(),
        job.executor(),
        outcomes.lastOutcome(job.id()).orElse(null));
  }

  private List<Instant> nextFireTimes(Job job, int count) {
    ZoneId zone = scheduler.timezone();
    ZonedDateTime now = scheduler.clock().instant().atZone(zone);
    Optional<ZonedDateTime> next =
        job.nextRunTime()
            .map(time -> time.atZone(zone))
            .or(() -> job.trigger().nextFireTime(null, now));
    List<Instant> times = new ArrayList<>(count);
    while (next.isPresent() && times.size() < count) {
      ZonedDateTime time = next.get();
      if (!times.isEmpty() && !time.toInstant().isAfter(times.get(times.size() - 1))) {
        break; // a trigger that does not move forward; the scheduler would reject it too
      }
      times.add(time.toInstant());
      next = job.trigger().nextFireTime(time, time);
    }
    return times;
  }

  /**
   * A {@code run} refused because the job already runs its maximum number of instances (the
   * scheduler reported it as {@code JOB_MAX_INSTANCES}); over HTTP, a 409 problem.
   */
  public static final class RunRefusedException extends InvalidEndpointRequestException {

    private static final long serialVersionUID = 1L;

    RunRefusedException(Job job) {
      super(message(job), message(job));
    }

    private static String message(Job job) {
      return "job '"
          + job.id()
          + "' already runs its maximum number of instances (maxInstances "
          + job.maxInstances()
          + "): the run was skipped";
    }
  }

  private static InvalidEndpointRequestException invalidAction(String action, String expected) {
    String message = "action must be " + expected + ", but was '" + action + "'";
    return new InvalidEndpointRequestException(message, message);
  }

  /**
   * The scheduler and its jobs.
   *
   * @param state {@code RUNNING}, {@code PAUSED} or {@code STOPPED}
   * @param timezone the scheduler's default time zone
   * @param runningInstances runs in progress by job id, for jobs that have one
   * @param jobs every job, store by store, each by next run time
   * @param unloadableJobs the stored jobs that cannot be loaded, with the reason ({@code DELETE
   *     /{jobId}} removes them)
   */
  public record SchedulerDescriptor(
      String state,
      String timezone,
      Map<String, Integer> runningInstances,
      List<JobDescriptor> jobs,
      List<UnloadableJobDescriptor> unloadableJobs)
      implements OperationResponseBody {}

  /**
   * A stored job that cannot be loaded.
   *
   * @param id the id it is stored under
   * @param jobStore the alias of its store
   * @param reason why it cannot be loaded
   */
  public record UnloadableJobDescriptor(String id, String jobStore, String reason) {}

  /**
   * The scheduler's state after a change.
   *
   * @param state {@code RUNNING}, {@code PAUSED} or {@code STOPPED}
   */
  public record SchedulerStateDescriptor(String state) implements OperationResponseBody {}

  /**
   * A job.
   *
   * @param id the job id
   * @param name its display name
   * @param trigger its trigger, as text
   * @param nextRunTime when it runs next, or {@code null} while paused or pending
   * @param state {@value #SCHEDULED}, {@value #PAUSED} or {@value #PENDING}
   * @param jobStore the alias of its store
   * @param executor the alias of its executor
   * @param lastOutcome how its last run ended, or {@code null} when it has not run since this
   *     process started
   */
  public record JobDescriptor(
      String id,
      String name,
      String trigger,
      @Nullable Instant nextRunTime,
      String state,
      String jobStore,
      String executor,
      @Nullable JobOutcome lastOutcome)
      implements OperationResponseBody {}

  /**
   * A job in detail.
   *
   * @param id the job id
   * @param name its display name
   * @param trigger its trigger, as text
   * @param nextRunTime when it runs next, or {@code null} while paused or pending
   * @param state {@value #SCHEDULED}, {@value #PAUSED} or {@value #PENDING}
   * @param jobStore the alias of its store
   * @param executor the alias of its executor
   * @param lastOutcome how its last run ended, or {@code null} when it has not run since this
   *     process started
   * @param taskRef its task reference, or {@code null} for a task given as code
   * @param coalesce its policy for overdue runs
   * @param maxInstances how many of its runs may overlap
   * @param misfireGraceTime how late a run may start (ISO-8601), or {@code null} for no limit
   * @param runningInstances how many of its runs are in progress
   * @param nextFireTimes its next fire times, earliest first; fewer than asked when the trigger
   *     ends
   */
  public record JobDetailsDescriptor(
      String id,
      String name,
      String trigger,
      @Nullable Instant nextRunTime,
      String state,
      String jobStore,
      String executor,
      @Nullable JobOutcome lastOutcome,
      @Nullable String taskRef,
      String coalesce,
      int maxInstances,
      @Nullable String misfireGraceTime,
      int runningInstances,
      List<Instant> nextFireTimes)
      implements OperationResponseBody {}
}

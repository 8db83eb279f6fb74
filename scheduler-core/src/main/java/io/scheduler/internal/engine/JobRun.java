package io.scheduler.internal.engine;

import io.scheduler.event.EventType;
import io.scheduler.event.JobExecuted;
import io.scheduler.event.JobFailed;
import io.scheduler.event.JobMissed;
import io.scheduler.executor.JobExecutor;
import io.scheduler.internal.WorkerThread;
import io.scheduler.job.Job;
import io.scheduler.job.JobRunObserver;
import io.scheduler.job.TaskContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One submission of a job to an executor: runs the task for each of its run times in turn, skipping
 * the ones later than the misfire grace time, and reports each outcome. It holds one of the job's
 * instances from submission until the last run time is done, including while a returned {@link
 * CompletionStage} is pending (without holding a thread).
 */
final class JobRun implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(SchedulerEngine.LOGGER_NAME);
  // Whose job the current thread runs: a field of the scheduler's own worker threads, else this.
  private static final ThreadLocal<@Nullable Object> RUNNING_IN = new ThreadLocal<>();

  private final RunContext context;
  private final JobExecutor executor;
  private final Job job;
  private final List<Instant> runTimes;
  private final InstanceCounter.Instances instance;
  private final SharedClaims.@Nullable HeldClaim claim;
  private int next;

  JobRun(
      RunContext context,
      JobExecutor executor,
      Job job,
      List<Instant> runTimes,
      InstanceCounter.Instances instance,
      SharedClaims.@Nullable HeldClaim claim) {
    this.context = context;
    this.executor = executor;
    this.job = job;
    this.runTimes = runTimes;
    this.instance = instance;
    this.claim = claim;
  }

  /** Returns whether the current thread is running a job of the scheduler of {@code context}. */
  static boolean isRunningJobOf(RunContext context) {
    return runningJobOf() == context;
  }

  private static @Nullable Object runningJobOf() {
    return Thread.currentThread() instanceof WorkerThread worker
        ? worker.runningJobOf()
        : RUNNING_IN.get();
  }

  private static void runningJobOf(@Nullable Object owner) {
    if (Thread.currentThread() instanceof WorkerThread worker) {
      worker.runningJobOf(owner);
    } else {
      RUNNING_IN.set(owner);
    }
  }

  @Override
  public void run() {
    @Nullable Object outer = runningJobOf();
    runningJobOf(context);
    try {
      while (next < runTimes.size()) {
        Instant runTime = runTimes.get(next++);
        if (isMissed(runTime)) {
          continue;
        }
        List<JobRunObserver.Run> observed = observeStart(runTime);
        Object result;
        try {
          result = job.task().run(new TaskContext(job, runTime));
        } catch (VirtualMachineError fatal) {
          observeEnd(observed, null, fatal);
          finish();
          throw fatal;
        } catch (Exception | Error e) {
          observeEnd(observed, null, e);
          failed(runTime, e);
          continue;
        }
        if (result instanceof CompletionStage<?> stage) {
          observeDetached(observed);
          stage.whenComplete((value, error) -> completedLater(runTime, observed, value, error));
          return;
        }
        observeEnd(observed, result, null);
        executed(runTime, result);
      }
      finish();
    } finally {
      // set, not remove: removing would make the next run of this worker re-insert the entry.
      runningJobOf(outer);
    }
  }

  private boolean isMissed(Instant runTime) {
    Duration grace = job.misfireGraceTime().orElse(null);
    // A recovered run was on time when its first scheduler claimed it: it runs, however late.
    if (grace == null || (claim != null && claim.claim.recovered())) {
      return false;
    }
    Instant now = context.clock.instant();
    @Nullable Duration late = DueRuns.missedBy(runTime, grace, now);
    if (late == null) {
      return false;
    }
    log.warn("Run time of job \"{}\" was missed by {}", job, late);
    context.events.publish(
        EventType.JOB_MISSED, () -> new JobMissed(job.id(), job.jobStore(), runTime, now));
    return true;
  }

  private void completedLater(
      Instant runTime,
      List<JobRunObserver.Run> observed,
      @Nullable Object value,
      @Nullable Throwable error) {
    if (error != null) {
      Throwable cause =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      observeEnd(observed, null, cause);
      failed(runTime, cause);
    } else {
      observeEnd(observed, value, null);
      executed(runTime, value);
    }
    if (next >= runTimes.size()) {
      finish();
      return;
    }
    try {
      executor.execute(this);
    } catch (RejectedExecutionException e) {
      log.warn(
          "Job \"{}\" had {} more run times, dropped at shutdown", job, runTimes.size() - next);
      finish();
    }
  }

  private List<JobRunObserver.Run> observeStart(Instant runTime) {
    List<JobRunObserver> observers = context.observers;
    if (observers.isEmpty()) {
      return List.of();
    }
    Instant start = context.clock.instant();
    List<JobRunObserver.Run> observed = new ArrayList<>(observers.size());
    for (JobRunObserver observer : observers) {
      try {
        observed.add(observer.started(job, runTime, start));
      } catch (RuntimeException e) {
        log.warn("Run observer {} failed at the start of job \"{}\"", observer, job, e);
      }
    }
    return observed;
  }

  private void observeDetached(List<JobRunObserver.Run> observed) {
    for (JobRunObserver.Run run : observed) {
      try {
        run.detached();
      } catch (RuntimeException e) {
        log.warn("Run observer failed detaching from job \"{}\"", job, e);
      }
    }
  }

  private void observeEnd(
      List<JobRunObserver.Run> observed, @Nullable Object result, @Nullable Throwable error) {
    if (observed.isEmpty()) {
      return;
    }
    for (JobRunObserver.Run run : observed) {
      try {
        run.finished(result, error);
      } catch (RuntimeException e) {
        log.warn("Run observer failed at the end of job \"{}\"", job, e);
      }
    }
  }

  private void executed(Instant runTime, @Nullable Object result) {
    log.debug("Job \"{}\" executed successfully", job);
    EventFanOut events = context.events;
    if (events.wants(EventType.JOB_EXECUTED)) {
      events.publish(
          new JobExecuted(job.id(), job.jobStore(), runTime, result, context.clock.instant()));
    }
  }

  private void failed(Instant runTime, Throwable error) {
    log.error("Job \"{}\" raised an exception", job, error);
    context.events.publish(
        EventType.JOB_ERROR,
        () ->
            new JobFailed(
                job.id(),
                job.jobStore(),
                runTime,
                error,
                traceback(error),
                context.clock.instant()));
  }

  /** Called when the executor rejected this run: it never runs, and gives back its instance. */
  void rejected() {
    log.error("Executor \"{}\" rejected job \"{}\" (it is not running)", job.executor(), job);
    finish();
  }

  private void finish() {
    instance.release();
    if (claim != null) {
      context.claimedRunEnded(claim);
    }
  }

  private static String traceback(Throwable error) {
    StringWriter text = new StringWriter();
    error.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}

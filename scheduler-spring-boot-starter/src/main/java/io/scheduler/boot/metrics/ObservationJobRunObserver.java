package io.scheduler.boot.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.scheduler.SchedulerBuilder;
import io.scheduler.job.Job;
import io.scheduler.job.JobRunObserver;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Observes every run of a job as a Micrometer {@link Observation} named {@value
 * DefaultJobExecutionObservationConvention#NAME}: with Spring Boot's observation setup this gives a
 * timer of that name and, with tracing, a span. The observation is started and put in scope on the
 * thread that runs the job just before the task starts, so the task's own observations, spans and
 * log correlation see it as their parent; it stops when the run ends.
 *
 * <p>For a task that returns an unfinished {@code CompletionStage}, the scope is closed on the
 * running thread as soon as the task returns, and the observation stops when the stage completes,
 * on the thread that completes it.
 */
public final class ObservationJobRunObserver implements JobRunObserver {

  private static final Run NOTHING = (result, error) -> {};

  private final ObservationRegistry registry;
  private final @Nullable JobExecutionObservationConvention customConvention;
  private final DefaultJobExecutionObservationConvention defaultConvention;

  /**
   * Creates an observer with the default convention (no {@code job} tag).
   *
   * @param registry where observations are made
   */
  public ObservationJobRunObserver(ObservationRegistry registry) {
    this(registry, null, new DefaultJobExecutionObservationConvention());
  }

  /**
   * Creates an observer.
   *
   * @param registry where observations are made
   * @param customConvention a convention that replaces the default one, or {@code null}
   * @param defaultConvention the convention used when there is no custom one (with or without the
   *     {@code job} tag)
   */
  public ObservationJobRunObserver(
      ObservationRegistry registry,
      @Nullable JobExecutionObservationConvention customConvention,
      DefaultJobExecutionObservationConvention defaultConvention) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.customConvention = customConvention;
    this.defaultConvention = Objects.requireNonNull(defaultConvention, "defaultConvention");
  }

  /**
   * Registers this observer on a scheduler builder.
   *
   * @param builder the builder
   */
  public void bindTo(SchedulerBuilder<?> builder) {
    builder.runObserver(this);
  }

  @Override
  public Run started(Job job, Instant scheduledRunTime, Instant startTime) {
    JobExecutionObservationContext context =
        new JobExecutionObservationContext(job, scheduledRunTime, startTime);
    Observation observation =
        JobExecutionObservationDocumentation.JOB_EXECUTION.observation(
            customConvention, defaultConvention, () -> context, registry);
    if (observation.isNoop()) {
      return NOTHING;
    }
    observation.start();
    return new ObservedRun(observation, context, observation.openScope());
  }

  private final class ObservedRun implements Run {

    private final Observation observation;
    private final JobExecutionObservationContext context;
    private final Observation.Scope scope;
    // Closed once: on detach (asynchronous task) or at the end of a synchronous run.
    private boolean scopeClosed;

    ObservedRun(
        Observation observation, JobExecutionObservationContext context, Observation.Scope scope) {
      this.observation = observation;
      this.context = context;
      this.scope = scope;
    }

    @Override
    public void finished(@Nullable Object result, @Nullable Throwable error) {
      context.setResult(result);
      if (error != null) {
        observation.error(error);
      }
      detached();
      observation.stop();
    }

    @Override
    public void detached() {
      if (!scopeClosed) {
        scopeClosed = true;
        scope.close();
      }
    }
  }
}

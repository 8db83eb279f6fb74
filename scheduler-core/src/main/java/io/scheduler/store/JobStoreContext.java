package io.scheduler.store;

import static io.scheduler.internal.Require.requireArgument;
import static io.scheduler.internal.Require.requireNonNull;

import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobFactory;
import io.scheduler.job.TaskResolver;
import java.time.Clock;
import java.time.ZoneId;

/**
 * What a scheduler tells a job store when it starts it.
 *
 * @param alias the alias the store was added under
 * @param clock the scheduler's clock
 * @param timezone the scheduler's default time zone (for triggers given by alias)
 * @param taskResolver resolves stored {@code TaskRef}s back into tasks
 * @param schedulerId identifies this scheduler among all that share the store: the owner of its
 *     acquisitions and run claims
 * @param listener where the store reports changes made by other schedulers and jobs it cannot load
 * @param jobFactory turns the spec of a loaded job into the job, as the scheduler does
 */
public record JobStoreContext(
    String alias,
    Clock clock,
    ZoneId timezone,
    TaskResolver taskResolver,
    String schedulerId,
    JobStoreListener listener,
    JobFactory jobFactory) {

  /**
   * Checks the components.
   *
   * @param alias the alias the store was added under
   * @param clock the scheduler's clock
   * @param timezone the scheduler's default time zone
   * @param taskResolver resolves stored {@code TaskRef}s
   * @param schedulerId this scheduler's id, not blank
   * @param listener where the store reports to the scheduler
   * @param jobFactory turns the specs of loaded jobs into jobs
   */
  public JobStoreContext {
    requireNonNull(alias, "alias");
    requireNonNull(clock, "clock");
    requireNonNull(timezone, "timezone");
    requireNonNull(taskResolver, "taskResolver");
    requireNonNull(listener, "listener");
    requireNonNull(jobFactory, "jobFactory");
    requireArgument(
        schedulerId != null && !schedulerId.isBlank(),
        "schedulerId must not be blank, but was '%s'",
        schedulerId);
  }

  /**
   * A context whose job factory applies no job defaults (stored jobs carry every option).
   *
   * @param alias the alias the store was added under
   * @param clock the scheduler's clock
   * @param timezone the scheduler's default time zone
   * @param taskResolver resolves stored {@code TaskRef}s
   * @param schedulerId this scheduler's id, not blank
   * @param listener where the store reports to the scheduler
   */
  public JobStoreContext(
      String alias,
      Clock clock,
      ZoneId timezone,
      TaskResolver taskResolver,
      String schedulerId,
      JobStoreListener listener) {
    this(
        alias,
        clock,
        timezone,
        taskResolver,
        schedulerId,
        listener,
        JobFactory.of(clock, timezone, taskResolver, JobDefaults.ofDefaults()));
  }
}

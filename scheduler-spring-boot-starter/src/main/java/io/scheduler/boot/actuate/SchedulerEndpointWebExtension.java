package io.scheduler.boot.actuate;

import io.scheduler.boot.actuate.SchedulerEndpoint.JobDescriptor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The HTTP side of {@link SchedulerEndpoint}: a write or delete that names an unknown job answers
 * 404 (without it, an empty answer to a write is 204).
 */
@EndpointWebExtension(endpoint = SchedulerEndpoint.class)
public class SchedulerEndpointWebExtension {

  private final SchedulerEndpoint delegate;

  /**
   * Creates the extension.
   *
   * @param delegate the endpoint
   */
  public SchedulerEndpointWebExtension(SchedulerEndpoint delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * Changes one job, as {@link SchedulerEndpoint#changeJob}.
   *
   * @param jobId the job id
   * @param action {@code pause}, {@code resume} or {@code run}
   * @return the job afterwards, or 404
   */
  @WriteOperation
  public WebEndpointResponse<JobDescriptor> changeJob(@Selector String jobId, String action) {
    return orNotFound(delegate.changeJob(jobId, action));
  }

  /**
   * Removes a job, as {@link SchedulerEndpoint#removeJob}.
   *
   * @param jobId the job id
   * @return the job as it was, or 404
   */
  @DeleteOperation
  public WebEndpointResponse<JobDescriptor> removeJob(@Selector String jobId) {
    return orNotFound(delegate.removeJob(jobId));
  }

  private static WebEndpointResponse<JobDescriptor> orNotFound(@Nullable JobDescriptor job) {
    return job != null
        ? new WebEndpointResponse<>(job)
        : new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
  }
}

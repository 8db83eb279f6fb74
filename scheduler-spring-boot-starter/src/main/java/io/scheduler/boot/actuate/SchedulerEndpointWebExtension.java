package io.scheduler.boot.actuate;

import io.scheduler.boot.actuate.SchedulerEndpoint.JobDescriptor;
import io.scheduler.boot.actuate.SchedulerEndpoint.JobDetailsDescriptor;
import io.scheduler.boot.actuate.SchedulerEndpoint.RunRefusedException;
import io.scheduler.boot.actuate.SchedulerEndpoint.SchedulerStateDescriptor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.util.MimeType;

/**
 * The HTTP side of {@link SchedulerEndpoint}: every 4xx answer is an RFC 9457 problem detail
 * ({@code application/problem+json}, {@link Problem}) naming the request field and its value: 400
 * for a missing or unknown action or a bad {@code count}, 404 for an unknown job id, 409 for a run
 * refused by the job's instance limit or a state change the scheduler refuses.
 */
@EndpointWebExtension(endpoint = SchedulerEndpoint.class)
@RegisterReflectionForBinding(SchedulerEndpointWebExtension.Problem.class)
public class SchedulerEndpointWebExtension {

  /** The media type of problem details (RFC 9457). */
  public static final MimeType PROBLEM_JSON = MimeType.valueOf("application/problem+json");

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
   * Describes one job, as {@link SchedulerEndpoint#job}.
   *
   * @param jobId the job id
   * @param count how many fire times to preview
   * @return the job, or a 400 or 404 problem
   */
  @ReadOperation
  public WebEndpointResponse<OperationResponseBody> job(
      @Selector String jobId, @Nullable Integer count) {
    JobDetailsDescriptor job;
    try {
      job = delegate.job(jobId, count);
    } catch (InvalidEndpointRequestException e) {
      return problem(400, "count", count, e.getReason());
    }
    return job != null ? new WebEndpointResponse<>(job) : unknownJob(jobId);
  }

  /**
   * Pauses or resumes job processing, as {@link SchedulerEndpoint#changeState}.
   *
   * @param action {@code pause} or {@code resume}
   * @return the scheduler's state, or a 400 or 409 problem
   */
  @WriteOperation
  public WebEndpointResponse<OperationResponseBody> changeState(@Nullable String action) {
    if (action == null) {
      return missingAction("pause or resume");
    }
    try {
      SchedulerStateDescriptor state = delegate.changeState(action);
      return new WebEndpointResponse<>(state);
    } catch (InvalidEndpointRequestException e) {
      boolean known = action.equalsIgnoreCase("pause") || action.equalsIgnoreCase("resume");
      return problem(known ? 409 : 400, "action", action, e.getReason());
    }
  }

  /**
   * Changes one job, as {@link SchedulerEndpoint#changeJob}.
   *
   * @param jobId the job id
   * @param action {@code pause}, {@code resume} or {@code run}
   * @return the job afterwards, or a 400, 404 or 409 problem
   */
  @WriteOperation
  public WebEndpointResponse<OperationResponseBody> changeJob(
      @Selector String jobId, @Nullable String action) {
    if (action == null) {
      return missingAction("pause, resume or run");
    }
    JobDescriptor job;
    try {
      job = delegate.changeJob(jobId, action);
    } catch (RunRefusedException e) {
      return problem(409, "jobId", jobId, e.getReason());
    } catch (InvalidEndpointRequestException e) {
      return problem(400, "action", action, e.getReason());
    }
    return job != null ? new WebEndpointResponse<>(job) : unknownJob(jobId);
  }

  /**
   * Removes a job, as {@link SchedulerEndpoint#removeJob}.
   *
   * @param jobId the job id
   * @return the job as it was, or a 404 problem
   */
  @DeleteOperation
  public WebEndpointResponse<OperationResponseBody> removeJob(@Selector String jobId) {
    JobDescriptor job = delegate.removeJob(jobId);
    return job != null ? new WebEndpointResponse<>(job) : unknownJob(jobId);
  }

  private static WebEndpointResponse<OperationResponseBody> unknownJob(String jobId) {
    return problem(404, "jobId", jobId, "no job has the id '" + jobId + "'");
  }

  private static WebEndpointResponse<OperationResponseBody> missingAction(String expected) {
    return problem(400, "action", null, "action must be " + expected + ", but was not given");
  }

  private static WebEndpointResponse<OperationResponseBody> problem(
      int status, String field, @Nullable Object value, String detail) {
    return new WebEndpointResponse<>(
        new Problem("about:blank", title(status), status, detail, field, value),
        status,
        PROBLEM_JSON);
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      default -> "Conflict";
    };
  }

  /**
   * An RFC 9457 problem detail, with the request field at fault and its value as extension members.
   *
   * @param type {@code about:blank}: the status says what went wrong
   * @param title the status's reason phrase
   * @param status the HTTP status
   * @param detail what was wrong, naming the field and the value
   * @param field the request field at fault: {@code action}, {@code jobId} or {@code count}
   * @param value the value it had, or {@code null} when it was missing
   */
  public record Problem(
      String type, String title, int status, String detail, String field, @Nullable Object value)
      implements OperationResponseBody {}
}

package io.scheduler.boot.discovery;

import org.jspecify.annotations.Nullable;

/**
 * A {@code @ScheduledJob} method cannot become a job: a bad attribute, signature or trigger, or an
 * id already in use. The message names the bean and the method: {@code Encountered
 * invalid @ScheduledJob method 'report' of bean 'reports': ...}.
 */
public class InvalidScheduledJobException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String beanName;
  private final String methodName;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param beanName the bean that declares the method
   * @param methodName the method's name
   * @param reason what is wrong and what is allowed
   * @param cause the underlying failure, or {@code null}
   */
  public InvalidScheduledJobException(
      String beanName, String methodName, String reason, @Nullable Throwable cause) {
    super(
        "Encountered invalid @ScheduledJob method '"
            + methodName
            + "' of bean '"
            + beanName
            + "': "
            + reason,
        cause);
    this.beanName = beanName;
    this.methodName = methodName;
    this.reason = reason;
  }

  /**
   * Returns the name of the bean that declares the method.
   *
   * @return the bean name
   */
  public String beanName() {
    return beanName;
  }

  /**
   * Returns the method's name.
   *
   * @return the method name
   */
  public String methodName() {
    return methodName;
  }

  /**
   * Returns what is wrong.
   *
   * @return the reason, without the bean and method
   */
  public String reason() {
    return reason;
  }
}

package io.scheduler.job;

import static io.scheduler.internal.Require.requireArgument;

import java.util.regex.Pattern;

/**
 * A task named by text, so a job can be stored and reloaded: {@code com.example.Reports::daily}
 * names a public static method, {@code bean:reportService#daily} a method of a Spring bean
 * (resolved by the Spring Boot starter). APScheduler's {@code 'package.module:func'} references,
 * the Java way.
 *
 * @param value the reference text
 */
public record TaskRef(String value) {

  private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
  private static final Pattern CLASS_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
  private static final String BEAN_PREFIX = "bean:";

  /**
   * Validates the reference text.
   *
   * @param value {@code fully.qualified.Class::method} or {@code bean:beanName#method}
   */
  public TaskRef {
    requireArgument(value != null, "taskRef must not be null");
    if (value.startsWith(BEAN_PREFIX)) {
      int hash = value.indexOf('#');
      requireArgument(
          hash > BEAN_PREFIX.length()
              && hash == value.lastIndexOf('#')
              && IDENTIFIER.matcher(value.substring(hash + 1)).matches(),
          "taskRef must look like 'bean:beanName#method', but was '%s'",
          value);
    } else {
      int colons = value.indexOf("::");
      requireArgument(
          colons > 0
              && colons == value.lastIndexOf("::")
              && CLASS_NAME.matcher(value.substring(0, colons)).matches()
              && IDENTIFIER.matcher(value.substring(colons + 2)).matches(),
          "taskRef must look like 'com.example.Type::method' or 'bean:beanName#method', but was"
              + " '%s'",
          value);
    }
  }

  /**
   * Parses a reference.
   *
   * @param value {@code fully.qualified.Class::method} or {@code bean:beanName#method}
   * @return the reference
   */
  public static TaskRef of(String value) {
    return new TaskRef(value);
  }

  /**
   * Returns whether this names a Spring bean's method.
   *
   * @return true for {@code bean:} references
   */
  public boolean isBean() {
    return value.startsWith(BEAN_PREFIX);
  }

  /**
   * Returns the class name of a static-method reference, or the bean name of a bean reference.
   *
   * @return the part before {@code ::} or between {@code bean:} and {@code #}
   */
  public String target() {
    return isBean()
        ? value.substring(BEAN_PREFIX.length(), value.indexOf('#'))
        : value.substring(0, value.indexOf("::"));
  }

  /**
   * Returns the method name.
   *
   * @return the part after {@code ::} or {@code #}
   */
  public String method() {
    return isBean()
        ? value.substring(value.indexOf('#') + 1)
        : value.substring(value.indexOf("::") + 2);
  }

  @Override
  public String toString() {
    return value;
  }
}

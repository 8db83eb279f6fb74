package io.scheduler.job;

import static io.scheduler.internal.Require.requireArgument;

/**
 * A task named by text, so a job can be stored and reloaded: {@code com.example.Reports::daily}
 * names a public static method, {@code bean:reportService#daily} a method of a Spring bean
 * (resolved by the Spring Boot starter). APScheduler's {@code 'package.module:func'} references,
 * the Java way.
 *
 * @param value the reference text
 */
public record TaskRef(String value) {

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
              && isIdentifier(value, hash + 1, value.length()),
          "taskRef must look like 'bean:beanName#method', but was '%s'",
          value);
    } else {
      int colons = value.indexOf("::");
      requireArgument(
          colons > 0
              && colons == value.lastIndexOf("::")
              && isClassName(value, colons)
              && isIdentifier(value, colons + 2, value.length()),
          "taskRef must look like 'com.example.Type::method' or 'bean:beanName#method', but was"
              + " '%s'",
          value);
    }
  }

  /** Whether {@code text[0, end)} is dot-separated identifiers. */
  private static boolean isClassName(String text, int end) {
    int from = 0;
    for (int dot = text.indexOf('.'); dot >= 0 && dot < end; dot = text.indexOf('.', from)) {
      if (!isIdentifier(text, from, dot)) {
        return false;
      }
      from = dot + 1;
    }
    return isIdentifier(text, from, end);
  }

  /**
   * Whether {@code text[from, to)} is a letter, {@code _} or {@code $} followed by letters, numbers
   * (Unicode categories L and N), {@code _} and {@code $}. (Stores check the reference of every job
   * they load, so no pattern.)
   */
  private static boolean isIdentifier(String text, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; ) {
      int c = text.codePointAt(i);
      boolean valid =
          Character.isLetter(c)
              || c == '_'
              || c == '$'
              || (i > from && isNumber(Character.getType(c)));
      if (!valid) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  private static boolean isNumber(int type) {
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
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

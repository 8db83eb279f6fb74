package io.scheduler.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Fail-fast checks with messages in the house style: "maxInstances must be ..., but was 0". */
public final class Require {

  private Require() {}

  /**
   * Throws {@link IllegalArgumentException} when {@code condition} is false.
   *
   * @param condition the condition that must hold
   * @param template the message, with {@code %s} placeholders
   * @param args the values for the placeholders
   */
  public static void requireArgument(boolean condition, String template, @Nullable Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(template, args));
    }
  }

  /**
   * Throws {@link IllegalStateException} when {@code condition} is false.
   *
   * @param condition the condition that must hold
   * @param template the message, with {@code %s} placeholders
   * @param args the values for the placeholders
   */
  public static void requireState(boolean condition, String template, @Nullable Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(template, args));
    }
  }

  /**
   * Returns {@code value}, or throws {@link NullPointerException} naming it when it is null.
   *
   * @param value the value to check
   * @param name the parameter name used in the message
   * @param <T> the value type
   * @return the value
   */
  public static <T> T requireNonNull(@Nullable T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  /**
   * Checks that a duration is positive.
   *
   * @param value the duration
   * @param name the parameter name used in the message
   * @return the duration
   * @throws IllegalArgumentException naming the parameter and value when it is null, zero or
   *     negative
   */
  public static Duration requirePositive(@Nullable Duration value, String name) {
    requireArgument(
        value != null && !value.isNegative() && !value.isZero(),
        "%s must be positive, but was %s",
        name,
        value);
    return value;
  }
}

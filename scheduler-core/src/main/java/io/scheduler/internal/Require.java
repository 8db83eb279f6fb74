package io.scheduler.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Fail-fast checks with messages in the house style: "maxInstances must be ..., but was 0". */
public final class Require {

  /**
   * The earliest instant every store can hold: persistent stores keep run times as microseconds
   * since the epoch in a {@code long} ({@code io.scheduler.store.StoredTimes}).
   */
  public static final Instant EARLIEST_STORABLE =
      Instant.ofEpochSecond(
          Math.floorDiv(Long.MIN_VALUE, 1_000_000L),
          Math.floorMod(Long.MIN_VALUE, 1_000_000L) * 1000L);

  /** The latest instant every store can hold (see {@link #EARLIEST_STORABLE}). */
  public static final Instant LATEST_STORABLE =
      Instant.ofEpochSecond(
          Math.floorDiv(Long.MAX_VALUE, 1_000_000L),
          Math.floorMod(Long.MAX_VALUE, 1_000_000L) * 1000L);

  private static final int SHOWN_CHARS = 64;

  private Require() {}

  /**
   * Throws {@link IllegalArgumentException} with {@code message} when {@code condition} is false.
   * This and the one-value form spare a checked call on a hot path (adding a job) the array that a
   * variable-arity call allocates whether or not the check fails.
   *
   * @param condition the condition that must hold
   * @param message the message
   */
  public static void requireArgument(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * Throws {@link IllegalArgumentException} when {@code condition} is false.
   *
   * @param condition the condition that must hold
   * @param template the message, with one {@code %s} placeholder
   * @param value the value for the placeholder
   */
  public static void requireArgument(boolean condition, String template, @Nullable Object value) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(template, value));
    }
  }

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

  /**
   * Checks that an instant is one every store can hold, from {@link #EARLIEST_STORABLE} to {@link
   * #LATEST_STORABLE}.
   *
   * @param time the instant, or {@code null} (nothing to check)
   * @param name the parameter name used in the message
   * @return the instant
   * @throws IllegalArgumentException naming the parameter and value when it is out of that range
   */
  public static @Nullable Instant requireStorable(@Nullable Instant time, String name) {
    if (time != null
        // whole seconds strictly inside the range settle it with two comparisons of longs
        && (time.getEpochSecond() <= EARLIEST_STORABLE.getEpochSecond()
            || time.getEpochSecond() >= LATEST_STORABLE.getEpochSecond())
        && (time.isBefore(EARLIEST_STORABLE) || time.isAfter(LATEST_STORABLE))) {
      throw new IllegalArgumentException(
          name
              + " must be between "
              + EARLIEST_STORABLE
              + " and "
              + LATEST_STORABLE
              + " (what job stores can hold), but was "
              + time);
    }
    return time;
  }

  /**
   * Returns text for a message quoting a user's value: control characters as Java escapes, and at
   * most 64 characters of a long text, followed by its length.
   *
   * @param text the text
   * @return the quoted text, in single quotes
   */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), SHOWN_CHARS) + 32).append('\'');
    int shown = Math.min(text.length(), SHOWN_CHARS);
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('\'');
    if (shown < text.length()) {
      out.insert(out.length() - 1, "...").append(" (").append(text.length()).append(" characters)");
    }
    return out.toString();
  }
}

package io.scheduler.internal;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** Option-key spelling: one canonical snake_case form, and did-you-mean hints for typos. */
public final class Keys {

  private Keys() {}

  /**
   * Returns the snake_case form of a key: {@code dayOfWeek} and {@code day-of-week} become {@code
   * day_of_week}.
   *
   * @param key the key as written
   * @return the canonical key
   */
  public static String snakeCase(String key) {
    if (isSnakeCase(key)) {
      return key;
    }
    StringBuilder out = new StringBuilder(key.length() + 4);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '-') {
        out.append('_');
      } else if (Character.isUpperCase(c)) {
        if (i > 0 && key.charAt(i - 1) != '_' && key.charAt(i - 1) != '-') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isSnakeCase(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '-' || Character.isUpperCase(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns {@code "; did you mean 'x'?"} for the closest allowed key, or an empty string when none
   * is close enough to be a likely typo.
   *
   * @param key the unknown key
   * @param allowed the keys that would have been accepted
   * @return the hint, starting with "; ", or ""
   */
  public static String didYouMean(String key, Collection<String> allowed) {
    @Nullable String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : allowed) {
      int distance = distance(key, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(2, key.length() / 3)
        ? "; did you mean '" + best + "'?"
        : "";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

package io.scheduler.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for values kept as JSON (the args and kwargs of a persistent job): {@code null},
 * {@link String}, {@link Boolean}, whole numbers ({@link Integer}, {@link Long}, {@link Short},
 * {@link Byte}, {@link BigInteger}), {@link BigDecimal}, finite {@link Double} and {@link Float},
 * and {@link List}s and {@link Map}s with {@link String} keys of such values, nested at most
 * {@value #MAX_DEPTH} deep and without cycles. Checking walks the value once and allocates nothing
 * for a valid one but the iterators of its maps.
 */
public final class JsonValues {

  /** The deepest nesting of lists and maps accepted. */
  public static final int MAX_DEPTH = 32;

  private static final String TOO_DEEP = " is nested more than " + MAX_DEPTH + " levels deep";

  private JsonValues() {}

  /**
   * Returns what keeps a value from being a JSON value, phrased to follow its name ({@code
   * "args[0]" + problem}), or {@code null} when it is one.
   *
   * @param value the value
   * @return the problem, or {@code null}
   */
  public static @Nullable String problem(@Nullable Object value) {
    String problem = problem(value, 0, true);
    return problem != TOO_DEEP ? problem : deepOrCyclic(value);
  }

  /**
   * Returns whether a value's lists and maps are nested too deep or contain themselves (which would
   * overflow the stack of whatever walks them), phrased as {@link #problem}, or {@code null}.
   *
   * @param value the value
   * @return the problem, or {@code null}
   */
  public static @Nullable String nestingProblem(@Nullable Object value) {
    String problem = problem(value, 0, false);
    return problem == null ? null : deepOrCyclic(value);
  }

  private static @Nullable String problem(@Nullable Object value, int depth, boolean types) {
    if (value instanceof List<?> list) {
      if (depth == MAX_DEPTH) {
        return TOO_DEEP;
      }
      if (list instanceof RandomAccess) {
        for (int i = 0; i < list.size(); i++) {
          String problem = problem(list.get(i), depth + 1, types);
          if (problem != null) {
            return problem == TOO_DEEP ? problem : "[" + i + "]" + problem;
          }
        }
      } else {
        int i = 0;
        for (Object element : list) {
          String problem = problem(element, depth + 1, types);
          if (problem != null) {
            return problem == TOO_DEEP ? problem : "[" + i + "]" + problem;
          }
          i++;
        }
      }
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      if (depth == MAX_DEPTH) {
        return TOO_DEEP;
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object key = entry.getKey();
        if (types && !(key instanceof String)) {
          return " has a key "
              + key
              + " of type "
              + (key == null ? "null" : key.getClass().getName())
              + " (JSON object keys are strings)";
        }
        String problem = problem(entry.getValue(), depth + 1, types);
        if (problem != null) {
          return problem == TOO_DEEP ? problem : "['" + key + "']" + problem;
        }
      }
      return null;
    }
    if (!types
        || value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof BigDecimal
        || value instanceof BigInteger
        || value instanceof Short
        || value instanceof Byte) {
      return null;
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      return Double.isFinite(number) ? null : " is " + number + ", which JSON cannot hold";
    }
    return " of type "
        + value.getClass().getName()
        + " has no JSON form (a JSON value is a String, Number, Boolean, null, or a List or Map"
        + " with String keys of such values)";
  }

  private static String deepOrCyclic(@Nullable Object value) {
    return contains(value, Collections.newSetFromMap(new IdentityHashMap<>()))
        ? " contains itself (a cyclic structure has no JSON form)"
        : TOO_DEEP;
  }

  /** Whether a list or map is reached again below itself, walking at most MAX_DEPTH + 1 levels. */
  private static boolean contains(@Nullable Object value, Set<Object> path) {
    if (!(value instanceof List<?> || value instanceof Map<?, ?>)) {
      return false;
    }
    if (!path.add(value)) {
      return true;
    }
    if (path.size() <= MAX_DEPTH + 1) {
      Iterable<?> children = value instanceof Map<?, ?> map ? map.values() : (List<?>) value;
      for (Object child : children) {
        if (contains(child, path)) {
          return true;
        }
      }
    }
    path.remove(value);
    return false;
  }
}

package io.scheduler.trigger.cron;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses the numeric items every dialect shares: {@code *}, {@code *&#47;n}, {@code a}, {@code
 * a-b}, {@code a-b/n}, {@code a/n} and names, with the checks APScheduler applies (a range does not
 * wrap, a step is at least 1 and, outside Spring's dialect, fits inside its range).
 */
final class ValueParser {

  private final FieldSpec spec;
  private final Dialect dialect;
  private final FieldError error;
  private final boolean sundayClosesRangeAsSeven;

  ValueParser(FieldSpec spec, Dialect dialect, FieldError error) {
    this(spec, dialect, error, false);
  }

  /**
   * @param sundayClosesRangeAsSeven crontab weekdays: {@code fri-sun} means 5-7
   */
  ValueParser(FieldSpec spec, Dialect dialect, FieldError error, boolean sundayClosesRangeAsSeven) {
    this.spec = spec;
    this.dialect = dialect;
    this.error = error;
    this.sundayClosesRangeAsSeven = sundayClosesRangeAsSeven;
  }

  /** Splits a comma list into trimmed items, rejecting empty ones ({@code 1,,2}). */
  static List<String> items(String text, FieldError error) {
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      throw error.of("the field is empty");
    }
    List<String> items = new ArrayList<>();
    for (String raw : trimmed.split(",", -1)) {
      String item = raw.trim();
      if (item.isEmpty()) {
        throw error.of("empty item in the list");
      }
      items.add(item);
    }
    return items;
  }

  /** Parses every item of a purely numeric field into one bit mask. */
  long parseMask(String text) {
    long mask = 0;
    for (String item : items(text, error)) {
      mask |= parse(item).toMask();
    }
    return mask;
  }

  /** Parses every item of a purely numeric field into ranges (for fields wider than a long). */
  List<ValueRange> parseRanges(String text) {
    List<ValueRange> ranges = new ArrayList<>();
    for (String item : items(text, error)) {
      ranges.add(parse(item));
    }
    return ranges;
  }

  /** Parses one item. */
  ValueRange parse(String item) {
    int slash = item.indexOf('/');
    String rangePart = slash < 0 ? item : item.substring(0, slash);
    @Nullable String stepPart = slash < 0 ? null : item.substring(slash + 1);
    int start;
    int end;
    boolean named = false;
    if (rangePart.equals("*")) {
      start = spec.starMin();
      end = spec.max();
    } else {
      int dash = rangePart.indexOf('-', 1);
      if (dash < 0) {
        named = isName(rangePart);
        start = value(rangePart, false);
        end = stepPart == null ? start : spec.max();
      } else {
        String first = rangePart.substring(0, dash);
        String last = rangePart.substring(dash + 1);
        named = isName(first) || isName(last);
        start = value(first, false);
        end = value(last, sundayClosesRangeAsSeven);
        if (dialect == Dialect.SPRING && spec.name().equals("day_of_week") && start == 7) {
          start = 0; // Spring: Sunday opening a range means 0
        }
        if (start > end) {
          throw error.of(
              "range "
                  + rangePart
                  + " is inverted (start after end); ranges do not wrap, use a list instead");
        }
      }
    }
    if (stepPart == null) {
      return new ValueRange(start, end, 1);
    }
    if (named && dialect != Dialect.SPRING) {
      // Spring replaces names by numbers before parsing, so MON-FRI/2 is Mon, Wed, Fri there.
      throw error.of("a step cannot follow names ('" + item + "'); use numbers");
    }
    int step = number(stepPart, "step");
    if (step < 1) {
      throw error.of("step " + step + " must be at least 1");
    }
    if (dialect.stepMustFitRange() && step > end - start) {
      throw error.of(
          "step " + step + " is larger than the range " + start + "-" + end + " ('" + item + "')");
    }
    return new ValueRange(start, end, step);
  }

  private boolean isName(String text) {
    return !text.isEmpty() && Character.isLetter(text.charAt(0));
  }

  private int value(String text, boolean sundayAsSeven) {
    int v;
    if (isName(text)) {
      Integer named = spec.nameValue(text);
      if (named == null) {
        throw error.of(unknownName(text));
      }
      v = sundayAsSeven && named == 0 ? 7 : named;
    } else {
      v = number(text, "value");
    }
    if (v < spec.min() || v > spec.max()) {
      throw error.of(v + " is out of range " + spec.range());
    }
    return v;
  }

  private String unknownName(String text) {
    if (spec.names().isEmpty()) {
      return "'" + text + "' is not a number (names are not allowed in this field)";
    }
    String kind = spec.names().containsKey("jan") ? "month" : "weekday";
    String allowed = spec.names().containsKey("jan") ? "jan..dec" : "mon..sun";
    return "unknown " + kind + " name '" + text + "' (expected " + allowed + ")";
  }

  private int number(String text, String what) {
    if (text.isEmpty()) {
      throw error.of("missing " + what);
    }
    if (!isNumber(text)) {
      throw error.of("'" + text + "' is not a number");
    }
    return Integer.parseInt(text);
  }

  /** Whether {@code text} is 1 to 9 ASCII digits, so it parses as a non-negative int. */
  static boolean isNumber(String text) {
    if (text.isEmpty() || text.length() > 9) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}

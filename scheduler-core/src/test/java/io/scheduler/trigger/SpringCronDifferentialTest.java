package io.scheduler.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.scheduling.support.CronExpression;

/**
 * Differential test of the six-field dialect ({@link CronTrigger#parse}) against Spring's {@link
 * CronExpression}, which DESIGN §2 names as the reference for its syntax and results.
 *
 * <p>Random expressions (fixed seed) cover every form Spring accepts: {@code *}, {@code ?}, values,
 * ranges, steps, lists, month and weekday names, weekdays 0-7 and Quartz's {@code L}, {@code L-n},
 * {@code LW}, {@code nW}, {@code nL} and {@code n#k}. Each is walked for five fire times from a
 * random instant in one of several zones. Spring's {@code ZonedDateTime} arithmetic is not the
 * wall-clock model of DESIGN §4, so a case whose walk comes near a DST transition is skipped.
 */
class SpringCronDifferentialTest {

  private static final long SEED = 0x5EED_C70E_2026L;

  private static final int REQUIRED_COMPARISONS = 10_000;

  private static final int MAX_EXPRESSIONS = 200_000;

  private static final int FIRES = 5;

  private static final int MAX_REPORTED_FAILURES = 15;

  private static final List<ZoneId> ZONES =
      Stream.of(
              "UTC",
              "Europe/Berlin",
              "America/New_York",
              "Asia/Kolkata",
              "Australia/Lord_Howe",
              "America/Sao_Paulo",
              "Pacific/Chatham")
          .map(ZoneId::of)
          .toList();

  private static final long FIRST_START =
      LocalDate.of(2000, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();

  private static final long END_OF_STARTS =
      LocalDate.of(2041, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();

  private static final String[] MONTH_NAMES = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
  };

  /** Spring's weekday names; index + 1 is the number Spring gives them (MON 1 .. SUN 7). */
  private static final String[] WEEKDAY_NAMES = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

  @Test
  void agreesWithSpringOnFiveFireTimesOfRandomExpressions() {
    SplittableRandom random = new SplittableRandom(SEED);
    Tally tally = new Tally();
    while (tally.compared < REQUIRED_COMPARISONS && tally.generated < MAX_EXPRESSIONS) {
      String expression = randomExpression(random);
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      ZonedDateTime start = randomStart(random, zone);
      tally.generated++;
      CronExpression spring;
      try {
        spring = CronExpression.parse(expression);
      } catch (IllegalArgumentException rejectedBySpring) {
        tally.rejectedBySpring++;
        continue;
      }
      tally.record(compare(expression, spring, zone, start));
    }
    System.out.println(
        "SpringCronDifferentialTest: "
            + tally.generated
            + " expressions generated, "
            + tally.rejectedBySpring
            + " rejected by Spring, "
            + tally.compared
            + " cases compared ("
            + tally.finishedEarly
            + " where Spring finds fewer than "
            + FIRES
            + " fire times), "
            + tally.skippedNearTransition
            + " skipped near a DST transition, "
            + tally.rejectedByUs
            + " accepted by Spring but rejected by us, "
            + tally.different
            + " with different fire times");

    SoftAssertions.assertSoftly(
        softly -> {
          softly
              .assertThat(tally.differences)
              .as(
                  "%d of %d compared cases have fire times other than Spring's (first %d shown)",
                  tally.different, tally.compared, tally.differences.size())
              .isEmpty();
          softly
              .assertThat(tally.rejections)
              .as(
                  "%d of %d compared expressions are accepted by Spring but rejected by us"
                      + " (first %d shown)",
                  tally.rejectedByUs, tally.compared, tally.rejections.size())
              .isEmpty();
          softly
              .assertThat(tally.compared)
              .as("cases compared (not skipped) after %d expressions", tally.generated)
              .isGreaterThanOrEqualTo(REQUIRED_COMPARISONS);
        });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "0 0 0 29 2 MON",
        "0 0 12 LW * ?",
        "0 0 12 1W * ?",
        "0 0 12 15W * ?",
        "0 0 12 30W * ?",
        "0 0 12 31W * ?",
        "0 0 12 ? * 5#5",
        "0 0 12 ? * FRI#5",
        "0 0 12 ? * 0#1",
        "0 0 0 ? * */2",
        "0 0 0 ? * 0/2",
        "0 0 0 ? * 7/2",
        "0 0 12 L-3 * ?",
        "0 0 12 L-20 FEB ?",
        "0 0 12 L * ?",
        "0 0 12 L * 6L",
        "0 0 12 ? * SUNL",
        "0 0 0 ? * FRI-SUN",
        "0 0 0 ? * SUN-TUE",
        "0 0 0 ? * 7-2",
        "0 0 0 ? * 7-7",
        "0 0 0 ? * 0-7",
        "0 0 0 13 * FRI",
        "0 30 9 ? JAN-JUN/2 MON-FRI",
        "0 0 0 ? * MON-FRI/2",
        "0 0 0 1 JUN/4 ?",
        "0 0 0 ? * SUN-TUE/2",
        "*/20 */30 23 L,1,15W * ?",
        "59 59 23 31 12 ?",
        "0 0 0 30 2 ?"
      })
  void agreesWithSpringOnTrickyExpressions(String expression) {
    CronExpression spring = CronExpression.parse(expression);
    List<String> disagreements = new ArrayList<>();
    for (ZoneId zone : List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"))) {
      for (String start :
          List.of(
              "2021-01-01T00:00:00",
              "2024-02-28T12:00:00",
              "2024-03-29T23:59:59.5",
              "2025-11-30T12:00:00",
              "2026-05-31T00:00:01",
              "2039-12-31T12:00:00")) {
        Outcome outcome =
            compare(expression, spring, zone, ZonedDateTime.of(LocalDateTime.parse(start), zone));
        if (outcome.kind() == Kind.DISAGREES || outcome.kind() == Kind.WE_REJECT) {
          disagreements.add(outcome.message());
        }
      }
    }
    assertThat(disagreements).as("disagreements with Spring for '%s'", expression).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // One case: five fire times from Spring and from us.

  private enum Kind {
    AGREES,
    AGREES_FINISHED_EARLY,
    NEAR_TRANSITION,
    WE_REJECT,
    DISAGREES
  }

  private record Outcome(Kind kind, String message) {}

  private static Outcome compare(
      String expression, CronExpression spring, ZoneId zone, ZonedDateTime start) {
    List<ZonedDateTime> expected = springFires(spring, start);
    Instant last =
        expected.isEmpty() ? start.toInstant() : expected.get(expected.size() - 1).toInstant();
    if (touchesTransition(zone, start.toInstant(), last.plus(Duration.ofDays(1)))) {
      return new Outcome(Kind.NEAR_TRANSITION, "");
    }
    CronTrigger trigger;
    try {
      trigger = CronTrigger.parse(expression, zone);
    } catch (RuntimeException e) {
      return new Outcome(
          Kind.WE_REJECT,
          describe(expression, zone, start)
              + "\n  Spring accepts it, we reject it: "
              + e.getMessage());
    }
    List<ZonedDateTime> actual;
    try {
      actual = ourFires(trigger, start, Math.min(FIRES, expected.size() + 1));
    } catch (RuntimeException e) {
      return new Outcome(
          Kind.DISAGREES,
          describe(expression, zone, start)
              + "\n  spring: "
              + render(expected)
              + "\n  ours threw "
              + e);
    }
    if (!instants(actual).equals(instants(expected))) {
      return new Outcome(
          Kind.DISAGREES,
          describe(expression, zone, start)
              + "\n  spring: "
              + render(expected)
              + (expected.size() < FIRES ? " then none" : "")
              + "\n  ours:   "
              + render(actual)
              + (actual.size() < Math.min(FIRES, expected.size() + 1) ? " then none" : ""));
    }
    return new Outcome(expected.size() < FIRES ? Kind.AGREES_FINISHED_EARLY : Kind.AGREES, "");
  }

  /**
   * Spring's next fire times; its {@code next} is strictly after, ours at-or-after, {@code now}.
   */
  private static List<ZonedDateTime> springFires(CronExpression spring, ZonedDateTime start) {
    List<ZonedDateTime> fires = new ArrayList<>();
    ZonedDateTime fire = spring.next(start.minusNanos(1));
    while (fire != null && fires.size() < FIRES) {
      fires.add(fire);
      fire = fires.size() < FIRES ? spring.next(fire) : null;
    }
    return fires;
  }

  /** Our walk: first at or after {@code start}, then each strictly after the previous one. */
  private static List<ZonedDateTime> ourFires(CronTrigger trigger, ZonedDateTime start, int max) {
    List<ZonedDateTime> fires = new ArrayList<>();
    Optional<ZonedDateTime> fire = trigger.nextFireTime(null, start);
    while (fire.isPresent() && fires.size() < max) {
      fires.add(fire.get());
      if (fires.size() < max) {
        fire = trigger.nextFireTime(fire.get(), fire.get());
      }
    }
    return fires;
  }

  /** Whether the zone changes its offset between {@code from} and {@code to}. */
  private static boolean touchesTransition(ZoneId zone, Instant from, Instant to) {
    ZoneOffsetTransition next = zone.getRules().nextTransition(from.minusSeconds(1));
    return next != null && !next.getInstant().isAfter(to);
  }

  private static List<Instant> instants(List<ZonedDateTime> times) {
    return times.stream().map(ZonedDateTime::toInstant).toList();
  }

  private static String describe(String expression, ZoneId zone, ZonedDateTime start) {
    return "'" + expression + "' in " + zone + " from " + start.toOffsetDateTime();
  }

  private static String render(List<ZonedDateTime> times) {
    return times.stream()
        .map(time -> time.toOffsetDateTime().toString())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static final class Tally {
    int generated;
    int rejectedBySpring;
    int compared;
    int finishedEarly;
    int skippedNearTransition;
    int rejectedByUs;
    int different;
    final List<String> rejections = new ArrayList<>();
    final List<String> differences = new ArrayList<>();

    void record(Outcome outcome) {
      switch (outcome.kind()) {
        case NEAR_TRANSITION -> skippedNearTransition++;
        case AGREES -> compared++;
        case AGREES_FINISHED_EARLY -> {
          compared++;
          finishedEarly++;
        }
        case WE_REJECT -> {
          compared++;
          rejectedByUs++;
          if (rejections.size() < MAX_REPORTED_FAILURES) {
            rejections.add(outcome.message());
          }
        }
        case DISAGREES -> {
          compared++;
          different++;
          if (differences.size() < MAX_REPORTED_FAILURES) {
            differences.add(outcome.message());
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Random inputs.

  private static ZonedDateTime randomStart(SplittableRandom random, ZoneId zone) {
    ZonedDateTime start =
        Instant.ofEpochSecond(random.nextLong(FIRST_START, END_OF_STARTS)).atZone(zone);
    return switch (random.nextInt(4)) {
      case 0 -> start;
      case 1 -> start.truncatedTo(ChronoUnit.MINUTES);
      case 2 -> start.truncatedTo(ChronoUnit.DAYS);
      default -> start.plusNanos(random.nextInt(1, 1_000_000_000));
    };
  }

  private static String randomExpression(SplittableRandom random) {
    return String.join(
        " ",
        numericField(random, 0, 59),
        numericField(random, 0, 59),
        numericField(random, 0, 23),
        dayOfMonthField(random),
        monthField(random),
        dayOfWeekField(random));
  }

  /** Seconds, minutes, hours: {@code *}, values, ranges, steps and lists. */
  private static String numericField(SplittableRandom random, int min, int max) {
    int kind = random.nextInt(100);
    if (kind < 20) {
      return "*";
    }
    if (kind < 45) {
      return Integer.toString(random.nextInt(min, max + 1));
    }
    if (kind < 85) {
      return numericItem(random, min, max, null);
    }
    return list(random, () -> numericItem(random, min, max, null));
  }

  private static String monthField(SplittableRandom random) {
    int kind = random.nextInt(100);
    if (kind < 45) {
      return "*";
    }
    if (kind < 85) {
      return numericItem(random, 1, 12, MONTH_NAMES);
    }
    return list(random, () -> numericItem(random, 1, 12, MONTH_NAMES));
  }

  private static String dayOfMonthField(SplittableRandom random) {
    int kind = random.nextInt(100);
    if (kind < 25) {
      return "*";
    }
    if (kind < 45) {
      return "?";
    }
    if (kind < 70) {
      return numericItem(random, 1, 31, null);
    }
    if (kind < 88) {
      return quartzDayOfMonth(random);
    }
    return list(
        random,
        () -> random.nextBoolean() ? numericItem(random, 1, 31, null) : quartzDayOfMonth(random));
  }

  private static String quartzDayOfMonth(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> "L";
      case 1 -> "L-" + random.nextInt(1, 21);
      case 2 -> "LW";
      default -> random.nextInt(1, 32) + "W";
    };
  }

  private static String dayOfWeekField(SplittableRandom random) {
    int kind = random.nextInt(100);
    if (kind < 25) {
      return "*";
    }
    if (kind < 50) {
      return "?";
    }
    if (kind < 75) {
      return weekdayItem(random);
    }
    if (kind < 90) {
      return quartzDayOfWeek(random);
    }
    return list(random, () -> random.nextBoolean() ? weekdayItem(random) : quartzDayOfWeek(random));
  }

  /** Weekday values 0-7 (0 and 7 Sunday) or names, ranges (Sunday may open one), steps. */
  private static String weekdayItem(SplittableRandom random) {
    return numericItem(random, 0, 7, WEEKDAY_NAMES);
  }

  private static String quartzDayOfWeek(SplittableRandom random) {
    String weekday =
        random.nextBoolean()
            ? Integer.toString(random.nextInt(0, 8))
            : WEEKDAY_NAMES[random.nextInt(7)];
    return random.nextBoolean() ? weekday + "L" : weekday + "#" + random.nextInt(1, 6);
  }

  /**
   * One item: a value, {@code a-b}, {@code *}/n, {@code a/n} or {@code a-b/n}. With {@code names}
   * (months, or weekdays where names[i] is i + 1), values are sometimes written as names.
   */
  private static String numericItem(
      SplittableRandom random, int min, int max, String @Nullable [] names) {
    int a = random.nextInt(min, max + 1);
    int b = random.nextInt(min, max + 1);
    if (random.nextInt(5) > 0 && a > b) {
      int swap = a;
      a = b;
      b = swap;
    }
    int span = max - min + 1;
    int step =
        random.nextInt(4) == 0 ? random.nextInt(1, span + 3) : random.nextInt(1, span / 3 + 2);
    return switch (random.nextInt(6)) {
      case 0, 1 -> value(random, a, names);
      case 2 -> value(random, a, names) + "-" + value(random, b, names);
      case 3 -> "*/" + step;
      case 4 -> value(random, a, names) + "/" + step;
      default -> value(random, a, names) + "-" + value(random, b, names) + "/" + step;
    };
  }

  private static String value(SplittableRandom random, int value, String @Nullable [] names) {
    if (names == null || random.nextInt(3) > 0) {
      return Integer.toString(value);
    }
    int index = names.length == 7 ? (value == 0 ? 6 : value - 1) : value - 1;
    String name = names[index];
    return random.nextInt(4) == 0 ? name.toLowerCase(Locale.ROOT) : name;
  }

  private static String list(SplittableRandom random, Supplier<String> item) {
    int size = random.nextInt(2, 5);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      items.add(item.get());
    }
    return String.join(",", items);
  }
}

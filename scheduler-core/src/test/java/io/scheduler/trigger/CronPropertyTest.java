package io.scheduler.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Property tests of APScheduler's keyword-form cron trigger ({@code Triggers.create("cron", ...)})
 * on random fields, dates and zones (fixed seed): fire times strictly increase, stay inside {@code
 * [start_date, end_date]} and at or after {@code now}, and every fire time's wall time matches
 * every field, checked by a reference matcher written independently here (brute force over each
 * field's range, APScheduler's semantics and defaulting rule, DESIGN §2). A fire time produced by a
 * spring-forward gap (DESIGN §4) matches when read with the offset before the transition. Brute
 * force over short windows also checks that no matching wall time is skipped.
 */
class CronPropertyTest {

  private static final long SEED = 0xC0FFEE_2026L;

  private static final int CASES = 5_000;

  private static final int COMPLETENESS_CASES = 1_500;

  private static final int FIRES = 20;

  private static final int MAX_REPORTED_FAILURES = 15;

  private static final Duration WINDOW = Duration.ofDays(2);

  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("America/New_York"),
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("America/Havana"),
          ZoneId.of("America/Sao_Paulo"),
          ZoneId.of("UTC"));

  private static final List<ZoneId> DST_ZONES = ZONES.subList(0, 5);

  private static final List<String> FIELDS =
      List.of("year", "month", "day", "week", "day_of_week", "hour", "minute", "second");

  private static final Map<String, Integer> MONTH_NAMES =
      names("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  private static final Map<String, Integer> WEEKDAY_NAMES =
      names("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private static final List<String> ORDINALS = List.of("1st", "2nd", "3rd", "4th", "5th");

  @Test
  void fireTimesIncreaseStayInsideTheirBoundsAndMatchEveryField() {
    SplittableRandom random = new SplittableRandom(SEED);
    Failures failures = new Failures();
    int fireTimes = 0;
    int gapFireTimes = 0;
    int finished = 0;
    for (int i = 0; i < CASES; i++) {
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      ZonedDateTime now = randomNow(random, zone);
      Case c = randomCase(random, zone, now, false);
      List<ZonedDateTime> fires = walk(c.trigger(), c.now(), FIRES);
      if (fires.size() < FIRES) {
        finished++;
      }
      Instant previous = null;
      for (ZonedDateTime fire : fires) {
        fireTimes++;
        String problem = problemWith(c, fire, previous);
        if (problem == null && !c.reference().matches(fire.toLocalDateTime())) {
          LocalDateTime gapWallTime = gapWallTime(zone, fire.toInstant());
          if (gapWallTime != null && c.reference().matches(gapWallTime)) {
            gapFireTimes++;
          } else {
            problem =
                "its wall time "
                    + fire.toLocalDateTime()
                    + (gapWallTime == null ? "" : " (or gap wall time " + gapWallTime + ")")
                    + " does not match the fields "
                    + c.reference();
          }
        }
        if (problem != null) {
          failures.add(
              c
                  + "\n  fire "
                  + fire.toOffsetDateTime()
                  + ": "
                  + problem
                  + "\n  walk: "
                  + render(fires));
          break;
        }
        previous = fire.toInstant();
      }
    }
    System.out.println(
        "CronPropertyTest: "
            + CASES
            + " random cases, "
            + fireTimes
            + " fire times checked ("
            + gapFireTimes
            + " produced by a spring-forward gap), "
            + finished
            + " walks finished before "
            + FIRES
            + " fire times");

    failures.assertNone(CASES);
    assertThat(fireTimes).as("fire times checked").isGreaterThan(CASES * FIRES / 2);
  }

  @Test
  void noMatchingWallTimeIsSkippedInUtc() {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    ZoneId utc = ZoneId.of("UTC");
    Failures failures = new Failures();
    int compared = 0;
    for (int i = 0; i < COMPLETENESS_CASES; i++) {
      ZonedDateTime now = randomNow(random, utc);
      Case c = randomCase(random, utc, now, true);
      compared += checkComplete(c, now.toInstant().plus(WINDOW), failures);
    }
    System.out.println(
        "CronPropertyTest: "
            + COMPLETENESS_CASES
            + " UTC windows of "
            + WINDOW
            + ", "
            + compared
            + " fire times compared with brute force");

    failures.assertNone(COMPLETENESS_CASES);
  }

  @Test
  void noMatchingWallTimeIsSkippedAcrossDstTransitions() {
    SplittableRandom random = new SplittableRandom(SEED + 2);
    Failures failures = new Failures();
    int compared = 0;
    for (int i = 0; i < COMPLETENESS_CASES; i++) {
      ZoneId zone = DST_ZONES.get(random.nextInt(DST_ZONES.size()));
      ZoneOffsetTransition transition = randomTransition(random, zone);
      ZonedDateTime now =
          transition
              .getInstant()
              .minusSeconds(random.nextLong(0, 36 * 3600))
              .plusNanos(random.nextBoolean() ? 0 : random.nextInt(1, 1_000_000_000))
              .atZone(zone);
      Case c = randomCase(random, zone, now, true);
      compared += checkComplete(c, now.toInstant().plus(WINDOW), failures);
    }
    System.out.println(
        "CronPropertyTest: "
            + COMPLETENESS_CASES
            + " windows of "
            + WINDOW
            + " around DST transitions, "
            + compared
            + " fire times compared with brute force");

    failures.assertNone(COMPLETENESS_CASES);
  }

  /**
   * Found by {@link #noMatchingWallTimeIsSkippedAcrossDstTransitions}: Lord Howe springs forward by
   * 30 minutes (02:00 +10:30 becomes 02:30 +11:00 on 2030-10-06). The gap wall time 02:10 fires at
   * 02:40 +11:00, but the real wall time 02:35 +11:00 comes before it and must fire too (DESIGN §4:
   * every matching wall time fires).
   */
  @Test
  void realWallTimesAfterAHalfHourGapFireBeforeLaterMappedGapTimes() {
    ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
    Trigger trigger = Triggers.create("cron", Map.of("hour", "2", "minute", "10,35"), lordHowe);

    List<ZonedDateTime> fires =
        walk(trigger, ZonedDateTime.of(2030, 10, 5, 0, 0, 0, 0, lordHowe), 6);

    assertThat(fires.stream().map(ZonedDateTime::toOffsetDateTime).toList())
        .containsExactly(
            OffsetDateTime.parse("2030-10-05T02:10+10:30"),
            OffsetDateTime.parse("2030-10-05T02:35+10:30"),
            OffsetDateTime.parse("2030-10-06T02:35+11:00"),
            OffsetDateTime.parse("2030-10-06T02:40+11:00"),
            OffsetDateTime.parse("2030-10-07T02:10+11:00"),
            OffsetDateTime.parse("2030-10-07T02:35+11:00"));
  }

  @Test
  void referenceMatcherFollowsTheDefaultingRule() {
    // DESIGN §2 / APScheduler: fields after the least significant given one take their minimum.
    Reference dayAndMinute = Reference.of(Map.of("day", "1", "minute", "20"));
    assertThat(dayAndMinute.matches(LocalDateTime.of(2026, 5, 1, 13, 20, 0))).isTrue();
    assertThat(dayAndMinute.matches(LocalDateTime.of(2026, 5, 1, 13, 20, 1))).isFalse();
    assertThat(dayAndMinute.matches(LocalDateTime.of(2026, 5, 2, 13, 20, 0))).isFalse();

    Reference friday = Reference.of(Map.of("day_of_week", "fri"));
    assertThat(friday.matches(LocalDateTime.of(2026, 5, 1, 0, 0))).isTrue();
    assertThat(friday.matches(LocalDateTime.of(2026, 5, 1, 0, 1))).isFalse();

    Reference week = Reference.of(Map.of("week", "10"));
    assertThat(week.matches(LocalDateTime.of(2026, 3, 3, 0, 0))).isTrue();
    assertThat(week.matches(LocalDateTime.of(2026, 3, 3, 1, 0))).isFalse();

    Reference year = Reference.of(Map.of("year", "2026"));
    assertThat(year.matches(LocalDateTime.of(2026, 1, 1, 0, 0))).isTrue();
    assertThat(year.matches(LocalDateTime.of(2026, 1, 2, 0, 0))).isFalse();

    Reference everySecond = Reference.of(Map.of());
    assertThat(everySecond.matches(LocalDateTime.of(2031, 7, 9, 17, 45, 13))).isTrue();

    Reference specials = Reference.of(Map.of("day", "2nd fri, last", "hour", "*/5"));
    assertThat(specials.matches(LocalDateTime.of(2026, 5, 8, 10, 0))).isTrue();
    assertThat(specials.matches(LocalDateTime.of(2026, 5, 31, 20, 0))).isTrue();
    assertThat(specials.matches(LocalDateTime.of(2026, 5, 15, 10, 0))).isFalse();
    assertThat(specials.matches(LocalDateTime.of(2026, 5, 8, 12, 0))).isFalse();
  }

  // ---------------------------------------------------------------------------------------------
  // Checks.

  private static @Nullable String problemWith(
      Case c, ZonedDateTime fire, @Nullable Instant previous) {
    Instant instant = fire.toInstant();
    if (!fire.getZone().equals(c.zone())) {
      return "it is in zone " + fire.getZone() + ", not the trigger's zone " + c.zone();
    }
    if (fire.getNano() != 0) {
      return "it is not a whole second";
    }
    if (previous != null && !instant.isAfter(previous)) {
      return "it does not come after the previous fire time " + previous;
    }
    if (instant.isBefore(c.now().toInstant())) {
      return "it is before now";
    }
    if (c.start() != null && instant.isBefore(c.start())) {
      return "it is before start_date " + c.start();
    }
    if (c.end() != null && instant.isAfter(c.end())) {
      return "it is after end_date " + c.end();
    }
    return null;
  }

  /**
   * Compares the walk from {@code now} to {@code windowEnd} with every instant the wall-clock model
   * gives for the matching wall times found by brute force (minute by minute, then the allowed
   * seconds). Returns the number of fire times compared.
   */
  private static int checkComplete(Case c, Instant windowEnd, Failures failures) {
    List<Instant> expected = expectedFires(c, windowEnd);
    List<ZonedDateTime> fires = new ArrayList<>();
    Optional<ZonedDateTime> fire = c.trigger().nextFireTime(null, c.now());
    while (fire.isPresent()
        && !fire.get().toInstant().isAfter(windowEnd)
        && fires.size() <= expected.size()) {
      fires.add(fire.get());
      fire = c.trigger().nextFireTime(fire.get(), fire.get());
    }
    List<Instant> actual = fires.stream().map(ZonedDateTime::toInstant).toList();
    if (!actual.equals(expected)) {
      int i = 0;
      while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
        i++;
      }
      int from = Math.max(0, i - 2);
      failures.add(
          c
              + ", window up to "
              + windowEnd.atZone(c.zone()).toOffsetDateTime()
              + "\n  first difference at fire #"
              + (i + 1)
              + "; fire times #"
              + (from + 1)
              + "..:"
              + "\n  expected "
              + renderInstants(expected.subList(from, Math.min(expected.size(), i + 4)), c.zone())
              + "\n  ours     "
              + renderInstants(actual.subList(from, Math.min(actual.size(), i + 4)), c.zone()));
    }
    return expected.size();
  }

  private static List<Instant> expectedFires(Case c, Instant windowEnd) {
    ZoneId zone = c.zone();
    ZoneRules rules = zone.getRules();
    Instant from = c.now().toInstant();
    if (c.start() != null && c.start().isAfter(from)) {
      from = c.start();
    }
    Instant to = c.end() != null && c.end().isBefore(windowEnd) ? c.end() : windowEnd;
    TreeSet<Instant> instants = new TreeSet<>();
    LocalDateTime wall =
        LocalDateTime.ofInstant(c.now().toInstant(), zone)
            .truncatedTo(ChronoUnit.MINUTES)
            .minusHours(3);
    LocalDateTime lastWall = LocalDateTime.ofInstant(windowEnd, zone).plusHours(3);
    Reference reference = c.reference();
    for (; !wall.isAfter(lastWall); wall = wall.plusMinutes(1)) {
      if (!reference.matchesMinute(wall)) {
        continue;
      }
      for (int second = reference.seconds.nextSetBit(0);
          second >= 0;
          second = reference.seconds.nextSetBit(second + 1)) {
        LocalDateTime time = wall.withSecond(second);
        List<ZoneOffset> offsets = rules.getValidOffsets(time);
        List<Instant> mapped =
            offsets.isEmpty()
                ? List.of(time.toInstant(rules.getTransition(time).getOffsetBefore()))
                : offsets.stream().map(time::toInstant).toList();
        for (Instant instant : mapped) {
          if (!instant.isBefore(from) && !instant.isAfter(to)) {
            instants.add(instant);
          }
        }
      }
    }
    return new ArrayList<>(instants);
  }

  /**
   * When {@code instant} lies in the first {@code gap} after a spring-forward transition, the wall
   * time inside the gap that maps to it with the pre-transition offset; otherwise null.
   */
  private static @Nullable LocalDateTime gapWallTime(ZoneId zone, Instant instant) {
    ZoneOffsetTransition transition = zone.getRules().previousTransition(instant.plusNanos(1));
    if (transition == null
        || !transition.isGap()
        || !instant.isBefore(transition.getInstant().plus(transition.getDuration()))) {
      return null;
    }
    return LocalDateTime.ofInstant(instant, transition.getOffsetBefore());
  }

  private static List<ZonedDateTime> walk(Trigger trigger, ZonedDateTime now, int max) {
    List<ZonedDateTime> fires = new ArrayList<>();
    Optional<ZonedDateTime> fire = trigger.nextFireTime(null, now);
    while (fire.isPresent() && fires.size() < max) {
      fires.add(fire.get());
      if (fires.size() < max) {
        fire = trigger.nextFireTime(fire.get(), fire.get());
      }
    }
    return fires;
  }

  private static String render(List<ZonedDateTime> times) {
    return times.stream()
        .map(time -> time.toOffsetDateTime().toString())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String renderInstants(List<Instant> times, ZoneId zone) {
    return times.stream()
        .map(time -> time.atZone(zone).toOffsetDateTime().toString())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static final class Failures {
    int count;
    final List<String> messages = new ArrayList<>();

    void add(String message) {
      count++;
      if (messages.size() < MAX_REPORTED_FAILURES) {
        messages.add(message);
      }
    }

    void assertNone(int cases) {
      assertThat(messages)
          .as("%d of %d cases fail (first %d shown)", count, cases, messages.size())
          .isEmpty();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Random cases.

  /**
   * One generated trigger with what the test knows independently: the zone, {@code now}, the start
   * and end instants and the reference matcher.
   */
  private record Case(
      Map<String, Object> options,
      ZoneId zone,
      ZonedDateTime now,
      @Nullable Instant start,
      @Nullable Instant end,
      Reference reference,
      Trigger trigger) {

    @Override
    public String toString() {
      return "cron " + options + " in " + zone + " from " + now.toOffsetDateTime();
    }
  }

  private static ZonedDateTime randomNow(SplittableRandom random, ZoneId zone) {
    long from = LocalDate.of(2000, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long to = LocalDate.of(2036, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    ZonedDateTime now = Instant.ofEpochSecond(random.nextLong(from, to)).atZone(zone);
    return switch (random.nextInt(4)) {
      case 0 -> now;
      case 1 -> now.truncatedTo(ChronoUnit.HOURS);
      case 2 -> now.truncatedTo(ChronoUnit.DAYS);
      default -> now.plusNanos(random.nextInt(1, 1_000_000_000));
    };
  }

  private static ZoneOffsetTransition randomTransition(SplittableRandom random, ZoneId zone) {
    long from = LocalDate.of(2000, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long to = LocalDate.of(2036, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    Instant instant = Instant.ofEpochSecond(random.nextLong(from, to));
    ZoneOffsetTransition next = zone.getRules().nextTransition(instant);
    return next != null ? next : zone.getRules().previousTransition(instant);
  }

  /**
   * A random keyword-form trigger. With {@code cheapSeconds} the second field allows at most three
   * values, so a brute force over a window stays small.
   */
  private static Case randomCase(
      SplittableRandom random, ZoneId zone, ZonedDateTime now, boolean cheapSeconds) {
    Map<String, String> fields = new LinkedHashMap<>();
    double[] chance = {0.12, 0.3, 0.3, 0.1, 0.3, 0.45, 0.45, 0.3};
    for (int i = 0; i < FIELDS.size(); i++) {
      if (random.nextDouble() < chance[i]) {
        fields.put(FIELDS.get(i), randomField(random, FIELDS.get(i), now.getYear()));
      }
    }
    if (cheapSeconds && (fields.isEmpty() || fields.containsKey("second"))) {
      fields.put("second", list(random, 1, 3, () -> Integer.toString(random.nextInt(60))));
    }
    Map<String, Object> options = new LinkedHashMap<>();
    fields.forEach((name, value) -> options.put(key(random, name), asOption(random, value)));
    if (random.nextBoolean()) {
      options.put("timezone", zone.getId());
    }
    Instant start = null;
    if (random.nextInt(3) == 0) {
      ZonedDateTime startDate = now.plusSeconds(random.nextLong(-400L * 86_400, 400L * 86_400));
      start = putDate(random, options, key(random, "start_date"), startDate, zone);
    }
    Instant end = null;
    if (random.nextInt(3) == 0) {
      Instant after = start != null ? start : now.toInstant();
      long seconds = (long) Math.pow(10, random.nextDouble(0, 8.5));
      ZonedDateTime endDate = after.plusSeconds(seconds).atZone(zone);
      String key = key(random, "end_date");
      end = putDate(random, options, key, endDate, zone);
      if (start != null && end.isBefore(start)) {
        // a date-only value fell before the start: give the end as an exact instant instead
        options.put(key, endDate);
        end = endDate.toInstant();
      }
    }
    Map<String, String> given = new LinkedHashMap<>(fields);
    Trigger trigger = Triggers.create("cron", options, zone);
    return new Case(options, zone, now, start, end, Reference.of(given), trigger);
  }

  /** Options accept snake_case, camelCase and kebab-case keys. */
  private static String key(SplittableRandom random, String name) {
    return switch (random.nextInt(8)) {
      case 0 -> snakeToCamel(name);
      case 1 -> name.replace('_', '-');
      default -> name;
    };
  }

  private static String snakeToCamel(String name) {
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char ch : name.toCharArray()) {
      if (ch == '_') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return camel.toString();
  }

  /** A bare number is sometimes passed as an {@code Integer}, as APScheduler users do. */
  private static Object asOption(SplittableRandom random, String value) {
    return value.chars().allMatch(Character::isDigit) && random.nextBoolean()
        ? (Object) Integer.valueOf(value)
        : value;
  }

  /**
   * Puts a date option in one of the accepted value types and returns the instant it denotes (local
   * wall times: a gap time moves forward by the gap, an ambiguous one takes the earlier offset, as
   * {@link ZonedDateTime#of} does).
   */
  private static Instant putDate(
      SplittableRandom random,
      Map<String, Object> options,
      String key,
      ZonedDateTime date,
      ZoneId zone) {
    ZonedDateTime whole = date.truncatedTo(ChronoUnit.SECONDS);
    switch (random.nextInt(8)) {
      case 0 -> options.put(key, date);
      case 1 -> options.put(key, date.withZoneSameInstant(ZoneOffset.UTC).toOffsetDateTime());
      case 2 -> options.put(key, date.toInstant());
      case 3 -> {
        options.put(key, whole.toLocalDateTime());
        return ZonedDateTime.of(whole.toLocalDateTime(), zone).toInstant();
      }
      case 4 -> {
        options.put(key, whole.toOffsetDateTime().toString());
        return whole.toInstant();
      }
      case 5 -> {
        options.put(
            key,
            whole
                .toLocalDateTime()
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)));
        return ZonedDateTime.of(whole.toLocalDateTime(), zone).toInstant();
      }
      case 6 -> {
        options.put(key, date.toLocalDate().toString());
        return date.toLocalDate().atStartOfDay(zone).toInstant();
      }
      default -> {
        options.put(key, date.toLocalDate());
        return date.toLocalDate().atStartOfDay(zone).toInstant();
      }
    }
    return date.toInstant();
  }

  private static String randomField(SplittableRandom random, String field, int year) {
    return switch (field) {
      case "year" ->
          list(random, 1, 2, () -> numericItem(random, year - 1, year + 6, 1970, Map.of()));
      case "month" -> maybeList(random, () -> numericItem(random, 1, 12, 1, MONTH_NAMES));
      case "day" -> maybeList(random, () -> dayItem(random));
      case "week" -> maybeList(random, () -> numericItem(random, 1, 53, 1, Map.of()));
      case "day_of_week" -> maybeList(random, () -> numericItem(random, 0, 6, 0, WEEKDAY_NAMES));
      case "hour" -> maybeList(random, () -> numericItem(random, 0, 23, 0, Map.of()));
      default -> maybeList(random, () -> numericItem(random, 0, 59, 0, Map.of()));
    };
  }

  private static String dayItem(SplittableRandom random) {
    return switch (random.nextInt(8)) {
      case 0 -> "last";
      case 1 -> ORDINALS.get(random.nextInt(5)) + " " + weekdayName(random);
      case 2 -> "last " + weekdayName(random);
      default -> numericItem(random, 1, 31, 1, Map.of());
    };
  }

  private static String weekdayName(SplittableRandom random) {
    List<String> names = new ArrayList<>(WEEKDAY_NAMES.keySet());
    return names.get(random.nextInt(names.size()));
  }

  /**
   * One valid item of a field whose values run from {@code min} to {@code max}, drawing values from
   * {@code [low, high]} (within the field's range): {@code *}, {@code *}/n, a, a-b, a-b/n, a/n,
   * names and name ranges. Steps fit their range, as APScheduler requires.
   */
  private static String numericItem(
      SplittableRandom random, int low, int high, int min, Map<String, Integer> names) {
    int max = names == MONTH_NAMES ? 12 : names == WEEKDAY_NAMES ? 6 : high;
    int a = random.nextInt(low, high + 1);
    int b = random.nextInt(low, high + 1);
    if (a > b) {
      int swap = a;
      a = b;
      b = swap;
    }
    int kind = random.nextInt(names.isEmpty() ? 7 : 9);
    switch (kind) {
      case 0:
        return "*";
      case 1:
        return "*/" + random.nextInt(1, Math.max(2, Math.min(max - min, 12) + 1));
      case 2:
        return Integer.toString(a);
      case 3:
        return a + "-" + b;
      case 4:
        return a < b ? a + "-" + b + "/" + random.nextInt(1, b - a + 1) : Integer.toString(a);
      case 5:
        return a < max ? a + "/" + random.nextInt(1, Math.min(max - a, 12) + 1) : "*";
      case 6:
        return Integer.toString(b);
      case 7:
        return name(random, names, a);
      default:
        return name(random, names, a) + "-" + name(random, names, b);
    }
  }

  private static String name(SplittableRandom random, Map<String, Integer> names, int value) {
    String name =
        names.entrySet().stream()
            .filter(e -> e.getValue() == value)
            .findFirst()
            .orElseThrow()
            .getKey();
    return switch (random.nextInt(5)) {
      case 0 -> name.toUpperCase(Locale.ROOT);
      case 1 -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
      default -> name;
    };
  }

  private static String maybeList(SplittableRandom random, Supplier<String> item) {
    return random.nextInt(4) == 0 ? list(random, 2, 3, item) : item.get();
  }

  private static String list(
      SplittableRandom random, int minSize, int maxSize, Supplier<String> item) {
    int size = random.nextInt(minSize, maxSize + 1);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      items.add(item.get());
    }
    return String.join(random.nextInt(4) == 0 ? ", " : ",", items);
  }

  private static Map<String, Integer> names(String... names) {
    Map<String, Integer> map = new LinkedHashMap<>();
    int first = names.length == 12 ? 1 : 0;
    for (int i = 0; i < names.length; i++) {
      map.put(names[i], first + i);
    }
    return map;
  }

  // ---------------------------------------------------------------------------------------------
  // The reference matcher, independent of the main code.

  /**
   * Which wall times the keyword form matches: each field's allowed values found by brute force
   * over its range (APScheduler semantics: weekday 0 = Monday, {@code *}/n anchored at the field
   * minimum, a/n running from a to the maximum, names, {@code last}, {@code 2nd fri}, {@code last
   * fri}, ISO weeks), absent fields defaulted as DESIGN §2 says.
   */
  static final class Reference {

    private static final Map<String, String> MINIMUM =
        Map.of("month", "1", "day", "1", "hour", "0", "minute", "0", "second", "0");

    private final Map<String, String> resolved;
    private final BitSet years;
    private final BitSet months;
    private final Predicate<LocalDate> day;
    private final BitSet weeks;
    private final BitSet weekdays;
    private final BitSet hours;
    private final BitSet minutes;
    final BitSet seconds;

    private Reference(Map<String, String> resolved) {
      this.resolved = resolved;
      years = allowed(resolved.get("year"), 1970, 9999, Map.of());
      months = allowed(resolved.get("month"), 1, 12, MONTH_NAMES);
      day = dayPredicate(resolved.get("day"));
      weeks = allowed(resolved.get("week"), 1, 53, Map.of());
      weekdays = allowed(resolved.get("day_of_week"), 0, 6, WEEKDAY_NAMES);
      hours = allowed(resolved.get("hour"), 0, 23, Map.of());
      minutes = allowed(resolved.get("minute"), 0, 59, Map.of());
      seconds = allowed(resolved.get("second"), 0, 59, Map.of());
    }

    /** Applies the defaulting rule to the given fields. */
    static Reference of(Map<String, String> given) {
      int leastSignificant = -1;
      for (int i = 0; i < FIELDS.size(); i++) {
        if (given.containsKey(FIELDS.get(i))) {
          leastSignificant = i;
        }
      }
      Map<String, String> resolved = new LinkedHashMap<>();
      for (int i = 0; i < FIELDS.size(); i++) {
        String name = FIELDS.get(i);
        String value = given.get(name);
        if (value == null) {
          value =
              i > leastSignificant && leastSignificant >= 0 ? MINIMUM.getOrDefault(name, "*") : "*";
        }
        resolved.put(name, value);
      }
      return new Reference(resolved);
    }

    boolean matches(LocalDateTime time) {
      return matchesMinute(time) && seconds.get(time.getSecond());
    }

    /** Every field but the second. */
    boolean matchesMinute(LocalDateTime time) {
      LocalDate date = time.toLocalDate();
      return years.get(time.getYear())
          && months.get(time.getMonthValue())
          && day.test(date)
          && weeks.get(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
          && weekdays.get(date.getDayOfWeek().getValue() - 1)
          && hours.get(time.getHour())
          && minutes.get(time.getMinute());
    }

    private static BitSet allowed(String expression, int min, int max, Map<String, Integer> names) {
      BitSet allowed = new BitSet(max + 1);
      for (String item : expression.split(",")) {
        String trimmed = item.trim().toLowerCase(Locale.ROOT);
        for (int v = min; v <= max; v++) {
          if (itemMatches(trimmed, v, min, max, names)) {
            allowed.set(v);
          }
        }
      }
      return allowed;
    }

    private static boolean itemMatches(
        String item, int v, int min, int max, Map<String, Integer> names) {
      int slash = item.indexOf('/');
      String range = slash < 0 ? item : item.substring(0, slash);
      int step = slash < 0 ? 1 : Integer.parseInt(item.substring(slash + 1));
      int first;
      int last;
      if (range.equals("*")) {
        first = min;
        last = max;
      } else if (range.contains("-")) {
        first = value(range.substring(0, range.indexOf('-')), names);
        last = value(range.substring(range.indexOf('-') + 1), names);
      } else {
        first = value(range, names);
        last = slash < 0 ? first : max;
      }
      return v >= first && v <= last && (v - first) % step == 0;
    }

    private static int value(String text, Map<String, Integer> names) {
      Integer named = names.get(text);
      return named != null ? named : Integer.parseInt(text);
    }

    private static Predicate<LocalDate> dayPredicate(String expression) {
      List<Predicate<LocalDate>> items = new ArrayList<>();
      for (String raw : expression.split(",")) {
        String item = raw.trim().toLowerCase(Locale.ROOT);
        String[] words = item.split("\\s+");
        if (item.equals("last")) {
          items.add(date -> date.getDayOfMonth() == date.lengthOfMonth());
        } else if (words.length == 2) {
          int weekday = WEEKDAY_NAMES.get(words[1]);
          if (words[0].equals("last")) {
            items.add(
                date ->
                    date.getDayOfWeek().getValue() - 1 == weekday
                        && date.getDayOfMonth() + 7 > date.lengthOfMonth());
          } else {
            int nth = ORDINALS.indexOf(words[0]) + 1;
            items.add(
                date ->
                    date.getDayOfWeek().getValue() - 1 == weekday
                        && (date.getDayOfMonth() - 1) / 7 + 1 == nth);
          }
        } else {
          BitSet days = allowed(item, 1, 31, Map.of());
          items.add(date -> days.get(date.getDayOfMonth()));
        }
      }
      return date -> items.stream().anyMatch(item -> item.test(date));
    }

    @Override
    public String toString() {
      return resolved.toString();
    }
  }
}

package io.scheduler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.internal.Json;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.job.Task;
import io.scheduler.job.TaskRef;
import io.scheduler.trigger.CronTrigger;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Trigger;
import io.scheduler.trigger.Triggers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link JobJsonWriter} against the general way ({@link JobJson#checkedJson}: a map through the
 * shared mapper), which wrote every row stored so far: the same text for every job, so stored rows
 * and new ones read alike; what has no JSON form still fails with the general way's message.
 */
class JobJsonWriterTest {

  private static final TaskRef REF = TaskRef.of(ContractTasks.NOOP);
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final List<String> ZONES = new ArrayList<>(ZoneId.getAvailableZoneIds());

  static {
    ZONES.sort(null);
    ZONES.addAll(List.of("Z", "+05:30", "-09:30", "+14:00", "-00:00:01", "+01:02:03", "UTC"));
  }

  private final Random random = new Random(15);

  @Test
  void aDateJobIsWrittenAsStoredRowsHoldIt() {
    Job job = job(DateTrigger.at(T0.plusMillis(1234), ZoneId.of("Europe/Berlin")), null);

    assertThat(JobJson.toJson(job))
        .isEqualTo(
            "{\"format\":1,\"id\":\"job\",\"name\":\"io.scheduler.store.ContractTasks::noop\","
                + "\"task\":\"io.scheduler.store.ContractTasks::noop\",\"trigger\":{\"type\":"
                + "\"date\",\"run_date\":\"2026-03-02T09:00:01.234+01:00\",\"timezone\":"
                + "\"Europe/Berlin\"},\"args\":[],\"kwargs\":{},\"misfire_grace_time\":\"PT1S\","
                + "\"coalesce\":\"LATEST\",\"max_instances\":1,\"executor\":\"default\"}");
  }

  @Test
  void everyCharacterIsEscapedAsTheMapperEscapesIt() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String text = "a" + c + "b" + c;
      StringBuilder written = new StringBuilder();
      JobJsonWriter.string(written, text);

      assertThat(written.toString()).as("U+%04X", (int) c).isEqualTo(Json.write(text));
    }
  }

  @Test
  void runDatesAreWrittenAsTheIsoFormatterWritesThem() {
    List<Instant> instants = new ArrayList<>(List.of(Instant.MIN, Instant.MAX, Instant.EPOCH));
    for (int i = 0; i < 20_000; i++) {
      long seconds =
          switch (i % 4) {
            case 0 -> random.nextLong(-62_167_219_200L - 86_400 * 800, 253_402_300_800L + 86_400);
            case 1 -> random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
            case 2 -> random.nextLong(-5_000_000_000L, 5_000_000_000L);
            default -> T0.getEpochSecond() + random.nextInt(86_400 * 365);
          };
      instants.add(Instant.ofEpochSecond(seconds, nanos()));
    }
    for (Instant instant : instants) {
      ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
      ZonedDateTime time;
      try {
        time = instant.atZone(zone);
      } catch (java.time.DateTimeException outsideTheRange) {
        continue;
      }
      StringBuilder written = new StringBuilder();
      JobJsonWriter.isoOffsetDateTime(written, time);

      assertThat(written.toString())
          .as("%s in %s", instant, zone)
          .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
    }
  }

  @Test
  void randomJobsAreWrittenAsTheGeneralWayWritesThem() {
    for (int i = 0; i < 5_000; i++) {
      Job job = randomJob(i);

      assertThat(JobJsonWriter.write(job, REF))
          .as("job %s", i)
          .isEqualTo(JobJson.checkedJson(job, REF));
    }
  }

  @Test
  void whatHasNoJsonFormFailsAsBeforeNamingTheValue() {
    List<Object> cyclic = new ArrayList<>();
    cyclic.add(cyclic);
    List<Object> deep = List.of("leaf");
    for (int i = 0; i < 40; i++) {
      deep = List.of(deep);
    }
    List<Object> tooDeep = deep;
    Map<Object, Object> numberKey = new LinkedHashMap<>();
    numberKey.put(1, "one");

    assertThatThrownBy(
            () ->
                JobJson.toJson(
                    job(IntervalTrigger.every(Duration.ofMinutes(1)), List.of("ok", Double.NaN))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "job 'job' cannot be stored in a persistent job store: args[1] is NaN, which JSON"
                + " cannot hold");
    assertThatThrownBy(
            () ->
                JobJson.toJson(job(IntervalTrigger.every(Duration.ofMinutes(1)), List.of(cyclic))))
        .hasMessageContaining("args[0] contains itself");
    assertThatThrownBy(
            () ->
                JobJson.toJson(job(IntervalTrigger.every(Duration.ofMinutes(1)), List.of(tooDeep))))
        .hasMessageContaining("args[0] is nested more than 32 levels deep");
    assertThatThrownBy(
            () ->
                JobJson.toJson(
                    job(IntervalTrigger.every(Duration.ofMinutes(1)), List.of(numberKey))))
        .hasMessageContaining("args[0] has a key 1 of type java.lang.Integer");
    assertThatThrownBy(
            () ->
                JobJson.toJson(
                    job(IntervalTrigger.every(Duration.ofMinutes(1)), List.of(new Object()))))
        .hasMessageContaining("args[0] of type java.lang.Object has no JSON form");
  }

  private int nanos() {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextInt(1000) * 1_000_000;
      case 2 -> random.nextInt(1_000_000) * 1000;
      default -> random.nextInt(1_000_000_000);
    };
  }

  private Job randomJob(int i) {
    ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
    Trigger trigger =
        switch (i % 6) {
          case 0, 1 ->
              DateTrigger.at(
                  Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 5_000_000_000L), nanos()),
                  zone);
          case 2 ->
              IntervalTrigger.every(Duration.ofSeconds(1 + random.nextInt(1_000_000), nanos()))
                  .withZone(zone)
                  .withStartDate(T0.atZone(zone))
                  .withJitter(Duration.ofSeconds(random.nextInt(100)));
          case 3 -> CronTrigger.parse("0 " + random.nextInt(60) + " 5 * * ?", zone);
          case 4 ->
              Triggers.create(
                  "calendarinterval", Map.of("months", 1 + random.nextInt(5), "hour", 9), zone);
          default ->
              Triggers.or(
                  CronTrigger.fromCrontab("*/5 * * * mon-fri", zone),
                  DateTrigger.at(T0.atZone(zone)));
        };
    List<Object> args = new ArrayList<>();
    int count = random.nextInt(4);
    for (int a = 0; a < count; a++) {
      args.add(randomValue(0));
    }
    Map<String, Object> kwargs = new LinkedHashMap<>();
    for (int k = random.nextInt(3); k > 0; k--) {
      kwargs.put(randomString(), randomValue(0));
    }
    JobSpec.Builder builder = JobSpec.builder();
    if (random.nextBoolean()) {
      builder.name("name " + randomString());
    }
    JobSpec spec =
        builder
            .id("job-" + i + "-\"\\\u00e9/\u2028")
            .task(REF)
            .trigger(trigger)
            .args(args)
            .kwargs(kwargs)
            .misfireGraceTime(
                random.nextBoolean() ? null : Duration.ofMillis(1 + random.nextInt(100_000)))
            .coalesce(CoalescePolicy.values()[random.nextInt(CoalescePolicy.values().length)])
            .maxInstances(1 + random.nextInt(10))
            .build();
    return Job.create(spec, spec.id(), Task.of(() -> {}), trigger, JobDefaults.ofDefaults(), T0);
  }

  private @Nullable Object randomValue(int depth) {
    int kind = random.nextInt(depth > 3 ? 12 : 14);
    return switch (kind) {
      case 0 -> null;
      case 1, 2 -> randomString();
      case 3 -> random.nextInt();
      case 4 -> random.nextLong();
      case 5 -> random.nextBoolean();
      case 6 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
      case 7 -> (float) random.nextGaussian();
      case 8 -> new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(20) - 10);
      case 9 -> BigInteger.valueOf(random.nextLong()).shiftLeft(random.nextInt(100));
      case 10 -> (short) random.nextInt();
      case 11 -> (byte) random.nextInt();
      case 12 -> {
        List<Object> list = random.nextBoolean() ? new ArrayList<>() : new LinkedList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          list.add(randomValue(depth + 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          map.put(randomString(), randomValue(depth + 1));
        }
        yield map;
      }
    };
  }

  private String randomString() {
    char[] chars = new char[random.nextInt(12)];
    for (int c = 0; c < chars.length; c++) {
      chars[c] =
          switch (random.nextInt(5)) {
            case 0 -> (char) random.nextInt(0x80);
            case 1 -> (char) random.nextInt(0x20);
            case 2 -> "\"\\/\u2028\u007f".charAt(random.nextInt(5));
            case 3 -> (char) random.nextInt(Character.MAX_VALUE);
            default -> (char) ('a' + random.nextInt(26));
          };
    }
    return new String(chars);
  }

  private static Job job(Trigger trigger, @Nullable List<Object> args) {
    JobSpec spec =
        JobSpec.builder()
            .id("job")
            .task(REF)
            .trigger(trigger)
            .args(args == null ? List.of() : args)
            .misfireGraceTime(Duration.ofSeconds(1))
            .build();
    return Job.create(spec, "job", Task.of(() -> {}), trigger, JobDefaults.ofDefaults(), T0);
  }
}

package io.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.event.EventType;
import io.scheduler.event.JobAdded;
import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.InvalidTriggerException;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.store.ContractTasks;
import io.scheduler.store.JobStores;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import io.scheduler.trigger.CalendarIntervalTrigger;
import io.scheduler.trigger.CronTrigger;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.TriggerJson;
import io.scheduler.trigger.Triggers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 14.5, bad input everywhere: each input the bad-input catalogue found getting through is
 * refused at the API with a message naming the field and the value, and leaves the stored jobs as
 * they were.
 */
class BadInputTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  MutableClock clock = MutableClock.at(T0, ZONE);
  RecordingListener events = new RecordingListener();
  ManualScheduler scheduler =
      ManualScheduler.builder(clock)
          .jobStore("default", JobStores.memory())
          .jobStore("other", JobStores.memory())
          .listener(events)
          .build();

  @BeforeEach
  void start() {
    scheduler.start();
    scheduler.addJob(
        JobSpec.builder().id("existing").task(() -> {}).trigger(Triggers.interval(hour())).build());
    events.clear();
  }

  @AfterEach
  void stop() {
    scheduler.shutdown();
  }

  private static Duration hour() {
    return Duration.ofHours(1);
  }

  /** Asserts that nothing was stored, changed or announced. */
  private void assertUnchanged(List<Job> before) {
    assertThat(scheduler.getJobs()).containsExactlyElementsOf(before);
    assertThat(events.events()).isEmpty();
  }

  private void assertRefused(Executable add, String... messageParts) {
    List<Job> before = scheduler.getJobs();
    assertThatThrownBy(add::execute)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll(messageParts);
    assertUnchanged(before);
  }

  private JobSpec.Builder job(String id) {
    return JobSpec.builder().id(id).task(() -> {});
  }

  // ------------------------------------------------------------------ numbers that overflow

  @Test
  void intervalAmountsBeyondTenThousandYearsAreRefusedNotWrapped() {
    assertRefused(
        () -> scheduler.addJob(job("a").trigger("interval", Map.of("seconds", "1e30")).build()),
        "interval trigger option 'seconds'",
        "'1e30'",
        "at most 3652425 days");
    assertRefused(
        () ->
            scheduler.addJob(job("a").trigger("interval", Map.of("weeks", Long.MAX_VALUE)).build()),
        "interval trigger option 'weeks'",
        "'" + Long.MAX_VALUE + "'");
    assertRefused(
        () -> Triggers.create("interval", Map.of("weeks", 300_000, "days", 2_000_000), ZONE),
        "interval must be between 0 and PT87658200H",
        "but was PT98400000H");
    assertRefused(
        () -> IntervalTrigger.every(Duration.ofDays(3_652_426)),
        "interval must be between 0 and",
        "but was PT87658224H");
    assertThat(IntervalTrigger.every(IntervalTrigger.MAX_INTERVAL).interval())
        .isEqualTo(Duration.ofDays(3_652_425));
  }

  @Test
  void calendarIntervalAmountsAreCheckedAlikeFromOptionsAndFromEvery() {
    assertRefused(
        () -> CalendarIntervalTrigger.every(0, -1, 0, 0),
        "calendarinterval trigger: months must be between 0 and 119988, but was -1");
    assertRefused(
        () -> CalendarIntervalTrigger.every(Integer.MAX_VALUE, 0, 0, 0),
        "years must be between 0 and 9999, but was " + Integer.MAX_VALUE);
    assertRefused(
        () -> Triggers.create("calendarinterval", Map.of("years", 10_000), ZONE),
        "calendarinterval trigger option 'years'",
        "'10000'");
  }

  // ------------------------------------------------------------------ one rule for jitter

  @Test
  void theBuildersRefuseTheJitterTheOptionsRefuse() {
    Duration tooLong = Duration.ofDays(400);
    Duration negative = Duration.ofSeconds(-5);
    assertRefused(
        () -> CronTrigger.builder().hour("3").jitter(tooLong).build(),
        "cron trigger: jitter must be at most PT8760H, but was PT9600H");
    assertRefused(
        () -> IntervalTrigger.every(hour()).withJitter(negative),
        "interval trigger: jitter must not be negative, but was PT-5S");
    assertRefused(
        () -> CalendarIntervalTrigger.every(0, 0, 0, 1).withJitter(tooLong),
        "calendarinterval trigger: jitter must be at most PT8760H, but was PT9600H");
    assertRefused(
        () -> Triggers.or(Triggers.cron("0 3 * * *", ZONE)).withJitter(tooLong),
        "or trigger: jitter must be at most PT8760H");
    assertRefused(
        () -> Triggers.create("cron", Map.of("hour", 3, "jitter", "400d"), ZONE),
        "cron trigger option 'jitter': must be at most PT8760H, but was '400d'");
    assertThat(CronTrigger.builder().hour("3").jitter(Duration.ofDays(365)).build().jitter())
        .isEqualTo(Duration.ofDays(365));
  }

  // ------------------------------------------------------------------ ids

  @Test
  void idsWithControlCharactersOrLongerThanEveryStoreHoldsAreRefused() {
    assertRefused(
        () -> job("a\u0000b"), "id must not contain control characters, but was 'a\\u0000b'");
    String tooLong = "x".repeat(JobSpec.MAX_ID_LENGTH + 1);
    assertRefused(
        () -> job(tooLong),
        "id must be at most 191 characters, but was '" + "x".repeat(64) + "...' (192 characters)");
    String longest = "y".repeat(JobSpec.MAX_ID_LENGTH);
    scheduler.addJob(job(longest).build());
    assertThat(scheduler.getJob(longest)).isPresent();
  }

  // ------------------------------------------------------------------ next run times

  @Test
  void nextRunTimesNoStoreCanHoldAreRefused() {
    assertRefused(
        () -> job("a").nextRunTime(Instant.MAX),
        "nextRunTime must be between -290308-12-21T19:59:05.224192Z and"
            + " +294247-01-10T04:00:54.775807Z",
        "but was " + Instant.MAX);
    assertRefused(
        () -> job("a").nextRunTime(Instant.MIN), "nextRunTime must be between", "" + Instant.MIN);
    assertRefused(
        () -> scheduler.modifyJob("existing", spec -> spec.nextRunTime(Instant.MAX)),
        "nextRunTime");
    assertRefused(
        () ->
            scheduler.addJob(
                job("far")
                    .trigger(DateTrigger.at(Instant.parse("+300000-01-01T00:00:00Z"), ZONE))
                    .build()),
        "nextRunTime must be between",
        "but was +300000-01-01T00:00:00Z");
    Instant epoch = Instant.EPOCH;
    assertThat(scheduler.addJob(job("epoch").nextRunTime(epoch).build()).nextRunTime())
        .contains(epoch);
  }

  // ------------------------------------------------------------------ triggers that never fire

  @Test
  void aTriggerThatNeverFiresIsRefusedByAddJobModifyJobAndRescheduleJob() {
    CronTrigger february30 = CronTrigger.builder().month("2").day("30").timezone(ZONE).build();
    IntervalTrigger endsBeforeItStarts =
        IntervalTrigger.every(hour())
            .withStartDate(ZonedDateTime.parse("2026-04-01T00:00:00+02:00[Europe/Berlin]"))
            .withEndDate(ZonedDateTime.parse("2026-03-01T00:00:00+01:00[Europe/Berlin]"));

    assertRefused(
        () -> scheduler.addJob(job("a").trigger(february30).build()),
        "trigger cron[month='2', day='30'",
        "of job 'a' never fires at or after 2026-03-02T08:00:00Z");
    assertRefused(
        () -> scheduler.addJob(job("a").trigger(endsBeforeItStarts).build()),
        "trigger interval[1:00:00] of job 'a' never fires");
    assertRefused(
        () -> scheduler.addJobs(List.of(job("b").build(), job("a").trigger(february30).build())),
        "of job 'a' never fires");
    assertRefused(
        () -> scheduler.modifyJob("existing", spec -> spec.trigger(february30)),
        "of job 'existing' never fires");
    assertRefused(
        () -> scheduler.rescheduleJob("existing", "cron", Map.of("month", 2, "day", 30)),
        "of job 'existing' never fires");
  }

  @Test
  void aTriggerThatNeverFiresIsRefusedWhileTheSchedulerIsStopped() {
    ManualScheduler stopped = ManualScheduler.builder(clock).build();
    CronTrigger february30 = CronTrigger.builder().month("2").day("30").timezone(ZONE).build();

    assertThatThrownBy(() -> stopped.addJob(job("a").trigger(february30).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("of job 'a' never fires");
    assertThat(stopped.getJobs()).isEmpty();
  }

  @Test
  void aJobWithAnExplicitRunTimeOrPausedKeepsItsFinishedTrigger() {
    CronTrigger february30 = CronTrigger.builder().month("2").day("30").timezone(ZONE).build();

    scheduler.addJob(job("once").trigger(february30).nextRunTime(T0).build());
    scheduler.addJob(job("kept").trigger(february30).paused().build());

    assertThat(scheduler.getJob("once").orElseThrow().nextRunTime()).contains(T0);
    assertThat(scheduler.getJob("kept").orElseThrow().isPaused()).isTrue();
  }

  // ------------------------------------------------------------------ addJobs across stores

  @Test
  void addJobsIsAllOrNothingAcrossStores() {
    scheduler.addJob(job("taken").jobStore("other").build());
    events.clear();
    List<Job> before = scheduler.getJobs();

    assertThatThrownBy(
            () ->
                scheduler.addJobs(
                    List.of(
                        job("first").build(),
                        job("second").jobStore("other").build(),
                        job("taken").jobStore("other").build())))
        .isInstanceOf(ConflictingJobIdException.class)
        .hasMessageContaining("'taken'");

    assertThat(scheduler.getJobs()).containsExactlyElementsOf(before);
    assertThat(events.events(JobAdded.class)).isEmpty();
  }

  @Test
  void aStoreThatRefusesPartOfItsBatchKeepsNoneOfIt() {
    scheduler.addJob(job("taken").build());
    events.clear();
    List<Job> before = scheduler.getJobs();

    assertThatThrownBy(() -> scheduler.addJobs(List.of(job("new").build(), job("taken").build())))
        .isInstanceOf(ConflictingJobIdException.class);

    assertThat(scheduler.getJobs()).containsExactlyElementsOf(before);
    assertThat(events.types()).doesNotContain(EventType.JOB_ADDED);
  }

  // ------------------------------------------------------------------ args

  @Test
  void aCyclicArgIsRefusedInsteadOfOverflowingTheStack() {
    List<Object> cyclic = new ArrayList<>();
    List<Object> inner = new ArrayList<>(List.of("b"));
    cyclic.add("a");
    cyclic.add(inner);
    inner.add(cyclic);

    assertRefused(
        () ->
            scheduler.addJob(
                JobSpec.builder()
                    .id("cyclic")
                    .task(TaskRef.of(ContractTasks.DESCRIBE))
                    .args(cyclic, 1, true)
                    .build()),
        "parameter",
        "contains itself");
  }

  // ------------------------------------------------------------------ messages with the value

  @Test
  void triggerJsonThatIsNoObjectIsQuotedInTheMessage() {
    assertThatThrownBy(() -> TriggerJson.fromJson("[1, 2]"))
        .isInstanceOf(InvalidTriggerException.class)
        .hasMessage("trigger JSON must be a JSON object, but was '[1, 2]'");
    assertThatThrownBy(() -> TriggerJson.fromJson("{oops"))
        .isInstanceOf(InvalidTriggerException.class)
        .hasMessageStartingWith("trigger JSON must be a JSON object, but was '{oops' (");
  }
}

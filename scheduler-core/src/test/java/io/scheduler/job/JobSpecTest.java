package io.scheduler.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.trigger.CronTrigger;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link JobSpec}: what an unset option means, each builder setter's validation and message, the
 * task overloads ({@link Runnable}, {@link java.util.concurrent.Callable}, {@link Task}, {@link
 * TaskRef}), defensive copies of args and kwargs, and the round trip {@code JobSpec.from(job)} →
 * {@link Job#create} that {@code modifyJob} relies on.
 */
class JobSpecTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  private static final Trigger EVERY_MINUTE =
      IntervalTrigger.every(Duration.ofMinutes(1)).withZone(BERLIN);

  private static Job create(JobSpec spec, JobDefaults defaults, @Nullable Instant nextRunTime) {
    Task task = spec.task() != null ? spec.task() : context -> null;
    Trigger trigger = spec.trigger() != null ? spec.trigger() : EVERY_MINUTE;
    String id = spec.id() != null ? spec.id() : "generated";
    return Job.create(spec, id, task, trigger, defaults, nextRunTime);
  }

  private static @Nullable Object run(JobSpec spec) throws Exception {
    Job job = create(spec, JobDefaults.ofDefaults(), NOW);
    return spec.task().run(new TaskContext(job, NOW));
  }

  // ------------------------------------------------------------------ unset options and build

  @Test
  void optionsLeftUnsetAreLeftToTheScheduler() {
    JobSpec spec = JobSpec.builder().task(() -> {}).build();

    assertThat(spec.id()).isNull();
    assertThat(spec.name()).isNull();
    assertThat(spec.taskRef()).isNull();
    assertThat(spec.args()).isEmpty();
    assertThat(spec.kwargs()).isEmpty();
    assertThat(spec.trigger()).isNull();
    assertThat(spec.triggerAlias()).isNull();
    assertThat(spec.triggerOptions()).isEmpty();
    assertThat(spec.misfireGraceTimeIsSet()).isFalse();
    assertThat(spec.misfireGraceTime()).isNull();
    assertThat(spec.coalesce()).isNull();
    assertThat(spec.maxInstances()).isNull();
    assertThat(spec.nextRunTimeIsSet()).isFalse();
    assertThat(spec.nextRunTime()).isNull();
    assertThat(spec.jobStore()).isEqualTo(JobSpec.DEFAULT_ALIAS).isEqualTo("default");
    assertThat(spec.executor()).isEqualTo("default");
    assertThat(spec.replaceExisting()).isFalse();
  }

  @Test
  void unsetOptionsTakeTheDefaultsWhenTheJobIsCreatedAndSetOnesWin() {
    JobDefaults defaults =
        JobDefaults.builder()
            .misfireGraceTime(Duration.ofSeconds(42))
            .coalesce(CoalescePolicy.EARLIEST)
            .maxInstances(5)
            .build();

    Job unset = create(JobSpec.builder().id("a").task(() -> {}).build(), defaults, NOW);
    Job set =
        create(
            JobSpec.builder()
                .id("b")
                .task(() -> {})
                .misfireGraceTime(null)
                .coalesce(false)
                .maxInstances(2)
                .build(),
            defaults,
            NOW);

    assertThat(unset.misfireGraceTime()).contains(Duration.ofSeconds(42));
    assertThat(unset.coalesce()).isEqualTo(CoalescePolicy.EARLIEST);
    assertThat(unset.maxInstances()).isEqualTo(5);
    assertThat(set.misfireGraceTime()).as("explicitly unlimited").isEmpty();
    assertThat(set.coalesce()).isEqualTo(CoalescePolicy.ALL);
    assertThat(set.maxInstances()).isEqualTo(2);
  }

  @Test
  void aJobIsNamedAfterItsTaskRefOrIdUnlessNamed() {
    JobSpec byRef = JobSpec.builder().task("com.example.Reports::daily").build();
    JobSpec byCode = JobSpec.builder().task(() -> {}).build();
    JobSpec named = JobSpec.builder().task(() -> {}).name("Nightly").build();

    assertThat(create(byRef, JobDefaults.ofDefaults(), NOW).name())
        .isEqualTo("com.example.Reports::daily");
    assertThat(create(byCode, JobDefaults.ofDefaults(), NOW).name()).isEqualTo("generated");
    assertThat(create(named, JobDefaults.ofDefaults(), NOW).name()).isEqualTo("Nightly");
  }

  @Test
  void aBuilderChangedAfterBuildLeavesTheBuiltSpecAsItWas() {
    JobSpec.Builder builder = JobSpec.builder().task(() -> {}).name("first").maxInstances(2);
    JobSpec first = builder.build();

    JobSpec second =
        builder
            .name("second")
            .maxInstances(5)
            .args("x")
            .trigger("interval", Map.of("seconds", 5))
            .jobStore("other")
            .paused()
            .build();

    assertThat(first.name()).isEqualTo("first");
    assertThat(first.maxInstances()).isEqualTo(2);
    assertThat(first.args()).isEmpty();
    assertThat(first.triggerAlias()).isNull();
    assertThat(first.jobStore()).isEqualTo(JobSpec.DEFAULT_ALIAS);
    assertThat(first.nextRunTimeIsSet()).isFalse();
    assertThat(second.name()).isEqualTo("second");
    assertThat(second.maxInstances()).isEqualTo(5);
    assertThat(second.args()).containsExactly("x");
    assertThat(second.triggerAlias()).isEqualTo("interval");
    assertThat(second.jobStore()).isEqualTo("other");
    assertThat(second.nextRunTimeIsSet()).isTrue();
  }

  @Test
  void specsThatSetOnlyTaskAndTriggerShareTheDefaultsAndOthersDoNotChangeThem() {
    JobSpec plain = JobSpec.builder().task(() -> {}).trigger(EVERY_MINUTE).build();
    JobSpec named = JobSpec.builder().task(() -> {}).name("named").build();
    JobSpec plainAgain = JobSpec.builder().task(() -> {}).build();

    assertThat(plain.options()).isSameAs(SpecOptions.DEFAULTS).isSameAs(plainAgain.options());
    assertThat(named.options()).isNotSameAs(SpecOptions.DEFAULTS);
    assertThat(plainAgain.name()).isNull();
    assertThat(plainAgain.executor()).isEqualTo(JobSpec.DEFAULT_ALIAS);
  }

  @Test
  void buildingWithoutATaskIsRejected() {
    assertThatThrownBy(() -> JobSpec.builder().id("a").trigger(EVERY_MINUTE).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task must be set (a Runnable, Callable, Task or TaskRef), but was null");
  }

  @Test
  void creatingAJobWithABlankIdIsRejected() {
    JobSpec spec = JobSpec.builder().task(() -> {}).build();

    assertThatThrownBy(
            () ->
                Job.create(spec, " ", context -> null, EVERY_MINUTE, JobDefaults.ofDefaults(), NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be blank, but was ' '");
  }

  // ------------------------------------------------------------------ tasks

  @Test
  void aRunnableTaskRunsAndReturnsNull() throws Exception {
    AtomicBoolean ran = new AtomicBoolean();

    JobSpec spec = JobSpec.builder().task(() -> ran.set(true)).build();

    assertThat(run(spec)).isNull();
    assertThat(ran).isTrue();
    assertThat(spec.taskRef()).isNull();
  }

  @Test
  void aCallableTaskReturnsItsResult() throws Exception {
    JobSpec spec = JobSpec.builder().task(() -> "report sent").build();

    assertThat(run(spec)).isEqualTo("report sent");
  }

  @Test
  void aTaskLambdaReceivesTheRunsContext() throws Exception {
    JobSpec spec =
        JobSpec.builder()
            .id("ctx")
            .task(context -> context.jobId() + " at " + context.scheduledRunTime())
            .build();

    assertThat(run(spec)).isEqualTo("ctx at " + NOW);
  }

  @Test
  void aTaskGivenByReferenceTextIsATaskRef() {
    JobSpec spec = JobSpec.builder().task("com.example.Reports::daily").build();

    assertThat(spec.taskRef()).isEqualTo(TaskRef.of("com.example.Reports::daily"));
    assertThat(spec.task()).isNull();
  }

  @Test
  void theLastTaskSetWins() {
    Task code = context -> "code";
    TaskRef ref = TaskRef.of("com.example.Reports::daily");

    JobSpec refLast = JobSpec.builder().task(code).task(ref).build();
    JobSpec codeLast = JobSpec.builder().task(ref).task(code).build();

    assertThat(refLast.taskRef()).isEqualTo(ref);
    assertThat(refLast.task()).isNull();
    assertThat(codeLast.task()).isSameAs(code);
    assertThat(codeLast.taskRef()).isNull();
  }

  @Test
  void nullTasksAndMalformedReferencesAreRejected() {
    assertThatThrownBy(() -> JobSpec.builder().task((Runnable) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("task must not be null");
    assertThatThrownBy(() -> JobSpec.builder().task((Task) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("task must not be null");
    assertThatThrownBy(() -> JobSpec.builder().task((TaskRef) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("taskRef must not be null");
    assertThatThrownBy(() -> JobSpec.builder().task("reports.daily"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was 'reports.daily'");
  }

  // ------------------------------------------------------------------ args and kwargs

  @Test
  void argsMayHoldNullsAndAreCopied() {
    List<@Nullable Object> source = new ArrayList<>();
    source.add("a");
    source.add(null);
    source.add(3);

    JobSpec spec = JobSpec.builder().task(() -> {}).args(source).build();
    source.add("later");

    assertThat(spec.args()).containsExactly("a", null, 3);
    assertThatThrownBy(() -> spec.args().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void varargsArgsMayHoldNulls() {
    JobSpec spec = JobSpec.builder().task(() -> {}).args("a", null, 3L).build();

    assertThat(spec.args()).containsExactly("a", null, 3L);
  }

  @Test
  void nullArgListsAreRejected() {
    assertThatThrownBy(() -> JobSpec.builder().args((Object[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("args must not be null");
    assertThatThrownBy(() -> JobSpec.builder().args((List<?>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("args must not be null");
  }

  @Test
  void kwargsKeepTheirOrderMayHoldNullValuesAndAreCopied() {
    Map<String, @Nullable Object> source = new LinkedHashMap<>();
    source.put("zeta", 1);
    source.put("alpha", null);
    source.put("mid", List.of("x"));

    JobSpec spec = JobSpec.builder().task(() -> {}).kwargs(source).build();
    source.put("later", 2);

    assertThat(spec.kwargs().keySet()).containsExactly("zeta", "alpha", "mid");
    assertThat(spec.kwargs()).containsEntry("alpha", null);
    assertThatThrownBy(() -> spec.kwargs().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aNullKwargsKeyIsRejected() {
    Map<@Nullable String, Object> kwargs = new HashMap<>();
    kwargs.put(null, 1);
    kwargs.put("a", 2);

    assertThatThrownBy(() -> JobSpec.builder().kwargs(kwargs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("kwargs keys must not be null, but were [")
        .hasMessageContaining("null");
  }

  // ------------------------------------------------------------------ other options

  @Test
  void blankTextOptionsAreRejectedNamingTheValue() {
    JobSpec.Builder builder = JobSpec.builder();

    assertThatThrownBy(() -> builder.id(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be blank, but was ' '");
    assertThatThrownBy(() -> builder.id(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be blank, but was 'null'");
    assertThatThrownBy(() -> builder.name(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank, but was ''");
    assertThatThrownBy(() -> builder.jobStore("\t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jobStore must not be blank, but was '\t'");
    assertThatThrownBy(() -> builder.executor(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("executor must not be blank, but was ''");
    assertThatThrownBy(() -> builder.trigger(" ", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trigger alias must not be blank, but was ' '");
  }

  @Test
  void misfireGraceTimeAndMaxInstancesAreValidatedAsInTheDefaults() {
    assertThatThrownBy(() -> JobSpec.builder().misfireGraceTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("misfireGraceTime must be positive, or null for no limit, but was PT0S");
    assertThatThrownBy(() -> JobSpec.builder().misfireGraceTime(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("misfireGraceTime must be positive");
    assertThatThrownBy(() -> JobSpec.builder().maxInstances(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxInstances must be greater than 0, but was 0");
  }

  @Test
  void aNullGraceTimeIsSetAndMeansHoweverLate() {
    JobSpec spec = JobSpec.builder().task(() -> {}).misfireGraceTime(null).build();

    assertThat(spec.misfireGraceTimeIsSet()).isTrue();
    assertThat(spec.misfireGraceTime()).isNull();
  }

  @Test
  void nextRunTimeTakesAnInstantAZonedDateTimeOrPaused() {
    ZonedDateTime berlinMorning = ZonedDateTime.of(LocalDateTime.of(2026, 3, 2, 9, 0), BERLIN);

    JobSpec zoned = JobSpec.builder().task(() -> {}).nextRunTime(berlinMorning).build();
    JobSpec paused = JobSpec.builder().task(() -> {}).nextRunTime(berlinMorning).paused().build();

    assertThat(zoned.nextRunTimeIsSet()).isTrue();
    assertThat(zoned.nextRunTime()).isEqualTo(NOW);
    assertThat(paused.nextRunTimeIsSet()).isTrue();
    assertThat(paused.nextRunTime()).isNull();
  }

  @Test
  void aTriggerAliasAndATriggerObjectReplaceEachOther() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("hour", 5);

    JobSpec byAlias =
        JobSpec.builder().task(() -> {}).trigger(EVERY_MINUTE).trigger("cron", options).build();
    options.put("minute", 30);
    JobSpec byObject =
        JobSpec.builder()
            .task(() -> {})
            .trigger("cron", Map.of("hour", 5))
            .trigger(EVERY_MINUTE)
            .build();

    assertThat(byAlias.trigger()).isNull();
    assertThat(byAlias.triggerAlias()).isEqualTo("cron");
    assertThat(byAlias.triggerOptions()).containsExactly(Map.entry("hour", 5));
    assertThat(byObject.trigger()).isSameAs(EVERY_MINUTE);
    assertThat(byObject.triggerAlias()).isNull();
    assertThat(byObject.triggerOptions()).isEmpty();
  }

  // ------------------------------------------------------------------ from(job)

  @Test
  void fromJobRoundTripsEveryOption() {
    Trigger trigger = CronTrigger.parse("0 30 9 * * MON-FRI", BERLIN);
    Task task = context -> "done";
    JobSpec original =
        JobSpec.builder()
            .id("report")
            .name("Daily report")
            .task(task)
            .args("a", 1)
            .kwargs(Map.of("to", "ops"))
            .trigger(trigger)
            .misfireGraceTime(Duration.ofSeconds(30))
            .coalesce(CoalescePolicy.EARLIEST)
            .maxInstances(3)
            .jobStore("durable")
            .executor("pool")
            .build();
    Job job = Job.create(original, "report", task, trigger, JobDefaults.ofDefaults(), NOW);

    JobSpec copy = JobSpec.from(job).build();

    assertThat(copy.id()).isEqualTo("report");
    assertThat(copy.name()).isEqualTo("Daily report");
    assertThat(copy.task()).isSameAs(task);
    assertThat(copy.taskRef()).isNull();
    assertThat(copy.args()).containsExactly("a", 1);
    assertThat(copy.kwargs()).containsExactly(Map.entry("to", "ops"));
    assertThat(copy.trigger()).isSameAs(trigger);
    assertThat(copy.misfireGraceTimeIsSet()).isTrue();
    assertThat(copy.misfireGraceTime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(copy.coalesce()).isEqualTo(CoalescePolicy.EARLIEST);
    assertThat(copy.maxInstances()).isEqualTo(3);
    assertThat(copy.jobStore()).isEqualTo("durable");
    assertThat(copy.executor()).isEqualTo("pool");
    assertThat(copy.nextRunTimeIsSet()).isTrue();
    assertThat(copy.nextRunTime()).isEqualTo(NOW);

    // Rebuilt under other defaults, the job keeps its own options.
    JobDefaults other =
        JobDefaults.builder().misfireGraceTime(null).coalesce(false).maxInstances(9).build();
    Job rebuilt = Job.create(copy, "report", task, trigger, other, copy.nextRunTime());
    assertThat(rebuilt.misfireGraceTime()).contains(Duration.ofSeconds(30));
    assertThat(rebuilt.coalesce()).isEqualTo(CoalescePolicy.EARLIEST);
    assertThat(rebuilt.maxInstances()).isEqualTo(3);
    assertThat(rebuilt.nextRunTime()).contains(NOW);
  }

  @Test
  void fromAPausedJobLeavesTheNextRunTimeUnset() {
    Job paused =
        create(JobSpec.builder().id("p").task(() -> {}).build(), JobDefaults.ofDefaults(), null);

    JobSpec copy = JobSpec.from(paused).build();

    assertThat(copy.nextRunTimeIsSet()).isFalse();
    assertThat(copy.nextRunTime()).isNull();
  }

  @Test
  void fromATaskRefJobKeepsTheReference() {
    TaskRef ref = TaskRef.of("com.example.Reports::daily");
    JobSpec spec = JobSpec.builder().id("r").task(ref).args(List.of(1)).build();
    Job job = Job.create(spec, "r", context -> null, EVERY_MINUTE, JobDefaults.ofDefaults(), NOW);

    JobSpec copy = JobSpec.from(job).build();

    assertThat(copy.taskRef()).isEqualTo(ref);
    assertThat(copy.task()).isNull();
    assertThat(copy.name()).isEqualTo("com.example.Reports::daily");
  }

  @Test
  void fromAJobWithAnUnlimitedDefaultGraceTimeKeepsItUnlimited() {
    JobDefaults unlimited = JobDefaults.builder().misfireGraceTime(null).build();
    Job job = create(JobSpec.builder().id("u").task(() -> {}).build(), unlimited, NOW);

    JobSpec copy = JobSpec.from(job).build();

    assertThat(copy.misfireGraceTimeIsSet()).isTrue();
    assertThat(copy.misfireGraceTime()).isNull();
    assertThat(create(copy, JobDefaults.ofDefaults(), NOW).misfireGraceTime()).isEmpty();
  }
}

package io.scheduler.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.trigger.DateTrigger;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link TaskResolver#staticMethods()}: binding a {@code Type::method} reference to a public static
 * method with the job's args (in order) and kwargs (by parameter name, which needs {@code
 * -parameters}, set in the parent pom), converting values as JSON would, passing the {@link
 * TaskContext}, and the errors for references and arguments that fit no method. A failure of the
 * target method reaches the caller as itself.
 */
class StaticMethodTaskResolverTest {

  private static final String FIXTURES = Fixtures.class.getName();

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static final Instant RUN_TIME = Instant.parse("2026-03-02T08:00:00Z");

  private final TaskResolver resolver = TaskResolver.staticMethods();

  /** Targets for the references in these tests. */
  public static final class Fixtures {

    private Fixtures() {}

    /**
     * A value a job passes as a JSON object.
     *
     * @param city the city
     * @param zip the postal code
     */
    public record Address(String city, int zip) {}

    public static String ping() {
      return "pong";
    }

    public static String jobIdOf(TaskContext context) {
      return context.jobId() + "@" + context.scheduledRunTime();
    }

    public static long add(int a, long b) {
      return a + b;
    }

    public static String greet(String name, int times) {
      return (name + "!").repeat(times);
    }

    public static String label(Address address) {
      return address.zip() + " " + address.city();
    }

    public static String tagged(String tag, TaskContext context, List<Integer> values) {
      return tag + ":" + context.jobId() + ":" + values;
    }

    public static String kwargsOf(TaskContext context) {
      return context.args() + " " + context.kwargs();
    }

    public static String region(TaskContext context) {
      return "context:" + context.kwargs().get("region");
    }

    public static String region(TaskContext context, String region) {
      return "bound:" + region;
    }

    public static String nullable(@Nullable String value) {
      return String.valueOf(value);
    }

    public static String overloaded(String text) {
      return "one:" + text;
    }

    public static String overloaded(String text, int count) {
      return "two:" + text + count;
    }

    public static String either(String text) {
      return "text:" + text;
    }

    public static String either(int number) {
      return "number:" + number;
    }

    public static void fail() {
      throw new IllegalStateException("boom");
    }

    public static void failChecked() throws IOException {
      throw new IOException("disk full");
    }

    public static void failWithError() {
      throw new AssertionError("fatal");
    }

    public String instanceMethod() {
      return "not static";
    }
  }

  private static TaskContext context() {
    Task task = ctx -> null;
    JobSpec spec = JobSpec.builder().id("job-1").task(task).build();
    return new TaskContext(
        Job.create(
            spec,
            "job-1",
            task,
            DateTrigger.at(ZonedDateTime.ofInstant(RUN_TIME, BERLIN)),
            JobDefaults.ofDefaults(),
            RUN_TIME),
        RUN_TIME);
  }

  private static TaskRef ref(String method) {
    return TaskRef.of(FIXTURES + "::" + method);
  }

  private @Nullable Object run(String method, List<Object> args, Map<String, Object> kwargs)
      throws Exception {
    return resolver.resolve(ref(method), args, kwargs).run(context());
  }

  @Test
  void argsThatFitTwoOverloadsAreRejectedAsAmbiguous() {
    assertThatThrownBy(() -> resolver.resolve(ref("either"), List.of(1), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is ambiguous")
        .hasMessageContaining("either(int)")
        .hasMessageContaining("either(java.lang.String)");
  }

  @Test
  void aReferenceWithoutArgumentsResolvesToOneTaskPerClassLoader() throws Exception {
    Task first = resolver.resolve(ref("ping"), List.of(), Map.of());
    assertThat(resolver.resolve(ref("ping"), List.of(), Map.of())).isSameAs(first);
    assertThat(first.run(context())).isEqualTo("pong");

    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (URLClassLoader other = new URLClassLoader(new URL[0], original)) {
      thread.setContextClassLoader(other);
      Task throughOther = resolver.resolve(ref("ping"), List.of(), Map.of());
      assertThat(throughOther).isNotSameAs(first);
      assertThat(throughOther.run(context())).isEqualTo("pong");
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  @Test
  void aReferenceWithArgumentsIsBoundToEachJobsArguments() throws Exception {
    Task fortyTwo = resolver.resolve(ref("add"), List.of(2, 40L), Map.of());
    Task two = resolver.resolve(ref("add"), List.of(1, 1L), Map.of());

    assertThat(fortyTwo.run(context())).isEqualTo(42L);
    assertThat(two.run(context())).isEqualTo(2L);
    assertThat(resolver.resolve(ref("greet"), List.of(), Map.of("name", "Al", "times", 1)))
        .isNotSameAs(resolver.resolve(ref("greet"), List.of(), Map.of("name", "Al", "times", 1)));
  }

  @Test
  void resolvesAMethodWithoutParameters() throws Exception {
    assertThat(run("ping", List.of(), Map.of())).isEqualTo("pong");
  }

  @Test
  void passesTheRunsContextToATaskContextParameter() throws Exception {
    assertThat(run("jobIdOf", List.of(), Map.of())).isEqualTo("job-1@" + RUN_TIME);
  }

  @Test
  void convertsPositionalArgsToTheParameterTypes() throws Exception {
    assertThat(run("add", List.of(2L, 40), Map.of())).isEqualTo(42L);
    assertThat(run("greet", List.of("Ada", "2"), Map.of())).isEqualTo("Ada!Ada!");
  }

  @Test
  void convertsAMapArgToARecord() throws Exception {
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("city", "Berlin");
    address.put("zip", 10115L);

    assertThat(run("label", List.of(address), Map.of())).isEqualTo("10115 Berlin");
  }

  @Test
  void bindsKwargsByParameterName() throws Exception {
    assertThat(run("greet", List.of(), Map.of("times", 3, "name", "Bo"))).isEqualTo("Bo!Bo!Bo!");
  }

  @Test
  void bindsArgsFirstThenKwargsAroundTheContext() throws Exception {
    assertThat(run("tagged", List.of("t"), Map.of("values", List.of(1L, 2L))))
        .isEqualTo("t:job-1:[1, 2]");
  }

  @Test
  void passesNullToAReferenceParameter() throws Exception {
    assertThat(run("nullable", Arrays.asList((Object) null), Map.of())).isEqualTo("null");
  }

  @Test
  void picksTheOverloadTheArgumentsFit() throws Exception {
    assertThat(run("overloaded", List.of("x"), Map.of())).isEqualTo("one:x");
    assertThat(run("overloaded", List.of("x", 2), Map.of())).isEqualTo("two:x2");
  }

  @Test
  void eachRunGetsTheContextOfThatRun() throws Exception {
    Task task = resolver.resolve(ref("jobIdOf"), List.of(), Map.of());
    TaskContext first = context();
    TaskContext later = new TaskContext(first.job(), RUN_TIME.plusSeconds(60));

    assertThat(task.run(first)).isEqualTo("job-1@" + RUN_TIME);
    assertThat(task.run(later)).isEqualTo("job-1@" + RUN_TIME.plusSeconds(60));
  }

  @Test
  void aTaskContextMethodReadsArgsAndKwargsThroughTheContext() throws Exception {
    Task task = resolver.resolve(ref("kwargsOf"), List.of(7), Map.of("region", "eu"));
    JobSpec spec =
        JobSpec.builder().id("job-1").task(task).args(7).kwargs(Map.of("region", "eu")).build();
    Job job =
        Job.create(
            spec,
            "job-1",
            task,
            DateTrigger.at(ZonedDateTime.ofInstant(RUN_TIME, BERLIN)),
            JobDefaults.ofDefaults(),
            RUN_TIME);

    assertThat(task.run(new TaskContext(job, RUN_TIME))).isEqualTo("[7] {region=eu}");
  }

  @Test
  void anOverloadThatBindsEveryKwargWinsOverOneThatLeavesThemToTheContext() throws Exception {
    assertThat(run("region", List.of(), Map.of("region", "eu"))).isEqualTo("bound:eu");
    assertThat(run("region", List.of(), Map.of())).isEqualTo("context:null");
  }

  @Test
  void tooFewArgsAreRejectedNamingTheReference() {
    assertThatThrownBy(() -> resolver.resolve(ref("add"), List.of(1), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskRef '" + FIXTURES + "::add'")
        .hasMessageContaining("fit no overload")
        .hasMessageContaining("no value for parameter 2 (b)");
  }

  @Test
  void tooManyArgsAreRejectedNamingTheReference() {
    assertThatThrownBy(() -> resolver.resolve(ref("ping"), List.of(1), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskRef '" + FIXTURES + "::ping'")
        .hasMessageContaining("takes 0 parameters, but the job passes 1 args and 0 kwargs");
  }

  @Test
  void kwargsNamingNoParameterAreRejected() {
    assertThatThrownBy(
            () ->
                resolver.resolve(ref("greet"), List.of(), Map.of("name", "A", "times", 1, "x", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskRef '" + FIXTURES + "::greet'")
        .hasMessageContaining("takes 2 parameters, but the job passes 0 args and 3 kwargs");
  }

  @Test
  void aKwargForAParameterAlreadyGivenPositionallyIsRejected() {
    assertThatThrownBy(() -> resolver.resolve(ref("greet"), List.of("A", 1), Map.of("name", "B")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes 2 parameters, but the job passes 2 args and 1 kwargs");
  }

  @Test
  void aValueThatCannotBeConvertedIsRejectedNamingParameterAndValue() {
    assertThatThrownBy(() -> resolver.resolve(ref("add"), List.of("one", 2), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskRef '" + FIXTURES + "::add'")
        .hasMessageContaining("parameter a cannot take one");
  }

  @Test
  void nullForAPrimitiveParameterIsRejected() {
    assertThatThrownBy(() -> resolver.resolve(ref("add"), Arrays.asList(null, 2), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter a is primitive, but got null");
  }

  @Test
  void anUnknownClassIsRejectedNamingTheReference() {
    TaskRef ref = TaskRef.of("com.example.NoSuchType::run");

    assertThatThrownBy(() -> resolver.resolve(ref, List.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "taskRef 'com.example.NoSuchType::run': class com.example.NoSuchType cannot be"
                + " loaded");
  }

  @Test
  void anUnknownMethodIsRejectedNamingTheReference() {
    assertThatThrownBy(() -> resolver.resolve(ref("nope"), List.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "taskRef '"
                + FIXTURES
                + "::nope': "
                + FIXTURES
                + " has no public static method 'nope'");
  }

  @Test
  void anInstanceMethodIsNotAStaticTask() {
    assertThatThrownBy(() -> resolver.resolve(ref("instanceMethod"), List.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no public static method 'instanceMethod'");
  }

  @Test
  void beanReferencesAreLeftToTheSpringBootStarter() {
    TaskRef ref = TaskRef.of("bean:reportService#daily");

    assertThatThrownBy(() -> resolver.resolve(ref, List.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bean:reportService#daily'")
        .hasMessageContaining("scheduler-spring-boot-starter");
  }

  @Test
  void anExceptionFromTheTargetPropagatesAsItself() throws Exception {
    Task task = resolver.resolve(ref("fail"), List.of(), Map.of());

    assertThatThrownBy(() -> task.run(context()))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
  }

  @Test
  void aCheckedExceptionFromTheTargetPropagatesAsItself() {
    Task task = resolver.resolve(ref("failChecked"), List.of(), Map.of());

    assertThatThrownBy(() -> task.run(context()))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("disk full");
  }

  @Test
  void anErrorFromTheTargetPropagatesAsItself() {
    Task task = resolver.resolve(ref("failWithError"), List.of(), Map.of());

    assertThatThrownBy(() -> task.run(context()))
        .isExactlyInstanceOf(AssertionError.class)
        .hasMessage("fatal");
  }
}

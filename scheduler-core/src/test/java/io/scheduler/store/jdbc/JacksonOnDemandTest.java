package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.trigger.IntervalTrigger;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A Jackson mapper costs about 200 ms to build in a cold JVM, so the core builds its two only when
 * a job needs them: a node that adds and loads jobs whose args are empty and whose values are plain
 * never builds one. Each scenario runs in a class loader of its own over the test class path, which
 * shows which of the lazily built holders were loaded.
 */
class JacksonOnDemandTest {

  // Loaded only to build a mapper (verifying the core may load JsonMapper itself).
  private static final String MAPPER = "tools.jackson.databind.cfg.MapperBuilder";

  /** The task of the scenarios' jobs. */
  public static final class Tasks {
    private Tasks() {}

    public static void report() {}

    public static void greet(int times) {}
  }

  /** Adds a job without args to a JDBC store on H2 and loads it back. */
  public static final class JobWithoutArgs implements Runnable {
    @Override
    public void run() {
      addAndLoad(
          JobSpec.builder().id("report").task(TaskRef.of(Tasks.class.getName() + "::report")));
    }
  }

  /** Adds a job whose arg is converted to its method's parameter type, and loads it back. */
  public static final class JobWithArgs implements Runnable {
    @Override
    public void run() {
      addAndLoad(
          JobSpec.builder()
              .id("greet")
              .task(TaskRef.of(Tasks.class.getName() + "::greet"))
              .args(List.of(3)));
    }
  }

  private static void addAndLoad(JobSpec.Builder job) {
    JdbcDataSource dataSource = new JdbcDataSource();
    // Each isolated loader has H2 classes, and so in-memory databases, of its own.
    dataSource.setURL("jdbc:h2:mem:jackson-on-demand;DB_CLOSE_DELAY=-1");
    Scheduler scheduler =
        BackgroundScheduler.builder()
            .jobStore("default", JdbcJobStore.builder(dataSource).build())
            .build();
    scheduler.start(true);
    try {
      String id =
          scheduler.addJob(job.trigger(IntervalTrigger.every(Duration.ofHours(1))).build()).id();
      assertThat(scheduler.getJob(id)).isPresent();
    } finally {
      scheduler.shutdown(true);
    }
  }

  @Test
  void addingAndLoadingAJobWithoutArgsBuildsNoMapper() throws Exception {
    try (IsolatedLoader loader = new IsolatedLoader()) {
      loader.run(JobWithoutArgs.class);

      assertThat(loader.loaded(MAPPER)).isFalse();
    }
  }

  @Test
  void aJobWithArgsBuildsTheConverterItNeeds() throws Exception {
    try (IsolatedLoader loader = new IsolatedLoader()) {
      loader.run(JobWithArgs.class);

      assertThat(loader.loaded(MAPPER)).isTrue();
    }
  }

  /** Loads the test class path afresh, apart from the JDK. */
  private static final class IsolatedLoader extends URLClassLoader {
    IsolatedLoader() throws MalformedURLException {
      super(classPath(), ClassLoader.getPlatformClassLoader());
    }

    private static URL[] classPath() throws MalformedURLException {
      List<URL> urls = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        urls.add(new File(entry).toURI().toURL());
      }
      return urls.toArray(URL[]::new);
    }

    /** Runs a scenario, loaded here, with this loader as the thread's context class loader. */
    void run(Class<? extends Runnable> scenario) throws Exception {
      Thread thread = Thread.currentThread();
      ClassLoader original = thread.getContextClassLoader();
      thread.setContextClassLoader(this);
      try {
        ((Runnable) loadClass(scenario.getName()).getDeclaredConstructor().newInstance()).run();
      } finally {
        thread.setContextClassLoader(original);
      }
    }

    boolean loaded(String className) {
      return findLoadedClass(className) != null;
    }
  }
}

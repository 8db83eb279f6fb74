package io.scheduler.job;

import java.util.List;
import java.util.Map;

/**
 * Turns a {@link TaskRef} into runnable code, binding the job's args and kwargs. The scheduler
 * resolves a job's reference when the job is added (so a bad reference fails at once) and
 * persistent stores resolve it again when they load the job.
 */
@FunctionalInterface
public interface TaskResolver {

  /**
   * Resolves a reference.
   *
   * @param ref the reference
   * @param args the job's positional arguments
   * @param kwargs the job's keyword arguments
   * @return the task
   * @throws IllegalArgumentException when the reference names nothing runnable, or the arguments do
   *     not fit it; the message names the reference and what is wrong
   */
  Task resolve(TaskRef ref, List<Object> args, Map<String, Object> kwargs);

  /**
   * Returns the default resolver: {@code com.example.Type::method} names a public static method,
   * loaded through the thread's context class loader. Parameters of type {@link TaskContext}
   * receive the run's context; the others take the args in order, then the kwargs by parameter name
   * (compile with {@code -parameters} to use kwargs). Values are converted to the parameter types
   * as JSON would be ({@code 1} to {@code long}, a map to a record). {@code bean:} references need
   * the Spring Boot starter's resolver.
   *
   * @return the static-method resolver
   */
  static TaskResolver staticMethods() {
    return new StaticMethodTaskResolver();
  }
}

package io.scheduler.boot.discovery;

import io.scheduler.job.Task;
import io.scheduler.job.TaskContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.util.ReflectionUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A method with a job's args and kwargs bound to its parameters, by the core's rules for static
 * methods ({@code TaskResolver.staticMethods()}): {@link TaskContext} parameters receive the run's
 * context, the others take the args in order, then the kwargs by parameter name; values are
 * converted as JSON would be. (The core's binder is package-private, so this is a copy of its rules
 * for instance methods.)
 */
final class MethodBinding {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final Method method;
  private final @Nullable Object[] values;
  private final boolean[] isContext;

  private MethodBinding(Method method, @Nullable Object[] values, boolean[] isContext) {
    this.method = method;
    this.values = values;
    this.isContext = isContext;
  }

  /** The methods named {@code name} that a task reference may mean, inherited ones included. */
  static List<Method> candidates(Class<?> type, String name) {
    return Arrays.asList(
        ReflectionUtils.getUniqueDeclaredMethods(
            type, m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic()));
  }

  /**
   * Binds args and kwargs to one method.
   *
   * @throws IllegalArgumentException naming the parameter that does not fit
   */
  static MethodBinding bind(Method method, List<Object> args, Map<String, Object> kwargs) {
    Parameter[] parameters = method.getParameters();
    @Nullable Object[] values = new Object[parameters.length];
    boolean[] isContext = new boolean[parameters.length];
    int nextArg = 0;
    int usedKwargs = 0;
    for (int i = 0; i < parameters.length; i++) {
      Parameter parameter = parameters[i];
      if (parameter.getType() == TaskContext.class) {
        isContext[i] = true;
      } else if (nextArg < args.size()) {
        values[i] = convert(args.get(nextArg++), parameter, method);
      } else if (parameter.isNamePresent() && kwargs.containsKey(parameter.getName())) {
        values[i] = convert(kwargs.get(parameter.getName()), parameter, method);
        usedKwargs++;
      } else {
        throw new IllegalArgumentException(
            describe(method)
                + " has no value for parameter "
                + (i + 1)
                + " ("
                + (parameter.isNamePresent()
                    ? parameter.getName()
                    : "compile with -parameters to pass it by name")
                + ")");
      }
    }
    if (nextArg < args.size() || usedKwargs < kwargs.size()) {
      throw new IllegalArgumentException(
          describe(method)
              + " takes "
              + parameters.length
              + " parameters, but the job passes "
              + args.size()
              + " args and "
              + kwargs.size()
              + " kwargs");
    }
    return new MethodBinding(method, values, isContext);
  }

  /**
   * Resolves {@code ref} to the one method of {@code type} the args and kwargs fit.
   *
   * @throws IllegalArgumentException when none fits or several do
   */
  static MethodBinding resolve(
      String ref, Class<?> type, String name, List<Object> args, Map<String, Object> kwargs) {
    List<Method> candidates = candidates(type, name);
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException(
          "taskRef '" + ref + "': " + type.getName() + " has no method '" + name + "'");
    }
    List<String> problems = new ArrayList<>();
    List<MethodBinding> fitting = new ArrayList<>();
    for (Method method : candidates) {
      try {
        fitting.add(bind(method, args, kwargs));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (fitting.size() == 1) {
      return fitting.get(0);
    }
    if (fitting.size() > 1) {
      throw new IllegalArgumentException(
          "taskRef '"
              + ref
              + "' is ambiguous: the job's args fit "
              + fitting.stream().map(binding -> describe(binding.method)).sorted().toList()
              + "; rename one of the methods");
    }
    throw new IllegalArgumentException(
        "taskRef '"
            + ref
            + "': the job's args "
            + args
            + " and kwargs "
            + kwargs.keySet()
            + " fit no overload: "
            + String.join("; ", problems));
  }

  Method method() {
    return method;
  }

  /**
   * Returns a task that calls the method on {@code target}, through its proxy when it has one.
   *
   * @throws IllegalArgumentException when a proxy cannot call the method (private, or not on the
   *     proxy's interfaces)
   */
  Task task(Object target) {
    Method invocable;
    try {
      invocable = AopUtils.selectInvocableMethod(method, target.getClass());
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(describe(method) + " cannot be called: " + e.getMessage());
    }
    ReflectionUtils.makeAccessible(invocable);
    return context -> {
      Object[] call = Arrays.copyOf(values, values.length);
      for (int i = 0; i < call.length; i++) {
        if (isContext[i]) {
          call[i] = context;
        }
      }
      try {
        return invocable.invoke(target, call);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Exception exception) {
          throw exception;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw e;
      }
    };
  }

  private static @Nullable Object convert(@Nullable Object value, Parameter parameter, Method m) {
    if (value == null) {
      if (parameter.getType().isPrimitive()) {
        throw new IllegalArgumentException(
            describe(m) + " parameter " + parameter.getName() + " is primitive, but got null");
      }
      return null;
    }
    try {
      return MAPPER.convertValue(value, MAPPER.constructType(parameter.getParameterizedType()));
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          describe(m)
              + " parameter "
              + parameter.getName()
              + " cannot take "
              + value
              + " ("
              + e.getOriginalMessage()
              + ")",
          e);
    }
  }

  static String describe(Method method) {
    return method.getDeclaringClass().getName()
        + "#"
        + method.getName()
        + Arrays.toString(method.getParameterTypes())
            .replace('[', '(')
            .replace(']', ')')
            .replace("class ", "");
  }
}

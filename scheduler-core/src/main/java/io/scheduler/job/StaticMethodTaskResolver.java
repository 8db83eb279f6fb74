package io.scheduler.job;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Resolves {@code com.example.Type::method} references to public static methods. */
final class StaticMethodTaskResolver implements TaskResolver {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Override
  public Task resolve(TaskRef ref, List<Object> args, Map<String, Object> kwargs) {
    if (ref.isBean()) {
      throw new IllegalArgumentException(
          "taskRef '"
              + ref
              + "' names a Spring bean; bean references are resolved by"
              + " scheduler-spring-boot-starter");
    }
    Class<?> type = loadClass(ref);
    List<String> problems = new ArrayList<>();
    List<Method> candidates = new ArrayList<>();
    for (Method method : type.getMethods()) {
      if (method.getName().equals(ref.method()) && Modifier.isStatic(method.getModifiers())) {
        candidates.add(method);
      }
    }
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException(
          "taskRef '"
              + ref
              + "': "
              + type.getName()
              + " has no public static method '"
              + ref.method()
              + "'");
    }
    List<Method> fitting = new ArrayList<>();
    Task task = null;
    for (Method method : candidates) {
      try {
        task = bind(method, args, kwargs);
        fitting.add(method);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (fitting.size() == 1) {
      return task;
    }
    if (fitting.size() > 1) {
      throw new IllegalArgumentException(
          "taskRef '"
              + ref
              + "' is ambiguous: the job's args fit "
              + fitting.stream().map(StaticMethodTaskResolver::describe).sorted().toList()
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

  private static Class<?> loadClass(TaskRef ref) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      return Class.forName(
          ref.target(),
          true,
          loader != null ? loader : StaticMethodTaskResolver.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(
          "taskRef '" + ref + "': class " + ref.target() + " cannot be loaded (" + e + ")", e);
    }
  }

  private static Task bind(Method method, List<Object> args, Map<String, Object> kwargs) {
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
                    : "compile with -parameters" + " to pass it by name")
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
    return context -> {
      Object[] call = Arrays.copyOf(values, values.length);
      for (int i = 0; i < call.length; i++) {
        if (isContext[i]) {
          call[i] = context;
        }
      }
      try {
        return method.invoke(null, call);
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

  private static String describe(Method method) {
    return method.getDeclaringClass().getName()
        + "::"
        + method.getName()
        + Arrays.toString(method.getParameterTypes())
            .replace('[', '(')
            .replace(']', ')')
            .replace("class ", "");
  }
}

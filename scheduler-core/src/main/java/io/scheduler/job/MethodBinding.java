package io.scheduler.job;

import io.scheduler.internal.JsonValues;
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

/**
 * A method with a job's args and kwargs bound to its parameters: the binding rules every {@link
 * TaskResolver} of this project shares. {@link TaskContext} parameters receive the run's context;
 * the others take the args in order, then the kwargs by parameter name (compile with {@code
 * -parameters}); values are converted to the parameter types as JSON would be ({@code 1} to {@code
 * long}, a map to a record). A method that takes a {@link TaskContext} may leave args and kwargs
 * unbound: it reads them through {@link TaskContext#args()} and {@link TaskContext#kwargs()}. Among
 * overloads that fit, one that binds every value wins.
 */
public final class MethodBinding {

  /**
   * The mapper that converts args to parameter types, built on first use: building one costs about
   * 200 ms of a cold JVM, which a scheduler whose tasks take no args never pays.
   */
  private static final class Converter {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
  }

  private final Method method;
  private final @Nullable Object[] values;
  private final boolean[] isContext;
  // Whether every arg and kwarg is bound to a parameter (none is left to the TaskContext).
  private final boolean bindsAll;

  private MethodBinding(
      Method method, @Nullable Object[] values, boolean[] isContext, boolean bindsAll) {
    this.method = method;
    this.values = values;
    this.isContext = isContext;
    this.bindsAll = bindsAll;
  }

  /**
   * Binds args and kwargs to one method.
   *
   * @param method the method
   * @param args the job's positional arguments
   * @param kwargs the job's keyword arguments
   * @return the binding
   * @throws IllegalArgumentException naming the method and the parameter or value that does not fit
   */
  public static MethodBinding bind(Method method, List<Object> args, Map<String, Object> kwargs) {
    Parameter[] parameters = method.getParameters();
    @Nullable Object[] values = new Object[parameters.length];
    boolean[] isContext = new boolean[parameters.length];
    int nextArg = 0;
    int usedKwargs = 0;
    boolean takesContext = false;
    for (int i = 0; i < parameters.length; i++) {
      Parameter parameter = parameters[i];
      if (parameter.getType() == TaskContext.class) {
        isContext[i] = true;
        takesContext = true;
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
    boolean bindsAll = nextArg == args.size() && usedKwargs == kwargs.size();
    if (!bindsAll && !takesContext) {
      throw new IllegalArgumentException(
          describe(method)
              + " takes "
              + parameters.length
              + " parameters, but the job passes "
              + args.size()
              + " args and "
              + kwargs.size()
              + " kwargs (a method taking a TaskContext may leave them to it)");
    }
    return new MethodBinding(method, values, isContext, bindsAll);
  }

  /**
   * Picks the one method among a reference's candidates that the args and kwargs fit.
   *
   * @param ref the reference, for messages
   * @param candidates the methods the reference may mean (its type's methods of that name)
   * @param args the job's positional arguments
   * @param kwargs the job's keyword arguments
   * @return the binding of the one fitting method
   * @throws IllegalArgumentException naming the reference when there are no candidates, none fits,
   *     or several fit
   */
  public static MethodBinding resolve(
      TaskRef ref, List<Method> candidates, List<Object> args, Map<String, Object> kwargs) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException(
          "taskRef '" + ref + "': " + ref.target() + " has no method '" + ref.method() + "'");
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
    if (fitting.size() > 1) {
      List<MethodBinding> bindingAll =
          fitting.stream().filter(binding -> binding.bindsAll).toList();
      if (bindingAll.size() == 1) {
        return bindingAll.get(0);
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
            + (JsonValues.nestingProblem(args) == null
                ? args
                : "(not shown: cyclic or nested too deep)")
            + " and kwargs "
            + kwargs.keySet()
            + " fit no overload: "
            + String.join("; ", problems));
  }

  /**
   * Returns the bound method.
   *
   * @return the method
   */
  public Method method() {
    return method;
  }

  /**
   * Returns a task that calls the bound method.
   *
   * @param target the object to call it on, or {@code null} for a static method
   * @return the task; the method's exceptions pass through unwrapped
   */
  public Task task(@Nullable Object target) {
    return task(target, method);
  }

  /**
   * Returns a task that calls, with the bound values, a method of the same signature that can be
   * invoked on {@code target} (the bound method as seen through a proxy, say).
   *
   * @param target the object to call it on, or {@code null} for a static method
   * @param invocable the method to invoke, accessible
   * @return the task; the method's exceptions pass through unwrapped
   */
  public Task task(@Nullable Object target, Method invocable) {
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

  /**
   * Describes a method for messages: {@code com.example.Type::name(int, String)} for static
   * methods, {@code com.example.Type#name(TaskContext)} for instance methods.
   *
   * @param method the method
   * @return the description
   */
  public static String describe(Method method) {
    return method.getDeclaringClass().getName()
        + (Modifier.isStatic(method.getModifiers()) ? "::" : "#")
        + method.getName()
        + Arrays.toString(method.getParameterTypes())
            .replace('[', '(')
            .replace(']', ')')
            .replace("class ", "");
  }

  private static @Nullable Object convert(@Nullable Object value, Parameter parameter, Method m) {
    if (value == null) {
      if (parameter.getType().isPrimitive()) {
        throw new IllegalArgumentException(
            describe(m) + " parameter " + parameter.getName() + " is primitive, but got null");
      }
      return null;
    }
    if (value instanceof List<?> || value instanceof Map<?, ?>) {
      String problem = JsonValues.nestingProblem(value);
      if (problem != null) {
        throw new IllegalArgumentException(
            describe(m) + " parameter " + parameter.getName() + ": the value" + problem);
      }
    }
    try {
      JsonMapper mapper = Converter.MAPPER;
      return mapper.convertValue(value, mapper.constructType(parameter.getParameterizedType()));
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
}

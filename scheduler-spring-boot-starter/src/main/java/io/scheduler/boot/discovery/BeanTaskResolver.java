package io.scheduler.boot.discovery;

import io.scheduler.job.MethodBinding;
import io.scheduler.job.Task;
import io.scheduler.job.TaskRef;
import io.scheduler.job.TaskResolver;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;

/**
 * Resolves {@code bean:beanName#method} task references to methods of beans of a {@link
 * BeanFactory}, and hands every other reference to a delegate ({@link TaskResolver#staticMethods()}
 * by default).
 *
 * <p>The bean is looked up when the job is added or loaded from a store; the method is found on the
 * bean's target class (any visibility, inherited ones included) and called on the bean itself, so a
 * proxy's advice ({@code @Transactional}, ...) applies. Args and kwargs are bound as {@link
 * TaskResolver#staticMethods()} binds them: {@code TaskContext} parameters receive the run's
 * context, the others take the args in order, then the kwargs by parameter name, converted as JSON
 * would be.
 */
public final class BeanTaskResolver implements TaskResolver {

  private final BeanFactory beanFactory;
  private final TaskResolver delegate;

  /**
   * Creates a resolver that hands non-bean references to {@link TaskResolver#staticMethods()}.
   *
   * @param beanFactory where beans are looked up
   */
  public BeanTaskResolver(BeanFactory beanFactory) {
    this(beanFactory, TaskResolver.staticMethods());
  }

  /**
   * Creates a resolver.
   *
   * @param beanFactory where beans are looked up
   * @param delegate resolves the references that do not start with {@code bean:}
   */
  public BeanTaskResolver(BeanFactory beanFactory, TaskResolver delegate) {
    this.beanFactory = beanFactory;
    this.delegate = delegate;
  }

  @Override
  public Task resolve(TaskRef ref, List<Object> args, Map<String, Object> kwargs) {
    if (!ref.isBean()) {
      return delegate.resolve(ref, args, kwargs);
    }
    Object bean;
    try {
      bean = beanFactory.getBean(ref.target());
    } catch (NoSuchBeanDefinitionException e) {
      throw new IllegalArgumentException(
          "taskRef '" + ref + "': there is no bean named '" + ref.target() + "'", e);
    } catch (BeansException e) {
      throw new IllegalArgumentException(
          "taskRef '" + ref + "': bean '" + ref.target() + "' cannot be created: " + e, e);
    }
    Class<?> type = AopProxyUtils.ultimateTargetClass(bean);
    List<Method> candidates = ScheduledJobMethods.named(type, ref.method());
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException(
          "taskRef '" + ref + "': " + type.getName() + " has no method '" + ref.method() + "'");
    }
    MethodBinding binding = MethodBinding.resolve(ref, candidates, args, kwargs);
    return binding.task(bean, ScheduledJobMethods.invocable(binding.method(), bean));
  }
}

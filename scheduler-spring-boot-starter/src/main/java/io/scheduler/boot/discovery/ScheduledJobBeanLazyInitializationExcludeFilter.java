package io.scheduler.boot.discovery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationExcludeFilter;

/**
 * Keeps beans with {@code @ScheduledJob} methods out of lazy initialization ({@code
 * spring.main.lazy-initialization=true}): a bean that is never created would never have its jobs
 * registered.
 */
public final class ScheduledJobBeanLazyInitializationExcludeFilter
    implements LazyInitializationExcludeFilter {

  private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

  /** Creates the filter. */
  public ScheduledJobBeanLazyInitializationExcludeFilter() {}

  @Override
  public boolean isExcluded(String beanName, BeanDefinition beanDefinition, Class<?> beanType) {
    if (beanType == null
        || AopInfrastructureBean.class.isAssignableFrom(beanType)
        || nonAnnotatedClasses.contains(beanType)) {
      return false;
    }
    if (ScheduledJobMethods.find(beanType).isEmpty()) {
      nonAnnotatedClasses.add(beanType);
      return false;
    }
    return true;
  }
}

package io.scheduler.boot.autoconfigure;

import io.scheduler.config.Durations;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;

/**
 * Binds {@link SchedulerDuration} properties (text, or a number of seconds from YAML) with the
 * core's one duration grammar, so {@code scheduler.*} durations read exactly as
 * {@code @ScheduledJob} attributes and trigger options do. Other properties of the application keep
 * Spring Boot's own conversion.
 */
final class SchedulerDurationConverter implements ConditionalGenericConverter {

  @Override
  public Set<ConvertiblePair> getConvertibleTypes() {
    return Set.of(
        new ConvertiblePair(String.class, Duration.class),
        new ConvertiblePair(Number.class, Duration.class));
  }

  @Override
  public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
    return targetType.hasAnnotation(SchedulerDuration.class);
  }

  @Override
  public @Nullable Object convert(
      @Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
    if (source == null || source.toString().isBlank()) {
      return null;
    }
    return Durations.parse(source.toString());
  }
}

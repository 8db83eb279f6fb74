package io.scheduler.sample;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The triggers the sample previews, from {@code sample.*} in {@code application.yml}: each entry
 * names a trigger alias ({@code type}) and its APScheduler-style options.
 *
 * @param zone the zone triggers are evaluated in when they name none
 * @param count how many upcoming fire times to print per trigger
 * @param triggers trigger definitions by name: {@code type} plus options
 */
@ConfigurationProperties("sample")
public record SampleTriggersProperties(
    ZoneId zone, int count, Map<String, Map<String, String>> triggers) {

  /** Applies the defaults: UTC, five fire times, no triggers. */
  public SampleTriggersProperties {
    zone = zone == null ? ZoneId.of("UTC") : zone;
    count = count <= 0 ? 5 : count;
    triggers = triggers == null ? Map.of() : new LinkedHashMap<>(triggers);
  }
}

package io.scheduler.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The triggers the sample previews, from {@code sample.*} in {@code application.yml}: each entry
 * names a trigger alias ({@code type}) and its APScheduler-style options; triggers that name no
 * {@code timezone} use the scheduler's ({@code scheduler.timezone}).
 *
 * @param count how many upcoming fire times to print per trigger
 * @param triggers trigger definitions by name: {@code type} plus options
 */
@ConfigurationProperties("sample")
public record SampleTriggersProperties(int count, Map<String, Map<String, String>> triggers) {

  /** Applies the defaults: five fire times, no triggers. */
  public SampleTriggersProperties {
    count = count <= 0 ? 5 : count;
    triggers = triggers == null ? Map.of() : new LinkedHashMap<>(triggers);
  }
}

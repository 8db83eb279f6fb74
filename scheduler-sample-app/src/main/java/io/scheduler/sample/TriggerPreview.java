package io.scheduler.sample;

import io.scheduler.trigger.Trigger;
import io.scheduler.trigger.TriggerJson;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Builds every configured trigger and logs its next fire times and JSON form at startup. */
@Component
public class TriggerPreview implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(TriggerPreview.class);

  private final SampleTriggersProperties properties;
  private final Clock clock;

  /**
   * Creates the preview.
   *
   * @param properties which triggers to preview
   * @param clock the source of "now"
   */
  public TriggerPreview(SampleTriggersProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(properties.zone()));
    properties
        .triggers()
        .forEach(
            (name, definition) -> {
              Trigger trigger = build(definition);
              log.info(
                  "{}: {} next {}: {}  json={}",
                  name,
                  trigger,
                  properties.count(),
                  upcoming(trigger, now),
                  TriggerJson.toJson(trigger));
            });
  }

  Trigger build(Map<String, String> definition) {
    Map<String, Object> form = new LinkedHashMap<>(definition);
    return TriggerJson.fromMap(form, properties.zone());
  }

  List<ZonedDateTime> upcoming(Trigger trigger, ZonedDateTime now) {
    List<ZonedDateTime> fires = new ArrayList<>();
    ZonedDateTime previous = null;
    while (fires.size() < properties.count()) {
      var next = trigger.nextFireTime(previous, previous == null ? now : previous);
      if (next.isEmpty()) {
        break;
      }
      previous = next.get();
      fires.add(previous);
    }
    return fires;
  }
}

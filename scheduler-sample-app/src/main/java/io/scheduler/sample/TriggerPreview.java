package io.scheduler.sample;

import io.scheduler.Scheduler;
import io.scheduler.trigger.Trigger;
import io.scheduler.trigger.TriggerJson;
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
  private final Scheduler scheduler;

  /**
   * Creates the preview.
   *
   * @param properties which triggers to preview
   * @param scheduler whose clock and time zone apply
   */
  public TriggerPreview(SampleTriggersProperties properties, Scheduler scheduler) {
    this.properties = properties;
    this.scheduler = scheduler;
  }

  @Override
  public void run(ApplicationArguments args) {
    ZonedDateTime now = ZonedDateTime.now(scheduler.clock().withZone(scheduler.timezone()));
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
    return TriggerJson.fromMap(form, scheduler.timezone());
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

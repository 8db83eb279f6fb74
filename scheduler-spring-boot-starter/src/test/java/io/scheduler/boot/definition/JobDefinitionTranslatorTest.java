package io.scheduler.boot.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.boot.definition.JobDefinition.Field;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.JobSpec;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Triggers;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JobDefinitionTranslator}: one translation for annotations and properties, with the core's
 * duration grammar, and errors that name the key the user wrote and the value, in both sources.
 */
class JobDefinitionTranslatorTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final String TASK = "com.example.Reports::daily";
  private static final String PREFIX = "scheduler.jobs.report.";

  private static JobDefinition annotation() {
    return JobDefinition.fromAnnotation().task("task", TASK).set(Field.ID, "id", "report");
  }

  private static JobDefinition properties() {
    return JobDefinition.fromProperties()
        .task(PREFIX + "task", TASK)
        .set(Field.ID, "scheduler.jobs.report", "report");
  }

  @ParameterizedTest(name = "jitter \"{0}\"")
  @ValueSource(strings = {"30s", "PT30S", "30", "30000ms"})
  void jitterWithAUnitWorksInAnnotationsAndProperties(String jitter) {
    IntervalTrigger expected =
        IntervalTrigger.every(Duration.ofMinutes(5)).withJitter(Duration.ofSeconds(30));

    JobSpec fromProperties =
        JobDefinitionTranslator.translate(
            properties()
                .trigger("interval", PREFIX + "trigger")
                .option("minutes", PREFIX + "trigger-options.minutes", "5")
                .option("jitter", PREFIX + "trigger-options.jitter", jitter),
            ZONE);
    JobSpec fromAnnotation =
        JobDefinitionTranslator.translate(
            annotation().interval("interval", "5m").option("jitter", "jitter", jitter), null);

    assertThat(fromProperties.trigger()).hasToString(expected.toString());
    assertThat(
            Triggers.create(fromAnnotation.triggerAlias(), fromAnnotation.triggerOptions(), ZONE))
        .isEqualTo(fromProperties.trigger());
  }

  @Test
  void textAndTypedValuesMeanTheSame() {
    JobSpec text =
        JobDefinitionTranslator.translate(
            annotation()
                .cron("cron", "0 2 * * *")
                .set(Field.MISFIRE_GRACE_TIME, "misfireGraceTime", "2m")
                .set(Field.COALESCE, "coalesce", "earliest")
                .set(Field.MAX_INSTANCES, "maxInstances", "3"),
            ZONE);
    JobSpec typed =
        JobDefinitionTranslator.translate(
            properties()
                .cron(PREFIX + "cron", "0 2 * * *")
                .set(Field.MISFIRE_GRACE_TIME, PREFIX + "misfire-grace-time", Duration.ofMinutes(2))
                .set(Field.COALESCE, PREFIX + "coalesce", CoalescePolicy.EARLIEST)
                .set(Field.MAX_INSTANCES, PREFIX + "max-instances", 3),
            ZONE);

    assertThat(text.trigger()).isEqualTo(typed.trigger());
    assertThat(text.misfireGraceTime())
        .isEqualTo(typed.misfireGraceTime())
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(text.coalesce()).isEqualTo(typed.coalesce()).isEqualTo(CoalescePolicy.EARLIEST);
    assertThat(text.maxInstances()).isEqualTo(typed.maxInstances()).isEqualTo(3);
  }

  @Test
  void aBadTriggerOptionNamesTheAttributeOrTheProperty() {
    assertThatThrownBy(
            () ->
                JobDefinitionTranslator.translate(
                    annotation().interval("interval", "10s").option("jitter", "jitter", "soon"),
                    null))
        .isInstanceOfSatisfying(
            InvalidJobDefinitionException.class,
            e -> {
              assertThat(e.key()).isEqualTo("jitter");
              assertThat(e.value()).isEqualTo("soon");
            })
        .hasMessageStartingWith("invalid interval trigger: interval trigger option 'jitter'")
        .hasMessageContaining("but was 'soon'")
        .hasMessageEndingWith("(attribute 'jitter')");
    assertThatThrownBy(
            () ->
                JobDefinitionTranslator.translate(
                    properties()
                        .interval(PREFIX + "interval", Duration.ofSeconds(10))
                        .option("jitter", PREFIX + "trigger-options.jitter", "soon"),
                    ZONE))
        .isInstanceOfSatisfying(
            InvalidJobDefinitionException.class,
            e -> {
              assertThat(e.key()).isEqualTo(PREFIX + "trigger-options.jitter");
              assertThat(e.value()).isEqualTo("soon");
            })
        .hasMessageContaining("but was 'soon'")
        .hasMessageEndingWith("(" + PREFIX + "trigger-options.jitter)");
  }

  @Test
  void aBadCronExpressionNamesTheCronKey() {
    assertThatThrownBy(
            () ->
                JobDefinitionTranslator.translate(
                    properties().cron(PREFIX + "cron", "0 25 * * *"), ZONE))
        .isInstanceOfSatisfying(
            InvalidJobDefinitionException.class,
            e -> assertThat(e.key()).isEqualTo(PREFIX + "cron"))
        .hasMessageStartingWith("invalid cron trigger: ")
        .hasMessageEndingWith("(" + PREFIX + "cron)");
  }

  @Test
  void badValuesNameTheKeyAndTheValueInBothSources() {
    assertThatThrownBy(
            () ->
                JobDefinitionTranslator.translate(
                    annotation()
                        .interval("interval", "10s")
                        .set(Field.MAX_INSTANCES, "maxInstances", "many"),
                    null))
        .hasMessage("attribute 'maxInstances' must be a positive integer, but was 'many'");
    assertThatThrownBy(
            () ->
                JobDefinitionTranslator.translate(
                    properties()
                        .interval(PREFIX + "interval", Duration.ofSeconds(10))
                        .set(Field.MAX_INSTANCES, PREFIX + "max-instances", 0),
                    ZONE))
        .hasMessage(PREFIX + "max-instances must be a positive integer, but was '0'");
    assertThatThrownBy(
            () ->
                JobDefinitionTranslator.translate(annotation().interval("interval", "often"), null))
        .hasMessage(
            "attribute 'interval' must be a duration such as 10s, 500ms, 5m or PT10S (a bare number"
                + " is seconds), but was 'often'");
    assertThatThrownBy(
            () ->
                JobDefinitionTranslator.translate(
                    properties().interval(PREFIX + "interval", Duration.ZERO), ZONE))
        .hasMessage(
            PREFIX
                + "interval must be a positive duration such as 10s, 5m or PT1H, but was 'PT0S'");
    assertThatThrownBy(
            () ->
                JobDefinitionTranslator.translate(
                    annotation()
                        .interval("interval", "10s")
                        .set(Field.COALESCE, "coalesce", "sometimes"),
                    null))
        .hasMessage(
            "attribute 'coalesce' must be true, false, earliest, latest or all, but was"
                + " 'sometimes'");
    assertThatThrownBy(
            () ->
                JobDefinitionTranslator.translate(
                    properties()
                        .interval(PREFIX + "interval", Duration.ofSeconds(10))
                        .set(
                            Field.MISFIRE_GRACE_TIME, PREFIX + "misfire-grace-time", Duration.ZERO),
                    ZONE))
        .hasMessageStartingWith(PREFIX + "misfire-grace-time must be a positive duration")
        .hasMessageEndingWith("but was 'PT0S'");
  }

  @Test
  void aMissingOrBadTaskNamesItsKey() {
    assertThatThrownBy(
            () ->
                JobDefinitionTranslator.translate(
                    JobDefinition.fromProperties()
                        .task(PREFIX + "task", null)
                        .interval(PREFIX + "interval", Duration.ofSeconds(10)),
                    ZONE))
        .isInstanceOfSatisfying(
            InvalidJobDefinitionException.class,
            e -> assertThat(e.key()).isEqualTo(PREFIX + "task"))
        .hasMessageStartingWith(PREFIX + "task must be a task reference")
        .hasMessageEndingWith("but was 'null'");
  }

  @Test
  void aShorthandAndAnOptionForTheSameThingClash() {
    assertThatThrownBy(
            () ->
                JobDefinitionTranslator.translate(
                    properties()
                        .interval(PREFIX + "interval", Duration.ofSeconds(10))
                        .option("minutes", PREFIX + "trigger-options.minutes", "5"),
                    ZONE))
        .hasMessage(
            PREFIX
                + "trigger-options.minutes clashes with "
                + PREFIX
                + "interval; set one of them");
  }

  @Test
  void noneAndNegativeGraceTimesMeanNoLimit() {
    for (Object grace : new Object[] {"none", "-1", "-1s", Duration.ofSeconds(-1)}) {
      JobSpec spec =
          JobDefinitionTranslator.translate(
              annotation()
                  .interval("interval", "10s")
                  .set(Field.MISFIRE_GRACE_TIME, "misfireGraceTime", grace),
              null);
      assertThat(spec.misfireGraceTimeIsSet()).as("%s", grace).isTrue();
      assertThat(spec.misfireGraceTime()).as("%s", grace).isNull();
    }
  }
}

/**
 * The one translation from a job as the user wrote it (a {@code @ScheduledJob} annotation or {@code
 * scheduler.jobs.<id>} properties) to the core's {@link io.scheduler.job.JobSpec}: {@link
 * io.scheduler.boot.definition.JobDefinition} remembers the key behind every value, {@link
 * io.scheduler.boot.definition.JobDefinitionTranslator} checks and converts them with the core's
 * duration grammar, and {@link io.scheduler.boot.definition.InvalidJobDefinitionException} names
 * the key and the value of the first bad one.
 */
@NullMarked
package io.scheduler.boot.definition;

import org.jspecify.annotations.NullMarked;

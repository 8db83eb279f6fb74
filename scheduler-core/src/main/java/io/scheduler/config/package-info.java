/**
 * Helpers for reading configuration text the same way everywhere: {@link
 * io.scheduler.config.Durations} is the one duration grammar of the core, trigger options and the
 * Spring Boot starter.
 */
@NullMarked
package io.scheduler.config;

import org.jspecify.annotations.NullMarked;

/** The scheduler's exceptions: one unchecked hierarchy, messages that name the culprit. */
@NullMarked
package io.scheduler.exception;

import org.jspecify.annotations.NullMarked;

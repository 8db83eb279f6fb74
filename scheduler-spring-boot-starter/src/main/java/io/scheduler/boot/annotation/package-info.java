/** {@link io.scheduler.boot.annotation.ScheduledJob}: schedule a bean method declaratively. */
@NullMarked
package io.scheduler.boot.annotation;

import org.jspecify.annotations.NullMarked;

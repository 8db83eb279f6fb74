/** Publishes the scheduler's events as Spring application events. */
@NullMarked
package io.scheduler.boot.event;

import org.jspecify.annotations.NullMarked;

/**
 * Finding the tasks of Spring beans: the post-processor that registers {@code @ScheduledJob}
 * methods, its lazy-initialization exclude filter, and the resolver of {@code bean:} task
 * references.
 */
@NullMarked
package io.scheduler.boot.discovery;

import org.jspecify.annotations.NullMarked;

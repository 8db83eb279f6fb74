/**
 * Jobs: the immutable {@link io.scheduler.job.Job} snapshot, {@link io.scheduler.job.JobSpec} to
 * describe a new one, scheduler-wide {@link io.scheduler.job.JobDefaults}, and tasks ({@link
 * io.scheduler.job.Task}, {@link io.scheduler.job.TaskRef}, {@link io.scheduler.job.TaskResolver}).
 */
@NullMarked
package io.scheduler.job;

import org.jspecify.annotations.NullMarked;

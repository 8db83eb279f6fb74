/**
 * The Redis job store: {@link io.scheduler.boot.redis.RedisJobStore}, a {@link
 * io.scheduler.store.SharedJobStore} on Spring Data Redis that any number of schedulers may share,
 * over package-private parts: its keys, its Lua scripts, its run claims, its subscription to the
 * change channel and its encodings (times through {@link io.scheduler.store.StoredTimes}, jobs
 * through {@link io.scheduler.store.JobJson}).
 */
@NullMarked
package io.scheduler.boot.redis;

import org.jspecify.annotations.NullMarked;

/**
 * The Redis job store: {@link io.scheduler.boot.redis.RedisJobStore}, a {@link
 * io.scheduler.store.SharedJobStore} on Spring Data Redis that any number of schedulers may share.
 */
@NullMarked
package io.scheduler.boot.redis;

import org.jspecify.annotations.NullMarked;

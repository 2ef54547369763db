package org.itu.tsb.kernel;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read at most once per period, however often it is asked for: the operators' gauges count rows, and a
 * monitoring system that polls every second, or several that poll at once, must not turn that into load.
 */
public final class Sampled<T> implements Supplier<T> {

    private final LoadingCache<Boolean, T> value;

    private Sampled(Duration period, Supplier<T> source) {
        this.value = Caffeine.newBuilder().expireAfterWrite(period).build(key -> source.get());
    }

    public static <T> Sampled<T> every(Duration period, Supplier<T> source) {
        return new Sampled<>(period, source);
    }

    @Override
    public T get() {
        return value.get(Boolean.TRUE);
    }
}

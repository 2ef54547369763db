package org.itu.tsb.process;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.itu.tsb.kernel.Sampled;
import org.springframework.stereotype.Component;

/**
 * The engine as an operator watches it. {@code camunda.jobs.backlog}: jobs due now (timers past their time, retries
 * whose wait is over), not suspended, with retries left, those being executed included: it stays near zero while the
 * job executors keep up, and grows when no node runs them. {@code camunda.incidents}: open incidents (a job that failed
 * every retry, an undelivered notice): each needs an officer or an administrator. Both are counts on the engine's
 * tables, read at most every 5 s.
 */
@Component
class EngineMetrics implements MeterBinder {

    static final String JOB_BACKLOG = "camunda.jobs.backlog";
    static final String INCIDENTS = "camunda.incidents";
    private static final Duration PERIOD = Duration.ofSeconds(5);

    private final Sampled<Long> backlog;
    private final Sampled<Long> incidents;

    EngineMetrics(ManagementService management, RuntimeService runtime) {
        this.backlog = Sampled.every(PERIOD, () -> management.createJobQuery().executable().count());
        this.incidents = Sampled.every(PERIOD, () -> runtime.createIncidentQuery().count());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(JOB_BACKLOG, backlog, Sampled::get).description("Jobs due and executable, not finished yet").register(registry);
        Gauge.builder(INCIDENTS, incidents, Sampled::get).description("Open incidents")
                .register(registry);
    }
}

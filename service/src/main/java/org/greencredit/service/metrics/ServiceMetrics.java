package org.greencredit.service.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What operators watch, on {@code /actuator/prometheus}: ratings by outcome, rating latency as a
 * histogram, overrides and appeals by what happened. Tags carry codes only, never a firm or a person.
 */
@Component
public class ServiceMetrics {
    private final MeterRegistry registry;
    private final Timer latency;

    public ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("greencredit.rating.latency").description("Time to rate and store one request")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    public void rated(String outcome, Duration took) {
        Counter.builder("greencredit.ratings").description("Ratings stored, by outcome").tag("outcome", outcome).register(registry).increment();
        latency.record(took);
    }

    public void override(String status) {
        Counter.builder("greencredit.overrides").description("Officer overrides, by status").tag("status", status).register(registry)
                .increment();
    }

    public void appeal(String event) {
        Counter.builder("greencredit.appeals").description("Appeals opened and resolved").tag("event", event).register(registry).increment();
    }
}

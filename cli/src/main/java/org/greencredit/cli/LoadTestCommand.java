package org.greencredit.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.datasets.io.RoundedNumber;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Sustained concurrent rating calls against a GreenCredit service on this machine, for a bounded
 * time; prints throughput, latency percentiles and errors by status as JSON. Refuses any host but
 * localhost, so it cannot be pointed at someone else's service by mistake.
 */
@Command(name = "load-test", mixinStandardHelpOptions = true,
        description = "POST synthetic rating requests to a local service from several threads for a bounded time; prints JSON.")
final class LoadTestCommand implements Callable<Integer> {
    /** Latency percentiles in milliseconds. */
    record Latency(@JsonSerialize(using = RoundedNumber.Two.class) double p50, @JsonSerialize(using = RoundedNumber.Two.class) double p90,
                   @JsonSerialize(using = RoundedNumber.Two.class) double p99, @JsonSerialize(using = RoundedNumber.Two.class) double max) {
    }

    /** What a load test printed: calls made, errors by status, throughput and latency. */
    record Report(String url, @JsonSerialize(using = RoundedNumber.One.class) double seconds, int concurrency, int calls, int errors,
                  Map<String, Integer> byStatus, @JsonSerialize(using = RoundedNumber.One.class) double ratingsPerSecond, Latency latencyMs) {
    }

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final int DISTINCT_REQUESTS = 2_000;
    private static final int MAX_SECONDS = 1_800;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "Service base URL, localhost only (default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--api-key", defaultValue = "demo-pipeline-key", description = "Pipeline API key (default: the demo key).")
    String apiKey;

    @Option(names = "--seconds", defaultValue = "120", description = "How long to keep calling (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--concurrency", defaultValue = "8", description = "Concurrent callers (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--seed", defaultValue = "99", description = "Seed of the synthetic requests (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rate", description = "At most this many calls per second in all (default: as fast as the callers go);"
            + " a soak runs at a bounded rate.")
    Double rate;

    @Override
    public Integer call() throws Exception {
        if (!LOCAL_HOSTS.contains(url.getHost())) {
            throw new IllegalArgumentException("--url must point at localhost, got host '" + url.getHost() + "'");
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("--seconds must be in 1.." + MAX_SECONDS + ", got " + seconds);
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("--concurrency must be in 1..256, got " + concurrency);
        }
        if (rate != null && !(rate > 0 && rate <= 100_000)) {
            throw new IllegalArgumentException("--rate must be in (0, 100000] calls per second, got " + rate);
        }
        // Each caller keeps its share of the rate: one call every concurrency / rate seconds.
        long intervalNanos = rate == null ? 0 : (long) (concurrency / rate * 1e9);
        SyntheticPopulation population = new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, ReferenceData.shipped());
        List<String> bodies = new ArrayList<>(DISTINCT_REQUESTS);
        for (int i = 0; i < DISTINCT_REQUESTS; i++) {
            bodies.add(GreenCreditJson.mapper().writeValueAsString(population.generate(i).request()));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI endpoint = url.resolve("/api/v1/ratings");
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Caller>> callers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            int offset = c;
            callers.add(pool.submit(() -> new Caller().run(http, endpoint, bodies, offset, concurrency, deadline, intervalNanos)));
        }
        List<Long> latencies = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        for (Future<Caller> f : callers) {
            Caller c = f.get();
            latencies.addAll(c.latencies);
            c.statuses.forEach((k, v) -> statuses.merge(k, v, Integer::sum));
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int errors = statuses.entrySet().stream().filter(e -> !e.getKey().equals("201")).mapToInt(Map.Entry::getValue).sum();
        JsonOutput.print(new Report(endpoint.toString(), elapsed, concurrency, sorted.length, errors, statuses, sorted.length / elapsed,
                new Latency(percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
                        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6)));
        return errors == 0 ? 0 : 1;
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** One caller's loop: its share of the requests in turn, until the deadline. */
    private final class Caller {
        final List<Long> latencies = new ArrayList<>();
        final Map<String, Integer> statuses = new TreeMap<>();

        Caller run(HttpClient http, URI endpoint, List<String> bodies, int offset, int stride, long deadline, long intervalNanos) {
            int next = offset;
            long due = System.nanoTime();
            while (System.nanoTime() < deadline) {
                if (intervalNanos > 0) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                    due += intervalNanos;
                }
                HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                        .POST(HttpRequest.BodyPublishers.ofString(bodies.get(next % bodies.size()))).build();
                next += stride;
                long t0 = System.nanoTime();
                String status;
                try {
                    status = Integer.toString(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
                } catch (IOException e) {
                    status = "io-error: " + e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                latencies.add(System.nanoTime() - t0);
                statuses.merge(status, 1, Integer::sum);
            }
            return this;
        }
    }
}

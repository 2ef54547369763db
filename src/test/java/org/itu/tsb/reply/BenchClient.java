package org.itu.tsb.reply;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * The benchmarks' load client, run as a process of its own (not in the application's JVM): posts one JSON body per line
 * of a file to one URL from {@code clients} connections, each sending its next request when the previous one is
 * answered (a closed loop). The first {@code warmup} lines are sent untimed (the client's own JIT and connections), then
 * the rest, timed. Prints one line: {@code RESULT requests wallNanos p50Micros p99Micros maxMicros status=count...}.
 * <p>
 * {@code java -cp … org.itu.tsb.reply.BenchClient URL AUTHORIZATION CLIENTS WARMUP BODIES_FILE}
 */
public final class BenchClient {

    private BenchClient() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String authorization = args[1];
        int clients = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        List<String> bodies = Files.readAllLines(Path.of(args[4]));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<HttpRequest> requests = bodies.stream().map(body -> HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).toList();
        run(http, requests.subList(0, Math.min(warmup, requests.size())), clients);
        long[] wall = new long[1];
        Result timed = run(http, requests.subList(Math.min(warmup, requests.size()), requests.size()), clients, wall);
        StringBuilder out = new StringBuilder("RESULT %d %d %d %d %d".formatted(timed.requests, wall[0],
                timed.latency.getValueAtPercentile(50), timed.latency.getValueAtPercentile(99), timed.latency.getMaxValue()));
        timed.statuses.forEach((status, n) -> out.append(' ').append(status).append('=').append(n));
        System.out.println(out);
        if (!timed.failures.isEmpty()) {
            System.out.println("FAILURES " + timed.failures.subList(0, Math.min(3, timed.failures.size())));
        }
    }

    private record Result(int requests, Histogram latency, Map<Integer, Integer> statuses, List<String> failures) {}

    private static Result run(HttpClient http, List<HttpRequest> requests, int clients) throws Exception {
        return run(http, requests, clients, new long[1]);
    }

    private static Result run(HttpClient http, List<HttpRequest> requests, int clients, long[] wall) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger next = new AtomicInteger();
            List<Future<Result>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    start.await();
                    Histogram latency = new Histogram(3);
                    Map<Integer, Integer> statuses = new TreeMap<>();
                    List<String> failures = new ArrayList<>();
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        HttpResponse<String> response = http.send(requests.get(i), HttpResponse.BodyHandlers.ofString());
                        latency.recordValue((System.nanoTime() - sent) / 1000);
                        statuses.merge(response.statusCode(), 1, Integer::sum);
                        if (response.statusCode() >= 300) {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                    }
                    return new Result(0, latency, statuses, failures);
                }));
            }
            long begin = System.nanoTime();
            start.countDown();
            Histogram latency = new Histogram(3);
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            for (Future<Result> result : results) {
                Result r = result.get();
                latency.add(r.latency());
                r.statuses().forEach((status, n) -> statuses.merge(status, n, Integer::sum));
                failures.addAll(r.failures());
            }
            wall[0] = System.nanoTime() - begin;
            return new Result(requests.size(), latency, statuses, failures);
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.faxgate.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Runs a load driver's phases on a thread pool and prints throughput and latency percentiles of each. */
final class LoadPhase {

    /** One call's result (an id, a value) and how long it took. */
    record Timed<T>(T value, long nanos) {
    }

    private LoadPhase() {
    }

    /** Exactly {@code count} calls, as fast as the pool allows; their values in call order. */
    static <T> List<T> counted(String name, int count, ExecutorService pool, IntFunction<Timed<T>> call) throws Exception {
        long start = System.nanoTime();
        List<Future<Timed<T>>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(pool.submit(() -> call.apply(n)));
        }
        List<T> values = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        for (Future<Timed<T>> f : futures) {
            Timed<T> t = f.get();
            values.add(t.value());
            latencies.add(t.nanos());
        }
        report(name, count, System.nanoTime() - start, latencies);
        return values;
    }

    /** As many calls as {@code threads} workers make in {@code seconds}. */
    static void sustained(String name, int seconds, int threads, ExecutorService pool, IntFunction<Timed<?>> call)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger counter = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    latencies.add(call.apply(counter.getAndIncrement()).nanos());
                }
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        report(name, counter.get(), System.nanoTime() - start, new ArrayList<>(latencies));
    }

    static void report(String name, int count, long elapsedNanos, List<Long> latencies) {
        Collections.sort(latencies);
        double seconds = elapsedNanos / 1e9;
        System.out.printf("%-36s %7d requests in %7.1f s = %8.1f req/s   p50 %6.1f ms   p99 %7.1f ms%n", name, count,
                seconds, count / seconds, percentile(latencies, 0.50), percentile(latencies, 0.99));
    }

    /** What a run of calls cost: wall time, and the CPU of the server (-1: unknown) and of this driver. */
    record Spent(long nanos, long serverCpuMillis, long driverCpuMillis) {

        double serverCpuMsPer(int operations) {
            return per(serverCpuMillis, operations);
        }

        double driverCpuMsPer(int operations) {
            return per(driverCpuMillis, operations);
        }

        private static double per(long millis, int operations) {
            return millis < 0 || operations == 0 ? -1 : (double) millis / operations;
        }
    }

    /** The median of one figure over several runs (the mean of the middle two for an even number of runs). */
    static <T> double median(List<T> runs, java.util.function.ToDoubleFunction<T> figure) {
        double[] v = runs.stream().mapToDouble(figure).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Makes {@code call.accept(i)} for every i below {@code count}, {@code concurrency} calls at a time. */
    static Spent concurrently(int count, int concurrency, java.util.function.IntConsumer call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
        ProcessCpu server = ProcessCpu.server();
        ProcessCpu driver = ProcessCpu.driver();
        long serverBefore = server.millis();
        long driverBefore = driver.millis();
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        call.accept(i);
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long nanos = System.nanoTime() - start;
        long serverAfter = server.millis();
        long driverAfter = driver.millis();
        return new Spent(nanos, serverBefore < 0 || serverAfter < 0 ? -1 : serverAfter - serverBefore,
                driverBefore < 0 || driverAfter < 0 ? -1 : driverAfter - driverBefore);
    }

    /** Nearest-rank percentile of sorted nanosecond values, in milliseconds. */
    static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}

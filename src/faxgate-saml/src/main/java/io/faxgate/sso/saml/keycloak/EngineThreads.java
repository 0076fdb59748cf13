package io.faxgate.sso.saml.keycloak;

import io.faxgate.sso.saml.SamlEngineBusyException;
import io.faxgate.sso.saml.SamlFailure;
import io.faxgate.sso.saml.SamlValidationException;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Engine-owned worker threads. Keycloak saml-core caches parsers/transformers in ThreadLocals; running every Keycloak
 * call here keeps those ThreadLocals off the container's request threads, and {@link #close()} ends the threads so
 * nothing pins the application's class loader after undeploy. Every caller waits at most {@code timeout} for its
 * work (queue time included); after that the work is cancelled and the caller gets {@link SamlEngineBusyException},
 * so a flood of expensive messages can never hold request threads without limit.
 */
final class EngineThreads implements AutoCloseable {

    private static final AtomicInteger ENGINES = new AtomicInteger();
    private static final int QUEUE = 1000;

    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    EngineThreads(int threads) {
        this(threads, Duration.ofSeconds(10));
    }

    EngineThreads(int threads, Duration timeout) {
        this.timeout = timeout;
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be 1..64");
        }
        int engine = ENGINES.incrementAndGet();
        ClassLoader loader = EngineThreads.class.getClassLoader();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "faxgate-saml-" + engine + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        };
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), tf,
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runs a validation; any failure that is not already a typed rejection becomes ENGINE_ERROR (fail closed). */
    <T> T validate(Work<T> work) throws SamlValidationException {
        try {
            return await(work);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof SamlValidationException sve) {
                throw new SamlValidationException(sve.reason(), stripReason(sve), sve);
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new SamlValidationException(SamlFailure.ENGINE_ERROR, "internal error " + c.getClass().getSimpleName(), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SamlValidationException(SamlFailure.ENGINE_ERROR, "interrupted");
        } catch (RejectedExecutionException e) {
            if (pool.isShutdown()) {
                throw new SamlValidationException(SamlFailure.ENGINE_ERROR, "SAML engine closed");
            }
            throw refused(e);
        }
    }

    /** Runs a builder; failures become IllegalStateException (or the original IllegalArgumentException). */
    <T> T build(Work<T> work) {
        try {
            return await(work);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("SAML engine failed: " + c.getClass().getSimpleName(), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (RejectedExecutionException e) {
            throw refused(e);
        }
    }

    private <T> T await(Work<T> work) throws ExecutionException, InterruptedException {
        Callable<T> c = work::run;
        Future<T> future = pool.submit(c);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            pool.purge();
            throw new SamlEngineBusyException("SAML engine busy: no answer within " + timeout.toMillis() + " ms");
        }
    }

    /** A full queue is "busy" (try again); a closed engine is a programming error. */
    private RuntimeException refused(RejectedExecutionException e) {
        return pool.isShutdown() ? new IllegalStateException("SAML engine closed", e)
                : new SamlEngineBusyException("SAML engine overloaded: " + QUEUE + " messages waiting");
    }

    private static String stripReason(SamlValidationException e) {
        String m = e.getMessage();
        String prefix = e.reason() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

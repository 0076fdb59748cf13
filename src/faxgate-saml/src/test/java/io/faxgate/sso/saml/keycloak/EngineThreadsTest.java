package io.faxgate.sso.saml.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.sso.saml.SamlEngineBusyException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A caller of the engine never waits longer than the engine's timeout, however slow the work or full the threads. */
class EngineThreadsTest {

    @Test
    void slowWorkEndsTheWaitAtTheTimeoutAndIsCancelled() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (EngineThreads threads = new EngineThreads(1, Duration.ofMillis(200))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> threads.validate(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return null;
            })).isInstanceOf(SamlEngineBusyException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the slow work was cancelled").isTrue();
            assertThat(threads.build(() -> "free again")).isEqualTo("free again");
        }
    }

    @Test
    void workQueuedBehindBusyThreadsAlsoWaitsNoLongerThanTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (EngineThreads threads = new EngineThreads(1, Duration.ofMillis(300))) {
            Thread blocker = new Thread(() -> {
                try {
                    // work that ignores cancellation (e.g. stuck in a parser): the thread stays taken
                    threads.build(() -> {
                        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        while (release.getCount() > 0 && System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                        return null;
                    });
                } catch (RuntimeException expected) {
                    // times out too
                }
            });
            blocker.start();
            Thread.sleep(50);
            long start = System.nanoTime();
            assertThatThrownBy(() -> threads.build(() -> "queued")).isInstanceOf(SamlEngineBusyException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            release.countDown();
            blocker.join();
        }
    }
}

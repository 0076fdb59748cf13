package io.faxgate.sso.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.sso.saml.SamlEngineBusyException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Anonymous SAML work takes at most one engine thread and waits a bounded time for it. */
class SamlRuntimeTest {

    @Test
    void anonymousWorkBeyondItsPermitsIsTurnedAwayWithinASecondOrTwo() throws Exception {
        SamlRuntime runtime = new SamlRuntime();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread flood = new Thread(() -> {
            try {
                runtime.anonymous(() -> {
                    holding.countDown();
                    return release.await(10, TimeUnit.SECONDS);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            flood.start();
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            assertThatThrownBy(() -> runtime.anonymous(() -> "second")).isInstanceOf(SamlEngineBusyException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(runtime.engine().authnRequest(io.faxgate.sso.saml.AuthnRequestSpec.builder().spEntityId("api://1")
                    .acsUrl("https://fg.example/sso/acme/acs").idpSsoUrl("https://login.example/saml2").build()).url())
                    .as("a sign-in still gets an engine thread").isNotNull();
        } finally {
            release.countDown();
            flood.join();
            runtime.close();
        }
        assertThat(new SamlRuntime().anonymous(() -> "free again")).isEqualTo("free again");
    }
}

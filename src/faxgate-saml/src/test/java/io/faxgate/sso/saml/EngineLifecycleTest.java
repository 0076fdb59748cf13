package io.faxgate.sso.saml;

import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.XMLConstants;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;

import static io.faxgate.sso.saml.fixture.EntraIdp.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineLifecycleTest {

    /** Keycloak's static ThreadLocals on the paths we use. */
    private static List<ThreadLocal<?>> keycloakThreadLocals() throws Exception {
        List<ThreadLocal<?>> out = new ArrayList<>();
        String[][] fields = {
                {"org.keycloak.saml.common.util.DocumentUtil", "XML_DOCUMENT_BUILDER"},
                {"org.keycloak.saml.processing.core.saml.v2.util.XMLTimeUtil", "DATATYPE_FACTORY"},
                {"org.keycloak.saml.common.util.StaxUtil", "registeredNSStack"},
                {"org.keycloak.saml.common.util.StaxParserUtil", "XML_INPUT_FACTORY"},
        };
        for (String[] f : fields) {
            Field field = Class.forName(f[0]).getDeclaredField(f[1]);
            field.setAccessible(true);
            out.add((ThreadLocal<?>) field.get(null));
        }
        return out;
    }

    /** Whether the current thread holds a value for any of these ThreadLocals (reads Thread.threadLocals, no side effect). */
    private static boolean currentThreadHoldsAny(List<ThreadLocal<?>> locals) throws Exception {
        Field tlField = Thread.class.getDeclaredField("threadLocals");
        tlField.setAccessible(true);
        Object map = tlField.get(Thread.currentThread());
        if (map == null) {
            return false;
        }
        Field tableField = map.getClass().getDeclaredField("table");
        tableField.setAccessible(true);
        Object[] table = (Object[]) tableField.get(map);
        for (Object entry : table) {
            if (entry != null && locals.contains(((Reference<?>) entry).get())) {
                return true;
            }
        }
        return false;
    }

    private static <T> T onFreshThread(Callable<T> c) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(c.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    @Test
    void keycloakThreadLocalsStayOffTheCallersThread() throws Exception {
        try (SamlEngine engine = SamlEngines.keycloak(1)) {
            List<ThreadLocal<?>> locals = keycloakThreadLocals();
            boolean afterEngineUse = onFreshThread(() -> {
                engine.authnRequest(AuthnRequestSpec.builder().spEntityId(SP_ENTITY_ID).acsUrl(ACS).idpSsoUrl(LOGIN_URL).build());
                engine.validate(response().encoded(), expectations().build());
                engine.spMetadata(SpMetadataSpec.builder().entityId(SP_ENTITY_ID).acsUrl(ACS).credentials(SP).build());
                return currentThreadHoldsAny(locals);
            });
            assertThat(afterEngineUse).as("caller thread holds Keycloak ThreadLocals").isFalse();

            // control: the detector does see them when Keycloak runs on the calling thread
            boolean direct = onFreshThread(() -> {
                org.keycloak.saml.processing.core.saml.v2.util.XMLTimeUtil.getIssueInstant();
                return currentThreadHoldsAny(locals);
            });
            assertThat(direct).isTrue();
        }
    }

    @Test
    void closedEngineRefusesWork() {
        SamlEngine engine = SamlEngines.keycloak(1);
        engine.close();
        assertThatThrownBy(() -> engine.authnRequest(AuthnRequestSpec.builder().spEntityId(SP_ENTITY_ID).acsUrl(ACS)
                .idpSsoUrl(LOGIN_URL).build())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> engine.validate(response().encoded(), expectations().build()))
                .isInstanceOf(SamlValidationException.class)
                .satisfies(e -> assertThat(((SamlValidationException) e).reason()).isEqualTo(SamlFailure.ENGINE_ERROR));
    }

    @Test
    void keycloakDoesNotLeaveABrokenSchemaFactoryPropertyBehind() throws Exception {
        try (SamlEngine engine = SamlEngines.keycloak(1)) {
            engine.spMetadata(SpMetadataSpec.builder().entityId(SP_ENTITY_ID).acsUrl(ACS).credentials(SP).build());
            assertThat(System.getProperty("javax.xml.validation.SchemaFactory:" + XMLConstants.W3C_XML_SCHEMA_NS_URI)).isNull();
            assertThat(SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)).isNotNull();
        }
    }

    @Test
    void concurrentValidationWithASharedReplayCache() throws Exception {
        ReplayCache cache = new InMemoryReplayCache();
        List<String> responses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            responses.add(response().encoded());
        }
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (SamlEngine engine = SamlEngines.keycloak(2)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (String r : responses) {
                    results.add(callers.submit(() -> {
                        try {
                            engine.validate(r, expectations().replayCache(cache).build());
                            return true;
                        } catch (SamlValidationException e) {
                            assertThat(e.reason()).isEqualTo(SamlFailure.REPLAYED);
                            return false;
                        }
                    }));
                }
            }
            long accepted = 0;
            for (Future<Boolean> f : results) {
                accepted += f.get() ? 1 : 0;
            }
            assertThat(accepted).as("each response accepted exactly once").isEqualTo(responses.size());
        } finally {
            callers.shutdownNow();
        }
    }
}

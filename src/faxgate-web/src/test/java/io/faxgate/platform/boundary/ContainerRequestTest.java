package io.faxgate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** Payara's request, as far as ContainerRequest relies on it: a facade that hands out the connector's request. */
class ContainerRequestTest {

    /** The two public setters of org.apache.catalina.connector.Request that decide JSESSIONIDVERSION's Secure. */
    static final class ConnectorRequest {
        boolean secure;
        boolean sessionIdFromSecureCookie;

        public void setSecure(boolean secure) {
            this.secure = secure;
        }

        public void setRequestedSessionIdFromSecureCookie(boolean fromSecureCookie) {
            this.sessionIdFromSecureCookie = fromSecureCookie;
        }
    }

    interface Facade extends ServletRequest {
        Object getUnwrappedCoyoteRequest();
    }

    private static ServletRequest facadeOf(ConnectorRequest connector) {
        return (ServletRequest) Proxy.newProxyInstance(Facade.class.getClassLoader(), new Class<?>[] {Facade.class},
                (proxy, method, args) -> method.getName().equals("getUnwrappedCoyoteRequest") ? connector : null);
    }

    @Test
    void theConnectorRequestBehindEveryWrapperIsMarkedSecure() {
        ConnectorRequest connector = new ConnectorRequest();
        ServletRequest wrapped = new ServletRequestWrapper(new ServletRequestWrapper(facadeOf(connector)));

        ContainerRequest.markSecure(wrapped);

        assertThat(connector.secure).isTrue();
        assertThat(connector.sessionIdFromSecureCookie).isTrue();
    }

    @Test
    void anotherContainersRequestIsLeftAlone() {
        ServletRequest foreign = (ServletRequest) Proxy.newProxyInstance(ServletRequest.class.getClassLoader(),
                new Class<?>[] {ServletRequest.class}, (proxy, method, args) -> null);
        assertThatCode(() -> ContainerRequest.markSecure(foreign)).doesNotThrowAnyException();
        assertThatCode(() -> ContainerRequest.markSecure(foreign)).as("warned once, then quiet").doesNotThrowAnyException();
    }
}

package io.faxgate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.ServletException;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

class UnreadableRequestFilterTest {

    @Test
    void aForgedViewStateIsTheCallersFault() {
        ServletException thrown = new ServletException(new FacesException(new ViewExpiredException("View could not be restored", "/login.xhtml")));
        assertThat(UnreadableRequestFilter.problem(thrown)).hasValueSatisfying(m -> assertThat(m).contains("Reload the page"));
    }

    @Test
    void aBodyThatEndsEarlyOrFailsInTheContainersReaderIsTheCallersFault() {
        assertThat(UnreadableRequestFilter.problem(new ServletException(new EOFException("unexpected end")))).isPresent();
        IllegalStateException parsing = new IllegalStateException("bad multipart");
        parsing.setStackTrace(new StackTraceElement[] {new StackTraceElement("org.apache.catalina.connector.Request", "getParts", "Request.java", 1)});
        assertThat(UnreadableRequestFilter.problem(parsing)).isPresent();
    }

    @Test
    void ourOwnBugsStayErrors() {
        assertThat(UnreadableRequestFilter.problem(new ServletException(new NullPointerException()))).isEmpty();
        assertThat(UnreadableRequestFilter.problem(new IllegalStateException("bug"))).isEmpty();
    }
}

package io.faxgate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.el.ELContext;
import jakarta.el.PropertyNotWritableException;
import org.junit.jupiter.api.Test;

class RecordELResolverTest {

    public record Line(String number, int groups) {
    }

    private final RecordELResolver resolver = new RecordELResolver();

    /** A bare context: the API jar has no EL implementation to make one (the server provides it). */
    private static ELContext context() {
        return new ELContext() {
            @Override
            public jakarta.el.ELResolver getELResolver() {
                return null;
            }

            @Override
            public jakarta.el.FunctionMapper getFunctionMapper() {
                return null;
            }

            @Override
            public jakarta.el.VariableMapper getVariableMapper() {
                return null;
            }
        };
    }

    @Test
    void readsRecordComponentsAndLeavesEverythingElseToOtherResolvers() {
        ELContext context = context();
        assertThat(resolver.getValue(context, new Line("+4930123", 2), "number")).isEqualTo("+4930123");
        assertThat(context.isPropertyResolved()).isTrue();

        ELContext other = context();
        assertThat(resolver.getValue(other, new Line("+4930123", 2), "nosuch")).isNull();
        assertThat(other.isPropertyResolved()).isFalse();
        assertThat(resolver.getValue(other, "a string", "length")).isNull();
        assertThat(other.isPropertyResolved()).isFalse();
    }

    @Test
    void recordsAreReadOnly() {
        ELContext context = context();
        assertThat(resolver.isReadOnly(context, new Line("+1", 0), "number")).isTrue();
        assertThatThrownBy(() -> resolver.setValue(context, new Line("+1", 0), "number", "+2"))
                .isInstanceOf(PropertyNotWritableException.class);
    }
}

package io.faxgate.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.audit.control.AuditEventView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    private static AuditEventView event(String actor, String target, String detail) {
        return new AuditEventView(1, Instant.parse("2026-01-02T03:04:05Z"), actor, "LOCAL_SIGN_IN", "FAILURE", target, detail, "10.0.0.1");
    }

    @Test
    void formulaPrefixesAreNeutralised() {
        String csv = AuditCsv.write(List.of(
                event("=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-2+3"),
                event("@SUM(A1)", "\tcmd", "plain")));
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(AuditCsv.HEADER);
        assertThat(lines[1]).isEqualTo("2026-01-02T03:04:05Z,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",LOCAL_SIGN_IN,FAILURE,'+1+2,'-2+3,10.0.0.1");
        assertThat(lines[2]).startsWith("2026-01-02T03:04:05Z,'@SUM(A1),LOCAL_SIGN_IN,FAILURE,'\tcmd,plain");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.cell(null)).isEmpty();
        assertThat(AuditCsv.cell("safe")).isEqualTo("safe");
    }
}

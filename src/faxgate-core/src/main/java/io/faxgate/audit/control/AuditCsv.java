package io.faxgate.audit.control;

import io.faxgate.audit.control.AuditEventView;
import java.util.List;

/**
 * Writes audit events as CSV (RFC 4180) for spreadsheets. Audit fields hold attacker-controlled text (attempted
 * usernames, claim values), so a cell that a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return) is prefixed with an apostrophe: it then shows as text.
 */
public final class AuditCsv {

    public static final String HEADER = "occurredAt,actor,type,outcome,target,detail,sourceIp";

    private AuditCsv() {
    }

    public static String write(List<AuditEventView> events) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (AuditEventView e : events) {
            out.append(cell(e.occurredAt() == null ? null : e.occurredAt().toString())).append(',')
                    .append(cell(e.actor())).append(',')
                    .append(cell(e.type())).append(',')
                    .append(cell(e.outcome())).append(',')
                    .append(cell(e.target())).append(',')
                    .append(cell(e.detail())).append(',')
                    .append(cell(e.sourceIp())).append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = neutralise(value);
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0
                || !safe.equals(safe.strip())) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /** OWASP "CSV injection": a leading = + - @ tab or CR makes spreadsheets evaluate the cell. */
    static String neutralise(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}

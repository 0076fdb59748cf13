package io.faxgate.platform.boundary;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.Metric;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The application registry in the Prometheus text format (0.0.4), named as Payara's exporter names them: counters
 * get {@code _total}, timers {@code _seconds_count}/{@code _seconds_sum}, histograms {@code _count}/{@code _sum};
 * every sample carries {@code mp_scope="application"}.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    static String of(MetricRegistry registry) {
        SortedMap<String, StringBuilder> families = new TreeMap<>();
        for (Map.Entry<MetricID, Metric> entry : registry.getMetrics().entrySet()) {
            MetricID id = entry.getKey();
            Metric metric = entry.getValue();
            String name = sanitize(id.getName());
            String labels = labels(id);
            if (metric instanceof Counter counter) {
                sample(families, registry, id, name + "_total", "counter", labels, counter.getCount());
            } else if (metric instanceof Gauge<?> gauge) {
                Object value = gauge.getValue();
                if (value instanceof Number number) {
                    sample(families, registry, id, name, "gauge", labels, number.doubleValue());
                }
            } else if (metric instanceof Timer timer) {
                sample(families, registry, id, name + "_seconds_count", "counter", labels, timer.getCount());
                sample(families, registry, id, name + "_seconds_sum", "counter", labels,
                        timer.getElapsedTime().toNanos() / 1e9);
            } else if (metric instanceof Histogram histogram) {
                sample(families, registry, id, name + "_count", "counter", labels, histogram.getCount());
                sample(families, registry, id, name + "_sum", "counter", labels, histogram.getSum());
            }
        }
        StringBuilder out = new StringBuilder();
        families.values().forEach(out::append);
        return out.toString();
    }

    private static void sample(SortedMap<String, StringBuilder> families, MetricRegistry registry, MetricID id,
                               String family, String type, String labels, double value) {
        StringBuilder lines = families.computeIfAbsent(family, f -> {
            StringBuilder header = new StringBuilder();
            Metadata metadata = registry.getMetadata(id.getName());
            String help = metadata == null ? "" : metadata.getDescription();
            header.append("# HELP ").append(f).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
            header.append("# TYPE ").append(f).append(' ').append(type).append('\n');
            return header;
        });
        lines.append(family).append('{').append(labels).append("} ").append(number(value)).append('\n');
    }

    private static String labels(MetricID id) {
        StringBuilder labels = new StringBuilder();
        for (Map.Entry<String, String> tag : new TreeMap<>(id.getTags()).entrySet()) {
            labels.append(sanitize(tag.getKey())).append("=\"").append(escape(tag.getValue())).append("\",");
        }
        return labels.append("mp_scope=\"application\"").toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : Double.toString(value);
    }

    static String sanitize(String name) {
        return name.replaceAll("[^a-zA-Z0-9_:]", "_");
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

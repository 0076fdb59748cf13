package io.faxgate.platform.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;

/**
 * The three compare-and-set operations grid-backed state needs, over a data-grid cache or, outside a container, a
 * bounded map in this JVM. String values compare by content everywhere (a long[] would not in a store-by-value
 * cache), which is what makes {@link #replace} a correct CAS.
 */
interface SharedValues {

    String get(String key);

    /** True when the key had no value and now has this one. */
    boolean putIfAbsent(String key, String value);

    /** True when the key still had {@code expected} and now has {@code value}. */
    boolean replace(String key, String expected, String value);

    static SharedValues of(Cache<String, String> cache) {
        return new SharedValues() {
            @Override
            public String get(String key) {
                return cache.get(key);
            }

            @Override
            public boolean putIfAbsent(String key, String value) {
                return cache.putIfAbsent(key, value);
            }

            @Override
            public boolean replace(String key, String expected, String value) {
                return cache.replace(key, expected, value);
            }
        };
    }

    /** One JVM only: for unit tests and tools; cleared when full, like a cache that evicts. */
    static SharedValues inThisJvm(int maxEntries) {
        Map<String, String> map = new ConcurrentHashMap<>();
        return new SharedValues() {
            @Override
            public String get(String key) {
                return map.get(key);
            }

            @Override
            public boolean putIfAbsent(String key, String value) {
                if (map.size() >= maxEntries) {
                    map.clear();
                }
                return map.putIfAbsent(key, value) == null;
            }

            @Override
            public boolean replace(String key, String expected, String value) {
                return map.replace(key, expected, value);
            }
        };
    }
}

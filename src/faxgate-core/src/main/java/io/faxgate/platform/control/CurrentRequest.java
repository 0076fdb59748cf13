package io.faxgate.platform.control;

/**
 * The HTTP request the current thread serves: an id to correlate log lines and security events, and the peer's
 * address. Set by the web tier's request listener before authentication runs, cleared when the request ends; empty
 * on timer and asynchronous threads. Request-local by nature, so a thread-local, not shared state.
 */
public final class CurrentRequest {

    public record Request(String id, String peerAddress) {
    }

    private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

    private CurrentRequest() {
    }

    public static void begin(String id, String peerAddress) {
        CURRENT.set(new Request(id, peerAddress));
    }

    public static void end() {
        CURRENT.remove();
    }

    public static String id() {
        Request r = CURRENT.get();
        return r == null ? null : r.id();
    }

    public static String peerAddress() {
        Request r = CURRENT.get();
        return r == null ? null : r.peerAddress();
    }
}

package io.faxgate.it.idp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The Keycloak server process of {@link KeycloakIdp}: started in dev mode from the distribution the pom unpacks into
 * {@code target/}, with realm {@code faxgate-test} imported and a random bootstrap admin password; stopped with its
 * children. Knows nothing about SAML clients or users (that is {@link KeycloakAdminClient}'s and
 * {@link KeycloakIdp}'s part).
 */
final class KeycloakProcess {

    static final String HOST = "127.0.0.1";
    static final int HTTP_PORT = Integer.getInteger("faxgate.it.keycloak.port", 8180);
    static final int MANAGEMENT_PORT = Integer.getInteger("faxgate.it.keycloak.management-port", 9180);
    static final String BASE_URL = "http://" + HOST + ":" + HTTP_PORT;
    static final String ADMIN_USER = "faxgate-it-admin";

    private static final String REALM = KeycloakIdp.REALM;
    private static final String HOME_PROPERTY = "faxgate.it.keycloak.home";
    private static final String REALM_RESOURCE = "/keycloak/faxgate-test-realm.json";

    private final Process process;
    private final Path logFile;
    private final Path pidFile;
    private final Duration startupTime;
    private final String adminPassword;

    private KeycloakProcess(Process process, Path logFile, Path pidFile, Duration startupTime, String adminPassword) {
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.startupTime = startupTime;
        this.adminPassword = adminPassword;
    }

    Duration startupTime() {
        return startupTime;
    }

    Path logFile() {
        return logFile;
    }

    /** The bootstrap admin's password of this run (random; never leaves the test JVM). */
    String adminPassword() {
        return adminPassword;
    }

    static KeycloakProcess start() {
        Path home = keycloakHome();
        Path target = home.getParent();
        Path logFile = target.resolve("keycloak.log");
        Path pidFile = target.resolve("keycloak.pid");
        stopLeftoverFromEarlierRun(pidFile);
        requireFree(HTTP_PORT);
        requireFree(MANAGEMENT_PORT);
        try {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            try (InputStream realm = KeycloakProcess.class.getResourceAsStream(REALM_RESOURCE)) {
                if (realm == null) {
                    throw new IllegalStateException("realm file missing from the test classpath: " + REALM_RESOURCE);
                }
                Files.copy(realm, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String adminPassword = HexFormat.of().formatHex(secret);

        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=" + HOST, "--http-port=" + HTTP_PORT,
                "--http-management-port=" + MANAGEMENT_PORT, "--health-enabled=true",
                "--hostname=" + BASE_URL, // fixed: the issuer must not depend on how the browser called us
                "--db=dev-mem", "--import-realm")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JAVA_OPTS");

        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + home.resolve("bin/kc.sh"), e);
        }
        writePidFile(pidFile, process);
        long timeoutSeconds = Long.getLong("faxgate.it.keycloak.start-timeout-seconds", 240);
        long deadline = started + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://" + HOST + ":" + MANAGEMENT_PORT + "/health/ready");
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " while starting; "
                        + "log " + logFile + ":\n" + tail(logFile, 40));
            }
            try {
                HttpResponse<String> answer = probe.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    break;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                destroy(process);
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            if (System.nanoTime() > deadline) {
                destroy(process);
                throw new IllegalStateException("Keycloak not ready after " + timeoutSeconds + " s; log " + logFile
                        + ":\n" + tail(logFile, 40));
            }
            sleep(500);
        }
        writePidFile(pidFile, process); // now with the JVM child of kc.sh
        return new KeycloakProcess(process, logFile, pidFile, Duration.ofNanos(System.nanoTime() - started), adminPassword);
    }

    private static Path keycloakHome() {
        String configured = System.getProperty(HOME_PROPERTY);
        Path home = configured != null ? Path.of(configured) : Path.of("target", "keycloak-26.7.3");
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home.toAbsolutePath() + " (system property "
                    + HOME_PROPERTY + "). Run the test through Maven (mvn verify -pl src/faxgate-it …): the pom unpacks "
                    + "org.keycloak:keycloak-quarkus-dist into target/ in phase pre-integration-test.");
        }
        return home.toAbsolutePath();
    }

    private static void writePidFile(Path pidFile, Process process) {
        String pids = java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants())
                .map(h -> Long.toString(h.pid())).collect(Collectors.joining("\n"));
        try {
            Files.writeString(pidFile, pids + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test JVM killed hard leaves its Keycloak running: end exactly the processes it recorded, if still Keycloak. */
    private static void stopLeftoverFromEarlierRun(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(pidFile)) {
                if (line.isBlank()) {
                    continue;
                }
                ProcessHandle.of(Long.parseLong(line.trim())).filter(ProcessHandle::isAlive).filter(KeycloakProcess::isKeycloak)
                        .ifPresent(recorded -> {
                            List<ProcessHandle> all = new ArrayList<>(recorded.descendants().toList());
                            all.add(0, recorded);
                            all.forEach(ProcessHandle::destroy);
                            for (ProcessHandle h : all) {
                                try {
                                    h.onExit().get(20, TimeUnit.SECONDS);
                                } catch (Exception e) {
                                    h.destroyForcibly();
                                }
                            }
                        });
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // best effort; the port check below reports what is still in the way
        }
    }

    private static boolean isKeycloak(ProcessHandle handle) {
        ProcessHandle.Info info = handle.info();
        String commandLine = info.command().orElse("") + " " + String.join(" ", info.arguments().orElse(new String[0]));
        return commandLine.contains("kc.sh") || commandLine.contains("keycloak");
    }

    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + HOST + ":" + port + " is taken; the test IdP needs ports " + HTTP_PORT
                    + " and " + MANAGEMENT_PORT + " (another test run's Keycloak?)", e);
        }
    }

    void stop() {
        destroy(process);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // ignore at shutdown
        }
    }

    private static void destroy(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy(); // SIGTERM; kc.sh forwards it to its JVM
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                child.onExit().get(15, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

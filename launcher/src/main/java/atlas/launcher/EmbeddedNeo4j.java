package atlas.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community in this JVM with a Bolt connector, for Faction Atlas's managed mode.
 *
 * Configuration comes from environment variables so the password never appears on a command line:
 * ATLAS_NEO4J_HOME, ATLAS_NEO4J_BOLT_PORT, ATLAS_NEO4J_PASSWORD, ATLAS_NEO4J_TX_TIMEOUT_SECONDS,
 * ATLAS_NEO4J_TX_MEMORY_MB, ATLAS_NEO4J_PAGECACHE_MB, ATLAS_NEO4J_PROCEDURE_ALLOWLIST, and for
 * plugins (Graph Data Science) ATLAS_NEO4J_PLUGIN_DIR and ATLAS_NEO4J_PROCEDURES_UNRESTRICTED. The
 * transaction memory caps are also bounded by the heap (-Xmx): see run().
 *
 * Protocol with the parent process (stdout, one line each): "ATLAS-PHASE <name> <ms since the JVM
 * started> [note]" as start-up steps finish, "ATLAS-READY bolt://host:port" once Bolt accepts
 * connections, "ATLAS-STOPPED" after a clean shutdown. The JVM shuts down when its stdin closes,
 * so the database never outlives the Node process that started it.
 *
 * ATLAS_NEO4J_WARM_UP=on runs one read query before READY, so that a JVM recording a class-data
 * archive (server/src/embedded/class-data.ts) loads the Cypher planner's classes too.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable failure) {
            // Any start-up failure must end the JVM (Neo4j's own threads would keep it alive)
            // and reach the parent, which shows it with the tail of the log.
            System.err.println("ATLAS-ERROR " + failure);
            failure.printStackTrace(System.err);
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run() throws Exception {
        Path home = Path.of(requireEnv("ATLAS_NEO4J_HOME")).toAbsolutePath();
        int boltPort = Integer.parseInt(requireEnv("ATLAS_NEO4J_BOLT_PORT"));
        String password = requireEnv("ATLAS_NEO4J_PASSWORD");
        // The hardening settings have one source, the Node side (server/src/config.ts and
        // PROCEDURE_ALLOWLIST in server/src/embedded/process.ts), which always passes them: no
        // second set of defaults here to drift from it.
        long txTimeoutSeconds = Long.parseLong(requireEnv("ATLAS_NEO4J_TX_TIMEOUT_SECONDS"));
        long txMemoryMb = Long.parseLong(requireEnv("ATLAS_NEO4J_TX_MEMORY_MB"));
        long pageCacheMb = Long.parseLong(requireEnv("ATLAS_NEO4J_PAGECACHE_MB"));
        // Memory the transaction trackers may hand out, all transactions together: half the heap.
        // The other half is room for what the trackers cannot see (values built inside one
        // expression, Bolt buffers, Neo4j's own structures); the console's static limits keep
        // those small. One transaction gets at most a quarter of the heap, whatever it asks for.
        long heapBytes = Runtime.getRuntime().maxMemory();
        long totalTxBytes = heapBytes / 2;
        long txBytes = Math.min(ByteUnit.mebiBytes(txMemoryMb), heapBytes / 4);
        String allowList = requireEnv("ATLAS_NEO4J_PROCEDURE_ALLOWLIST");
        // An embedded DBMS finds @Procedure classes only in its plugin folder (the same jars are
        // also on our classpath, where ServiceLoader finds the extensions that serve them).
        String pluginDir = envOr("ATLAS_NEO4J_PLUGIN_DIR", "");
        String unrestricted = envOr("ATLAS_NEO4J_PROCEDURES_UNRESTRICTED", "");

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        if (!pluginDir.isEmpty()) {
            builder.setConfig(GraphDatabaseSettings.plugin_dir, Path.of(pluginDir).toAbsolutePath());
        }
        if (!unrestricted.isEmpty()) {
            builder.setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of(unrestricted.split(",")));
        }
        DatabaseManagementService service = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, txBytes)
                .setConfig(GraphDatabaseSettings.memory_transaction_database_max_size, totalTxBytes)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, totalTxBytes)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of(allowList.split(",")))
                // No network calls home: these machines are offline, and users did not ask for it.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            System.out.println("ATLAS-STOPPED");
            System.out.flush();
        }, "atlas-neo4j-shutdown"));

        phase("dbms", null);
        Path marker = home.resolve("data").resolve("dbms").resolve(PASSWORD_MARKER);
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        if (passwordAlreadySet(system, marker, password)) {
            phase("password", "kept");
        } else {
            setPassword(system, password);
            rememberPassword(marker, password);
            phase("password", "set");
        }
        if ("on".equals(envOr("ATLAS_NEO4J_WARM_UP", ""))) {
            phase("warm-up", warmUp(service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)));
        }

        System.out.println("ATLAS-READY bolt://127.0.0.1:" + boltPort);
        System.out.flush();

        // Block until the parent closes our stdin (normal stop, or the parent died).
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                // Lines from the parent carry no commands; only end-of-stream matters.
            }
        }
        System.exit(0);
    }

    /**
     * Our own start-up statement gets its own time limit. db.transaction.timeout is the limit for
     * users' queries (30 s by default), and on a loaded two-core machine this first Cypher statement
     * of a cold JVM has taken longer than that: Neo4j then terminated it and the start failed with
     * exit code 1. The parent's start time-out (ATLAS_NEO4J_START_TIMEOUT_SECONDS) still bounds it.
     */
    private static final long STARTUP_TX_TIMEOUT_MINUTES = 30;

    /** Embedded calls run without authentication, so the password can be (re)set on every start. */
    private static void setPassword(GraphDatabaseService system, String password) {
        try (Transaction tx = system.beginTx(STARTUP_TX_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            tx.execute("ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password))
                    .close();
            tx.commit();
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to its current value; that is the normal restart case.
            if (e.getMessage() == null || !e.getMessage().contains("cannot be the same")) {
                throw e;
            }
        }
    }

    /**
     * Where the password this launcher last set is remembered: a random salt and SHA-256 of salt and
     * password, owner-only like the rest of the store (the plain password is in the data folder anyway).
     */
    private static final String PASSWORD_MARKER = "atlas-password-set";

    /**
     * True when the system graph already has this password, so the start needs no Cypher at all:
     * the first Cypher statement of a cold JVM took 12 to 30+ s on a loaded machine, most of a
     * restart after a crash. The marker says which password was set; the Core API read (no Cypher)
     * checks that the system graph is still the one it was set in: a new or replaced system
     * database has the user's password change still required. Anything unexpected means "set it".
     */
    private static boolean passwordAlreadySet(GraphDatabaseService system, Path marker, String password) {
        try {
            if (!Files.isRegularFile(marker)) {
                return false;
            }
            String[] parts = Files.readString(marker, StandardCharsets.UTF_8).trim().split(":");
            if (parts.length != 2 || !parts[1].equals(digest(parts[0], password))) {
                return false;
            }
            try (Transaction tx = system.beginTx(STARTUP_TX_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                Node user = tx.findNode(Label.label("User"), "name", "neo4j");
                return user != null && Boolean.FALSE.equals(user.getProperty("passwordChangeRequired", null));
            }
        } catch (RuntimeException | IOException e) {
            return false;
        }
    }

    private static void rememberPassword(Path marker, String password) throws IOException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        Path temp = marker.resolveSibling(PASSWORD_MARKER + ".tmp");
        Files.createDirectories(marker.getParent());
        Files.writeString(temp, saltHex + ":" + digest(saltHex, password) + "\n", StandardCharsets.UTF_8);
        Files.move(temp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String digest(String salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A read query shaped like the app's (parse, plan, run, a parameter), on whatever data there is. */
    private static String warmUp(GraphDatabaseService db) {
        try (Transaction tx = db.beginTx(STARTUP_TX_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            tx.execute("MATCH (p {id: $id})-[r]-(o) RETURN p.id AS id, type(r) AS t, o.id AS other ORDER BY other LIMIT 5", Map.of("id", "warm-up"))
                    .close();
            tx.commit();
            return null;
        } catch (RuntimeException e) {
            // Only an archive's coverage depends on it; the start goes on.
            return "failed";
        }
    }

    /** One start-up step done: its name and the JVM's uptime, for the parent's log. */
    private static void phase(String name, String note) {
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println("ATLAS-PHASE " + name + " " + uptime + (note == null ? "" : " " + note));
        System.out.flush();
    }

    private static String requireEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            System.err.println("ATLAS-ERROR missing environment variable " + name);
            System.exit(2);
        }
        return value;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}

package govgraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs a Neo4j Community server (embedded DBMS + Bolt) for govgraph.
 *
 * <p>Usage: {@code java -cp 'target/govgraph-neo4j-server.jar:target/lib/*' govgraph.Neo4jLauncher [HOME_DIR]}.
 * Configured by environment variables (see README.md):
 * GOVGRAPH_NEO4J_HOME (if no argument), GOVGRAPH_NEO4J_PORT (7687),
 * GOVGRAPH_NEO4J_AUTH ("none" or "user/password"),
 * GOVGRAPH_NEO4J_PAGECACHE (256m), GOVGRAPH_NEO4J_TX_MAX (1g),
 * GOVGRAPH_NEO4J_KEEP_ALIVE ("streaming", "all" or "off").
 *
 * <p>Prints exactly one line on stdout, {@code NEO4J READY bolt://127.0.0.1:<port>}, once the
 * default database answers a query; Neo4j's own log goes to stderr and HOME_DIR/logs/.
 */
public final class Neo4jLauncher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : env("GOVGRAPH_NEO4J_HOME", ".govgraph/neo4j"))
                .toAbsolutePath();
        int port = Integer.parseInt(env("GOVGRAPH_NEO4J_PORT", "7687"));
        String auth = env("GOVGRAPH_NEO4J_AUTH", "none").trim();
        String user = null;
        String password = null;
        if (!auth.isEmpty() && !auth.equalsIgnoreCase("none")) {
            int slash = auth.indexOf('/');
            if (slash <= 0 || slash == auth.length() - 1) {
                System.err.println("GOVGRAPH_NEO4J_AUTH must be 'none' or 'user/password'");
                System.exit(2);
            }
            user = auth.substring(0, slash);
            password = auth.substring(slash + 1);
        }

        BoltConnector.KeepAliveRequestType keepAlive = null;
        String keepAliveName = env("GOVGRAPH_NEO4J_KEEP_ALIVE", "streaming").trim();
        try {
            keepAlive = BoltConnector.KeepAliveRequestType.valueOf(keepAliveName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("GOVGRAPH_NEO4J_KEEP_ALIVE must be 'streaming', 'all' or 'off', not '"
                    + keepAliveName + "'");
            System.exit(2);
        }

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(System.err, Level.INFO))
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress(HOST))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Neo4j's default, ALL, sends every client a receive-timeout hint; the Python
                // async driver then puts a timer and a task around each socket read, a cost on
                // every point lookup (docs/performance.md). STREAMING sends no hint and
                // still keeps long result streams alive; govgraph bounds its reads itself.
                .setConfig(BoltConnector.connection_keep_alive_type, keepAlive)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // LOAD CSV runs even in READ access mode: never let it read the server's files.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory,
                        ByteUnit.parse(env("GOVGRAPH_NEO4J_PAGECACHE", "256m")))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size,
                        ByteUnit.parse(env("GOVGRAPH_NEO4J_TX_MAX", "1g")))
                // Bolt's netty groups otherwise idle 5 s each on shutdown (after the stores are closed).
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 1)
                .setConfig(GraphDatabaseSettings.auth_enabled, password != null);
        if (password != null && password.length() < 8) {
            builder.setConfig(GraphDatabaseSettings.auth_minimum_password_length, password.length());
        }
        // Any other Neo4j setting, as neo4j.conf spells it: "name=value" pairs separated by
        // ';' or newlines. Neo4j validates them: an unknown name stops the start.
        StringBuilder extra = new StringBuilder();
        for (String pair : env("GOVGRAPH_NEO4J_CONFIG", "").split("[;\\n]")) {
            if (pair.isBlank()) {
                continue;
            }
            if (pair.indexOf('=') <= 0) {
                System.err.println("GOVGRAPH_NEO4J_CONFIG: '" + pair.trim()
                        + "' is not name=value (pairs are separated by ';')");
                System.exit(2);
            }
            extra.append(pair.trim()).append('\n');
        }
        if (extra.length() > 0) {
            Path conf = home.resolve("govgraph-extra.conf");
            Files.createDirectories(home);
            Files.writeString(conf, extra.toString());
            builder.loadPropertiesFromFile(conf);
        }

        DatabaseManagementService dbms = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

        if (password != null) {
            setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), user, password);
        }

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(120_000)) {
            System.err.println("default database did not become available");
            System.exit(1);
        }
        db.executeTransactionally("RETURN 1");

        System.out.println("NEO4J READY bolt://" + HOST + ":" + port);
        System.out.flush();
        new CountDownLatch(1).await(); // run until SIGTERM/SIGINT; the hook shuts down
    }

    /** Sets the user's password with no forced change on first login (idempotent across restarts). */
    private static void setPassword(GraphDatabaseService system, String user, String password) {
        Map<String, Object> params = Map.of("user", user, "pw", password);
        if (!user.equals("neo4j")) {
            system.executeTransactionally(
                    "CREATE USER $user IF NOT EXISTS SET PASSWORD $pw CHANGE NOT REQUIRED", params);
        }
        try {
            system.executeTransactionally(
                    "ALTER USER $user SET PASSWORD $pw CHANGE NOT REQUIRED", params);
        } catch (RuntimeException e) {
            // Re-applying the current password on a restart is refused; that is fine.
            String msg = String.valueOf(e.getMessage()).toLowerCase();
            if (!(msg.contains("same") || msg.contains("old password"))) {
                throw e;
            }
            system.executeTransactionally("ALTER USER $user SET PASSWORD CHANGE NOT REQUIRED", params);
        }
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? def : v;
    }
}

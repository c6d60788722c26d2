package dev.messaging.jdbi;

import dev.messaging.common.Tenant;
import dev.messaging.spi.CommitListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * What differs between SQLite and PostgreSQL: how a writer takes its tenant's lock, and the text
 * index (FTS5 keyed by row keys in SQLite; tsvector columns with GIN indexes in PostgreSQL). Both
 * index the tokens core's {@code TextTokens} made and match every query term as a prefix.
 */
enum Dialect {
    SQLITE {
        @Override
        String lockTenant() {
            // BEGIN IMMEDIATE and the single writer already serialize every write of the database
            return "SELECT id, feed_head FROM tenant WHERE company_id = :company AND location_id = :location";
        }

        @Override
        boolean writesFeedHead() {
            return false;
        }

        @Override
        String feedHead() {
            // the feed's last key entry; the tenant row holds the head only across a prune of the newest rows
            return """
                    SELECT max(t.feed_head, coalesce((SELECT max(f.sequence) FROM change_feed f WHERE f.tenant = t.id), 0))
                    FROM tenant t WHERE t.id = ?""";
        }

        @Override
        String messageInsertExtra() {
            return "";
        }

        @Override
        void indexMessage(Handle h, long rid, Set<String> tokens) {
            unindexMessage(h, rid);
            insertDocument(h, rid, tokens);
        }

        @Override
        void indexNewMessage(Handle h, long rid, Set<String> tokens) {
            insertDocument(h, rid, tokens);
        }

        @Override
        void unindexMessage(Handle h, long rid) {
            h.createUpdate("DELETE FROM search_fts WHERE rowid = :rid").bind("rid", rid).execute();
        }

        @Override
        void indexContact(Handle h, long conversationRid, Set<String> tokens) {
            unindexMessage(h, -conversationRid);
            insertDocument(h, -conversationRid, tokens);
        }

        private void insertDocument(Handle h, long rowid, Set<String> tokens) {
            if (!tokens.isEmpty()) {
                Jdbc.execute(h, this, "INSERT INTO search_fts (rowid, tokens) VALUES (?, ?)", st -> {
                    st.setLong(1, rowid);
                    st.setString(2, String.join(" ", tokens));
                });
            }
        }

        @Override
        String matchingConversations() {
            // the shared index holds every tenant's documents; the caller keeps its tenant's conversations
            return """
                    SELECT CASE WHEN f.rowid > 0 THEN (SELECT conversation FROM message WHERE rid = f.rowid)
                                ELSE -f.rowid END
                    FROM search_fts f WHERE search_fts MATCH :match""";
        }

        @Override
        String matchArgument(List<String> terms) {
            return terms.stream().map(t -> "\"" + t.replace("\"", "\"\"") + "\"*").collect(Collectors.joining(" "));
        }

        @Override
        String keysIn(String parameter) {
            return textsIn(parameter);
        }

        @Override
        String textsIn(String parameter) {
            return "SELECT value FROM json_each(:" + parameter + ")";
        }

        @Override
        String anyOf(String column, String parameter) {
            return "EXISTS (SELECT 1 FROM json_each(" + column + ") WHERE value IN (" + textsIn(parameter) + "))";
        }
    },

    POSTGRESQL {
        @Override
        String lockTenant() {
            // the row lock serializes the tenant's writers across connections and instances
            return "SELECT id, feed_head FROM tenant WHERE company_id = :company AND location_id = :location FOR UPDATE";
        }

        @Override
        boolean writesFeedHead() {
            return true;
        }

        @Override
        String feedHead() {
            return "SELECT feed_head FROM tenant WHERE id = ?";
        }

        @Override
        String messageInsertExtra() {
            return "tokens";
        }

        @Override
        void indexMessage(Handle h, long rid, Set<String> tokens) {
            h.createUpdate("UPDATE message SET tokens = " + TOKENS + " WHERE rid = :rid")
                    .bind("rid", rid).bind("tokens", tokensOrNull(tokens)).execute();
        }

        @Override
        void indexNewMessage(Handle h, long rid, Set<String> tokens) {
            // written with the row (messageInsertExtra)
        }

        @Override
        void unindexMessage(Handle h, long rid) {
            h.createUpdate("UPDATE message SET tokens = NULL WHERE rid = :rid").bind("rid", rid).execute();
        }

        @Override
        void indexContact(Handle h, long conversationRid, Set<String> tokens) {
            Jdbc.execute(h, this, CONTACT_TOKENS, st -> {
                Column.bindValue(st, 1, tokensOrNull(tokens), String.class);
                st.setLong(2, conversationRid);
            });
        }

        @Override
        String matchingConversations() {
            return """
                    SELECT conversation FROM message WHERE tenant = :tenant AND tokens @@ CAST(:match AS tsquery)
                    UNION SELECT rid FROM conversation WHERE tenant = :tenant AND contact_tokens @@ CAST(:match AS tsquery)""";
        }

        @Override
        String matchArgument(List<String> terms) {
            // terms are letters and digits only (core's tokens); quoted, they are taken verbatim
            return terms.stream().map(t -> "'" + t.replace("'", "''") + "':*").collect(Collectors.joining(" & "));
        }

        @Override
        String keysIn(String parameter) {
            return "SELECT CAST(value AS bigint) FROM json_array_elements_text(CAST(:" + parameter + " AS json))";
        }

        @Override
        String textsIn(String parameter) {
            return "SELECT value FROM json_array_elements_text(CAST(:" + parameter + " AS json))";
        }

        @Override
        String anyOf(String column, String parameter) {
            return "EXISTS (SELECT 1 FROM json_array_elements_text(CAST(" + column + " AS json)) e WHERE e.value IN ("
                    + textsIn(parameter) + "))";
        }
    };

    /** The PostgreSQL channel a write notifies at commit, with its tenant ({@link #notification}). */
    static final String CHANGES_CHANNEL = "messaging_changes";

    /**
     * The notification payload of a write: its tenant's company and location ids, and a third line
     * {@code outbox} when it wrote deliveries (ids hold no line break).
     */
    static String notification(Tenant tenant, boolean outbox) {
        return tenant.companyId() + "\n" + tenant.locationId() + (outbox ? "\noutbox" : "");
    }

    /** Tells {@code listener} of the write a notification payload names; ignores one this library did not send. */
    static void notify(String payload, CommitListener listener) {
        String[] lines = payload == null ? new String[0] : payload.split("\n", -1);
        if (lines.length == 2 || lines.length == 3 && lines[2].equals("outbox")) {
            listener.committed(new Tenant(lines[0], lines[1]), lines.length == 3);
        }
    }

    /** A tsvector from the space-separated tokens bound as {@code :tokens} (PostgreSQL). */
    /** {@code text} of each dialect, built once: a statement whose text differs by dialect. */
    static Map<Dialect, String> each(Function<Dialect, String> text) {
        Map<Dialect, String> texts = new EnumMap<>(Dialect.class);
        for (Dialect dialect : values()) {
            texts.put(dialect, text.apply(dialect));
        }
        return texts;
    }

    /** PostgreSQL: a conversation's contact document, its tokens and its row key bound in that order. */
    static final String CONTACT_TOKENS =
            "UPDATE conversation SET contact_tokens = array_to_tsvector(string_to_array(CAST(? AS text), ' ')) WHERE rid = ?";

    static final String TOKENS = "array_to_tsvector(string_to_array(CAST(:tokens AS text), ' '))";

    static String tokensOrNull(Set<String> tokens) {
        return tokens.isEmpty() ? null : String.join(" ", tokens);
    }

    /** The statement a write transaction runs first, to serialize the tenant's writers: reads id and feed head. */
    abstract String lockTenant();

    /**
     * Whether every write saves its tenant's feed head in the tenant row. PostgreSQL: yes — the row
     * is locked by the write anyway, and the notification to other instances rides on its update.
     * SQLite: no — the head is the feed's newest sequence (the last entry of its key), and the row
     * keeps the head only across a prune; a write saves an UPDATE and a page of its commit.
     */
    abstract boolean writesFeedHead();

    /** The tenant's feed head (the tenant's key its one parameter). */
    abstract String feedHead();

    /** The column a message INSERT writes after the listed ones (its tokens), or empty. */
    abstract String messageInsertExtra();

    /** Replaces a message's document in the text index. */
    abstract void indexMessage(Handle h, long rid, Set<String> tokens);

    /** Adds the document of a message just inserted (none before). */
    abstract void indexNewMessage(Handle h, long rid, Set<String> tokens);

    abstract void unindexMessage(Handle h, long rid);

    /** Replaces a conversation's contact document in the text index. */
    abstract void indexContact(Handle h, long conversationRid, Set<String> tokens);

    /** A subquery of conversation row keys with a document matching every term ({@code :match}, {@code :tenant}). */
    abstract String matchingConversations();

    abstract String matchArgument(List<String> terms);

    /**
     * A subquery of the row keys bound as one JSON array to {@code parameter}: one statement text
     * (one prepared statement) for any number of keys.
     */
    abstract String keysIn(String parameter);

    /** A subquery of the strings bound as one JSON array to {@code parameter}. */
    abstract String textsIn(String parameter);

    /**
     * A condition: the JSON array of strings in {@code column} (null: none) holds one of the strings
     * bound as one JSON array to {@code parameter}.
     */
    abstract String anyOf(String column, String parameter);

    /** The dialect of the database {@code c} is connected to. */
    static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("sqlite")) {
            return SQLITE;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database: " + product + " (SQLite or PostgreSQL)");
    }

    /**
     * Where the dialect's migrations are. The folder name has a hyphen so that it is not a Java
     * package: resources outside packages stay readable by Flyway when this jar is a named module.
     */
    String migrations() {
        return "classpath:messaging-schema/" + name().toLowerCase(Locale.ROOT);
    }
}

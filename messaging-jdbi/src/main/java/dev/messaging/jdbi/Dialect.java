package dev.messaging.jdbi;

import dev.messaging.common.Tenant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * What differs between SQLite and PostgreSQL: how a writer takes its tenant's lock, and the
 * full-text index (FTS5 in SQLite, a tsvector with a GIN index in PostgreSQL). Both index the
 * tokens core's {@code TextTokens} made and match every query term as a prefix.
 */
enum Dialect {
    SQLITE {
        @Override
        String lockTenant() {
            // BEGIN IMMEDIATE and the single writer already serialize every write of the database.
            return "SELECT feed_head FROM tenant WHERE company_id = ? AND location_id = ?";
        }

        @Override
        void indexDocument(Handle h, Tenant tenant, String docKey, String conversationId, Set<String> tokens) {
            removeDocument(h, docKey);
            addDocument(h, tenant, docKey, conversationId, tokens);
        }

        @Override
        void addDocument(Handle h, Tenant tenant, String docKey, String conversationId, Set<String> tokens) {
            if (tokens.isEmpty()) {
                return;
            }
            JdbcWrites.execute(h, this, "INSERT INTO search_doc (doc_key, company_id, location_id, conversation_id)"
                    + " VALUES (?, ?, ?, ?)", st -> {
                        st.setString(1, docKey);
                        st.setString(2, tenant.companyId());
                        st.setString(3, tenant.locationId());
                        st.setString(4, conversationId);
                    });
            JdbcWrites.execute(h, this, "INSERT INTO search_fts (rowid, tokens) VALUES (last_insert_rowid(), ?)",
                    st -> st.setString(1, String.join(" ", tokens)));
        }

        @Override
        void removeDocument(Handle h, String docKey) {
            h.createQuery("SELECT doc_id FROM search_doc WHERE doc_key = ?").bind(0, docKey).mapTo(Long.class)
                    .findOne().ifPresent(docId -> {
                        h.createUpdate("DELETE FROM search_fts WHERE rowid = ?").bind(0, docId).execute();
                        h.createUpdate("DELETE FROM search_doc WHERE doc_id = ?").bind(0, docId).execute();
                    });
        }

        @Override
        void removeDocumentsOf(Handle h, String conversationId) {
            h.createUpdate("DELETE FROM search_fts WHERE rowid IN (SELECT doc_id FROM search_doc WHERE conversation_id = ?)")
                    .bind(0, conversationId).execute();
            h.createUpdate("DELETE FROM search_doc WHERE conversation_id = ?").bind(0, conversationId).execute();
        }

        @Override
        String matchingConversations() {
            return "SELECT search_doc.conversation_id FROM search_fts"
                    + " JOIN search_doc ON search_doc.doc_id = search_fts.rowid"
                    + " WHERE search_doc.company_id = ? AND search_doc.location_id = ? AND search_fts MATCH ?";
        }

        @Override
        String matchArgument(List<String> terms) {
            return terms.stream().map(t -> "\"" + t.replace("\"", "\"\"") + "\"*").collect(Collectors.joining(" "));
        }
    },

    POSTGRESQL {
        @Override
        String lockTenant() {
            // The row lock serializes the tenant's writers across connections and instances.
            return "SELECT feed_head FROM tenant WHERE company_id = ? AND location_id = ? FOR UPDATE";
        }

        @Override
        void indexDocument(Handle h, Tenant tenant, String docKey, String conversationId, Set<String> tokens) {
            if (tokens.isEmpty()) {
                removeDocument(h, docKey);
                return;
            }
            h.createUpdate("INSERT INTO search_doc (doc_key, company_id, location_id, conversation_id, tokens)"
                    + " VALUES (?, ?, ?, ?, array_to_tsvector(string_to_array(?, ' ')))"
                    + " ON CONFLICT (doc_key) DO UPDATE SET tokens = excluded.tokens")
                    .bind(0, docKey).bind(1, tenant.companyId()).bind(2, tenant.locationId()).bind(3, conversationId)
                    .bind(4, String.join(" ", tokens)).execute();
        }

        @Override
        void addDocument(Handle h, Tenant tenant, String docKey, String conversationId, Set<String> tokens) {
            indexDocument(h, tenant, docKey, conversationId, tokens);
        }

        @Override
        void removeDocument(Handle h, String docKey) {
            h.createUpdate("DELETE FROM search_doc WHERE doc_key = ?").bind(0, docKey).execute();
        }

        @Override
        void removeDocumentsOf(Handle h, String conversationId) {
            h.createUpdate("DELETE FROM search_doc WHERE conversation_id = ?").bind(0, conversationId).execute();
        }

        @Override
        String matchingConversations() {
            return "SELECT search_doc.conversation_id FROM search_doc"
                    + " WHERE search_doc.company_id = ? AND search_doc.location_id = ? AND search_doc.tokens @@ ?::tsquery";
        }

        @Override
        String matchArgument(List<String> terms) {
            // Terms are letters and digits only (core's tokens); quoted, they are taken verbatim.
            return terms.stream().map(t -> "'" + t.replace("'", "''") + "':*").collect(Collectors.joining(" & "));
        }
    };

    /** The statement a write transaction runs first, to serialize the tenant's writers. */
    abstract String lockTenant();

    /** Replaces the document {@code docKey} (a message's text, a conversation's contact) in the index. */
    abstract void indexDocument(Handle h, Tenant tenant, String docKey, String conversationId, Set<String> tokens);

    /** Adds a document known to be new (no previous version to remove). */
    abstract void addDocument(Handle h, Tenant tenant, String docKey, String conversationId, Set<String> tokens);

    abstract void removeDocument(Handle h, String docKey);

    abstract void removeDocumentsOf(Handle h, String conversationId);

    /** A subquery of conversation ids with a document matching every term; binds company, location, match. */
    abstract String matchingConversations();

    abstract String matchArgument(List<String> terms);

    String migrations() {
        return "classpath:db/migration/" + name().toLowerCase(java.util.Locale.ROOT);
    }
}

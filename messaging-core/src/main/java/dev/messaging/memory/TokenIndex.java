package dev.messaging.memory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * An inverted index from token to documents (a message, or a conversation's contact), each
 * document belonging to a conversation. A prefix query walks only the tokens that start with the
 * term, so its cost follows the number of matches, not the number of documents.
 */
final class TokenIndex {
    private final NavigableMap<String, Set<String>> postings = new TreeMap<>();
    private final Map<String, String> conversationOfDocument = new HashMap<>();

    /** Indexes a document not in the index ({@link #remove} it first with the tokens it had). */
    void put(String document, String conversationId, Set<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        conversationOfDocument.put(document, conversationId);
        for (String token : tokens) {
            postings.computeIfAbsent(token, t -> new HashSet<>(2)).add(document);
        }
    }

    /**
     * Takes {@code document} out, given the tokens it was indexed with. The caller derives them
     * again from the row it replaces: keeping each document's tokens here was measured as the
     * largest part of the store's heap per message.
     */
    void remove(String document, Set<String> tokens) {
        conversationOfDocument.remove(document);
        for (String token : tokens) {
            Set<String> documents = postings.get(token);
            if (documents == null || !documents.remove(document)) {
                continue;
            }
            if (documents.isEmpty()) {
                postings.remove(token);
            }
        }
    }

    /**
     * The conversations that have one document matching every term; {@code touched} counts the
     * postings read.
     */
    Set<String> conversationsMatching(Collection<String> terms, long[] touched) {
        Set<String> documents = null;
        for (String term : terms) {
            Set<String> matching = new HashSet<>();
            for (Map.Entry<String, Set<String>> entry : postings.tailMap(term, true).entrySet()) {
                if (!entry.getKey().startsWith(term)) {
                    break;
                }
                touched[0] += entry.getValue().size();
                if (documents == null) {
                    matching.addAll(entry.getValue());
                } else {
                    for (String document : entry.getValue()) {
                        if (documents.contains(document)) {
                            matching.add(document);
                        }
                    }
                }
            }
            documents = matching;
            if (documents.isEmpty()) {
                break;
            }
        }
        Set<String> conversations = new HashSet<>();
        if (documents != null) {
            for (String document : documents) {
                conversations.add(conversationOfDocument.get(document));
            }
        }
        return conversations;
    }
}

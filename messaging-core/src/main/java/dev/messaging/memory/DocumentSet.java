package dev.messaging.memory;

/**
 * The documents of one search token ({@link KeyedSlots}, a document its own key). A token found
 * in many documents ("my", "car") held them in a {@code HashSet}, a node of 32 bytes per
 * document; here a document costs a slot or two of a reference.
 */
final class DocumentSet extends KeyedSlots<String> {

    DocumentSet() {
        super(false); // a document is its own key: a probe reads the key itself, no row in between
    }

    @Override
    String keyOf(String document) {
        return document;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof String document && get(document) != null;
    }

    @Override
    public boolean add(String document) {
        return put(document) == null;
    }

    @Override
    public boolean remove(Object o) {
        return o instanceof String document && removeKey(document) != null;
    }
}

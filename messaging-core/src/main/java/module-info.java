/**
 * The customer-messaging domain: start at {@link dev.messaging.Messaging}. Exports the facade and
 * the heart's services ({@code dev.messaging}: conversations, messages, threads, inbox), the
 * wings' services (the outbox, {@code dev.messaging.outbox}; the change feed and live changes,
 * {@code dev.messaging.feed}), the model (records, enums, errors), the store SPI and the
 * in-memory store, and the reference API views. Each wing's rules stay package-private inside it;
 * the kernel ({@code dev.messaging.kernel}: gate, clock, ids, transactions, validation) is not
 * exported.
 */
module dev.messaging.core {
    // compile time only: the annotation that generates the records' builders, and the @Generated
    // those public builders carry (transitive, so that it is readable wherever they are)
    requires static io.soabase.recordbuilder.core;
    requires static transitive java.compiler;

    exports dev.messaging;
    exports dev.messaging.change;
    exports dev.messaging.common;
    exports dev.messaging.conversation;
    exports dev.messaging.delivery;
    exports dev.messaging.error;
    exports dev.messaging.feed;
    exports dev.messaging.history;
    exports dev.messaging.inbox;
    exports dev.messaging.memory;
    exports dev.messaging.message;
    exports dev.messaging.notification;
    exports dev.messaging.outbox;
    exports dev.messaging.outlet;
    exports dev.messaging.provider;
    exports dev.messaging.spi;
    exports dev.messaging.testing;
    exports dev.messaging.thread;
    exports dev.messaging.verify;
    exports dev.messaging.view;
    exports dev.messaging.view.hotel;
    exports dev.messaging.view.leadconnector;
    exports dev.messaging.view.shopmonkey;
}

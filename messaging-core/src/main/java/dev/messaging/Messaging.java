package dev.messaging;

import dev.messaging.common.Actor;
import dev.messaging.common.Limits;
import dev.messaging.common.Tenant;
import dev.messaging.delivery.RetryPolicy;
import dev.messaging.feed.ChangeFeed;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Validator;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.message.Translator;
import dev.messaging.outbox.Consents;
import dev.messaging.outbox.Deliveries;
import dev.messaging.outbox.DeliverySettings;
import dev.messaging.outbox.MessageOutbox;
import dev.messaging.spi.Store;
import dev.messaging.verify.ConsistencyReport;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The library's entry point: the customer-messaging domain of a business over one {@link Store}.
 * Every call takes the {@link Actor} that makes it, and reads and writes only the actor's tenant.
 *
 * <pre>{@code
 * Messaging messaging = Messaging.inMemory();
 * Message m = messaging.messages().create(customer, NewMessage.to(customerId, "Hi").build());
 * }</pre>
 *
 * Closing it closes the store, which releases only what the store opened itself.
 */
public final class Messaging implements AutoCloseable {
    /** The inbound SMS texts that unsubscribe a customer from SMS, unless configured otherwise. */
    public static final Set<String> DEFAULT_STOP_KEYWORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END",
            "QUIT", "REVOKE", "OPTOUT");
    /** The inbound SMS texts that subscribe a customer to SMS again, unless configured otherwise. */
    public static final Set<String> DEFAULT_START_KEYWORDS = Set.of("START", "UNSTOP");

    /** The default longest message text, in characters. */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 10_000;

    private final Conversations conversations;
    private final Messages messages;
    private final Threads threads;
    private final Inbox inbox;
    private final NotificationConfigs notificationConfig;
    private final ChangeFeed changes;

    private final Engine engine;
    private final Outlets outlets;
    private final Imports imports;
    private final Deliveries deliveries;
    private final Consents consents;
    private final DeliverySettings deliverySettings;

    private Messaging(Builder b, Translating translation) {
        this.engine = new Engine(b.store, new Engine.Options(b.clock, b.ids::newId, b.limits, b.closeTimeout));
        if (translation != null) {
            engine.closeWith(translation);
        }
        this.outlets = new Outlets(engine);
        this.imports = new Imports(engine);
        this.deliveries = new Deliveries(engine, b.retryPolicy, b.stopKeywords, b.startKeywords, b.helpReply);
        this.consents = new Consents(engine);
        this.deliverySettings = new DeliverySettings(engine);
        MessageOutbox outbox = MessageOutbox.of(deliveries);
        MessageWrites writes = new MessageWrites(engine, outbox, translation);
        this.messages = new Messages(engine, writes, outbox);
        this.conversations = new Conversations(engine, writes);
        this.threads = new Threads(engine);
        this.inbox = new Inbox(engine);
        this.notificationConfig = new NotificationConfigs(engine);
        this.changes = new ChangeFeed(engine, b.listenerThreads, b.maxWaiting, b.maxLag);
    }

    /** A messaging over a fresh in-memory store, with the system clock and random ids. */
    public static Messaging inMemory() {
        return builder(new InMemoryStore()).build();
    }

    /** Starts configuring a messaging over {@code store}. */
    public static Builder builder(Store store) {
        return new Builder(store);
    }

    /** Conversations: create, getOrCreate, find, search, update, delete, restore, and a customer's erasure. */
    public Conversations conversations() {
        return conversations;
    }

    /**
     * Messages: create (idempotent by {@code clientMessageId}), find, list, delivery updates, scheduled
     * edits, delete, restore.
     */
    public Messages messages() {
        return messages;
    }

    /** The acting user's view of each conversation: read state, important, archived, muted, the unread badge. */
    public Threads threads() {
        return threads;
    }

    /** The acting user's inbox: one row per conversation, newest first, filtered and cursor-paged. */
    public Inbox inbox() {
        return inbox;
    }

    /** Each user's staff notification settings (email, SMS, in-app). */
    public NotificationConfigs notificationConfig() {
        return notificationConfig;
    }

    /** The tenant's change feed: pages, long polls and subscriptions, in commit order. */
    public ChangeFeed changes() {
        return changes;
    }

    /** History import: conversations, messages and read state from another system, in batches (system only). */
    public Imports imports() {
        return imports;
    }

    /** The outbox: claims, outcomes, provider callbacks, scheduled sends, and a ready worker. */
    public Deliveries deliveries() {
        return deliveries;
    }

    /** Customers' consent per channel (stop keywords set it too). */
    public Consents consents() {
        return consents;
    }

    /** The location's time zone and SMS quiet window. */
    public DeliverySettings deliverySettings() {
        return deliverySettings;
    }

    /** The location's outlets (hotel API). */
    public Outlets outlets() {
        return outlets;
    }

    /**
     * Recomputes the tenant's derived state (unread counts and timestamps, last-message summaries,
     * one live conversation per customer, the change feed's continuity) from the raw rows and
     * reports every mismatch; writes nothing. For operators, and for tests after a crash.
     */
    public ConsistencyReport verify(Tenant tenant) {
        Validator v = engine.validator();
        v.required("tenant", tenant);
        v.throwIfAny();
        v.requiredId("tenant.companyId", tenant.companyId());
        v.requiredId("tenant.locationId", tenant.locationId());
        v.throwIfAny();
        return engine.readFromStorage(tenant, ConsistencyCheck::run);
    }

    /**
     * Closes the delivery workers still running (each finishes its sends in flight and records
     * their outcomes, up to its own close timeout), then takes no new call (a later one gets a
     * {@code StoreClosedException}), waits for the calls in flight (up to {@link Builder#closeTimeout},
     * default 10 s), and closes the store, which releases only what the store opened itself.
     */
    @Override
    public void close() {
        engine.close();
    }

    /** Configures a {@link Messaging}: clock and id generator (inject them in tests), text limit. */
    public static final class Builder {
        private final Store store;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids = IdGenerator.timeOrdered();
        private Limits limits = Limits.defaults();
        private Translator translator;
        private Function<Tenant, String> locationLanguage;
        private Duration translationTimeout = Duration.ofSeconds(2);
        private Duration closeTimeout = Duration.ofSeconds(10);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Set<String> stopKeywords = DEFAULT_STOP_KEYWORDS;
        private Set<String> startKeywords = DEFAULT_START_KEYWORDS;
        private String helpReply;
        private int listenerThreads = ChangeFeed.DEFAULT_LISTENER_THREADS;
        private int maxWaiting = ChangeFeed.DEFAULT_MAX_WAITING;
        private Duration maxLag = ChangeFeed.DEFAULT_MAX_LAG;

        private Builder(Store store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** The clock every time comes from (default the system's, UTC); inject a {@code SettableClock} in tests. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The generator of new records' ids (default {@link IdGenerator#timeOrdered()}). */
        public Builder ids(IdGenerator value) {
            this.ids = Objects.requireNonNull(value, "ids");
            return this;
        }

        /** The longest message text accepted, in characters (default 10,000); short for {@code limits(limits.withTextLength(value))}. */
        public Builder maxTextLength(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxTextLength must be positive");
            }
            this.limits = limits.withTextLength(value);
            return this;
        }

        /** How large what callers write may be (default {@link Limits#defaults()}), on every store. */
        public Builder limits(Limits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /**
         * Translates customer messages into the location's language ({@code locationLanguage}
         * gives it per tenant; null means "do not translate there"), keeping the original.
         */
        public Builder translator(Translator value, Function<Tenant, String> languageOfLocation) {
            this.translator = Objects.requireNonNull(value, "translator");
            this.locationLanguage = Objects.requireNonNull(languageOfLocation, "locationLanguage");
            return this;
        }

        /** How long a translation may take before the message is stored untranslated (default 2 s). */
        public Builder translationTimeout(Duration value) {
            this.translationTimeout = Objects.requireNonNull(value, "translationTimeout");
            return this;
        }

        /** How long {@code close()} waits for the calls in flight before it closes the store (default 10 s). */
        public Builder closeTimeout(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must be zero or positive");
            }
            this.closeTimeout = value;
            return this;
        }

        /** When a delivery that should be retried is tried again (default: 30 s doubling to 1 h, 8 attempts). */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * The inbound SMS texts (whole, any case, with the spaces around them and the punctuation
         * after them left out) that unsubscribe the customer from SMS, and those that subscribe them
         * again (defaults: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT; START, UNSTOP).
         */
        public Builder keywords(Set<String> stop, Set<String> start) {
            this.stopKeywords = upper(stop);
            this.startKeywords = upper(start);
            return this;
        }

        /**
         * What an inbound SMS whose whole text is HELP or INFO is answered with (matched as the stop
         * keywords are): a System message with this text, sent by SMS, written in the customer's
         * transaction. Carriers expect one (the business's name, how to get help, how to opt out);
         * default none. At most 160 characters, so that it is one SMS.
         */
        public Builder helpReply(String text) {
            if (text == null || text.isBlank() || text.length() > 160) {
                throw new IllegalArgumentException("helpReply must be 1 to 160 characters");
            }
            this.helpReply = text;
            return this;
        }

        /**
         * How change-feed subscriptions run: their listeners on up to {@code listenerThreads}
         * threads (default 8; a listener that blocks holds one), with up to {@code maxWaiting}
         * changes queued for each (default 10,000, at least 100; memory: one change each); a
         * subscription ends as fallen behind when a change waited for its listener longer than
         * {@code maxLag} (default 1 min).
         */
        public Builder subscriptions(int listenerThreads, int maxWaiting, Duration maxLag) {
            if (listenerThreads < 1 || maxWaiting < 100 || maxLag == null || maxLag.isNegative() || maxLag.isZero()) {
                throw new IllegalArgumentException("listenerThreads must be positive, maxWaiting at least 100 and"
                        + " maxLag positive");
            }
            this.listenerThreads = listenerThreads;
            this.maxWaiting = maxWaiting;
            this.maxLag = maxLag;
            return this;
        }

        private static Set<String> upper(Set<String> words) {
            return words.stream().map(w -> w.strip().toUpperCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        }

        /** The configured messaging; it owns the store from now on and closes it with itself. */
        public Messaging build() {
            Translating translation = translator == null ? null
                    : new Translating(translator, locationLanguage, translationTimeout);
            return new Messaging(this, translation);
        }
    }
}

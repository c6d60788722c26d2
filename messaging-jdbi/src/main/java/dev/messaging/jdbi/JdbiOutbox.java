package dev.messaging.jdbi;

import dev.messaging.delivery.Consent;
import dev.messaging.delivery.ConsentCategory;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.LocationSettings;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.spi.DeliveryListSpec;
import dev.messaging.spi.DuplicateIdException;
import dev.messaging.spi.EarlyReport;
import dev.messaging.spi.OutboxStore;
import dev.messaging.spi.PagePosition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox's rows in one {@link JdbiTransaction}: the {@code delivery}, {@code consent} and
 * {@code location_settings} tables of its tenant, on the transaction's handle. None of these
 * statements is on a measured hot path but the delivery insert (fluent Jdbi with text-block SQL,
 * the insert and update on cached plain JDBC like the message rows).
 */
final class JdbiOutbox implements OutboxStore {
    private final JdbiTransaction tx;

    JdbiOutbox(JdbiTransaction tx) {
        this.tx = tx;
    }

    private static final String DELIVERY_INSERT = Column.insert("delivery", DeliveryTable.COLUMNS, "tenant");
    /** Deliveries of ids (a JSON array, the second parameter), by dialect; the tenant's key is the first. */
    private static final Map<Dialect, String> BY_IDS = Dialect.each(dialect -> "SELECT " + DeliveryTable.SELECT
            + " FROM delivery d WHERE d.tenant = ? AND d.id IN (" + dialect.textsIn("ids").replace(":ids", "?") + ")");
    private static final String DELIVERIES = "SELECT " + DeliveryTable.SELECT + " FROM delivery d WHERE d.tenant = :tenant";

    @Override
    public void insert(Delivery task) {
        tx.wroteDeliveries();
        tx.insertLater("delivery", task.id(), DELIVERY_INSERT,
                st -> st.setLong(Column.bind(st, 1, DeliveryTable.COLUMNS, task), tx.tenantKey()));
    }

    private Optional<Delivery> one(String condition, String name, String value) {
        return tx.query(DELIVERIES + " AND " + condition).bind(name, value)
                .map((rs, ctx) -> DeliveryTable.read(new Cells(rs), tx.tenant())).findOne();
    }

    @Override
    public Optional<Delivery> find(String id) {
        return one("d.id = :id", "id", id);
    }

    /**
     * PostgreSQL writes: the versions of the deliveries this transaction read and locked (claims
     * skip a locked row), by id: an update of one at that version cannot lose to a claim.
     */
    private final Map<String, Long> locked = new HashMap<>(2);

    @Override
    public List<Delivery> find(List<String> ids) {
        // a write reads its deliveries locked (PostgreSQL): claims skip them, so its update is sure to win
        boolean lock = tx.keepsWrites() && tx.writable();
        if (lock) {
            tx.messages().readWithDeliveries(ids); // an outcome asks for their messages next
        }
        List<Delivery> found = tx.rows(BY_IDS.get(tx.dialect()) + (lock ? " FOR UPDATE" : ""), st -> {
                    st.setLong(1, tx.tenantKey());
                    st.setString(2, Json.write(ids));
                }, rs -> DeliveryTable.read(new Cells(rs), tx.tenant()));
        if (lock) {
            found.forEach(task -> locked.put(task.id(), task.version()));
        }
        return found;
    }

    @Override
    public List<Delivery> list(DeliveryListSpec spec) {
        PagePosition after = spec.after();
        return new Filters(DELIVERIES)
                .and("d.status = :status", "status", spec.status() == null ? null : spec.status().wireValue())
                .and("d.channel = :channel", "channel", spec.channel() == null ? null : spec.channel().name())
                .and("d.created_date < :before", "before",
                        spec.createdBefore() == null ? null : spec.createdBefore().toEpochMilli())
                .and(after != null, "(d.created_date > :afterDate OR d.created_date = :afterDate AND d.id > :afterId)",
                        "afterDate", after == null ? null : after.date().toEpochMilli(), "afterId",
                        after == null ? null : after.id())
                .query(tx, " ORDER BY d.created_date, d.id LIMIT :limit").bind("limit", spec.limit())
                .map((rs, ctx) -> DeliveryTable.read(new Cells(rs), tx.tenant())).list();
    }

    @Override
    public int purge(Set<DeliveryStatus> statuses, Instant updatedBefore, int limit) {
        return tx.update("DELETE FROM delivery WHERE rid IN (SELECT rid FROM delivery WHERE tenant = :tenant"
                + " AND status IN (" + tx.dialect().textsIn("statuses") + ")"
                + " AND COALESCE(updated_date, created_date) < :before LIMIT :limit)")
                .bind("statuses", Json.write(statuses.stream().map(DeliveryStatus::wireValue).toList()))
                .bind("before", updatedBefore.toEpochMilli()).bind("limit", limit).execute();
    }

    private static final String EARLY_REPORTS = "SELECT provider_message_id, status, error, received_at"
            + " FROM early_report WHERE provider_message_id = ? ORDER BY rid";
    /** PostgreSQL writes: the early reports of a provider id a delivery was just given, read with that update. */
    private final Map<String, List<EarlyReport>> earlyReportsRead = new HashMap<>(1);

    private static EarlyReport earlyReport(ResultSet rs) throws SQLException {
        Cells in = new Cells(rs);
        return new EarlyReport(in.string(), in.wire(DeliveryStatus.class), in.string(), in.instant());
    }

    /** Deliveries of the tenant with a provider id. */
    private static final String PROVIDER_ID_OWNER = "SELECT id FROM delivery WHERE tenant = ? AND provider_message_id = ?";
    /**
     * PostgreSQL writes: the provider ids this transaction records, each with the delivery that has
     * it (null: none), as read under the tenant's lock (only the tenant's writes give provider ids).
     */
    private final Map<String, String> providerIdOwners = new HashMap<>(1);

    /**
     * PostgreSQL writes: the early reports of each provider id and the delivery that has it, kept
     * to go with the transaction's next read (its deliveries'), so that the updates recording them
     * need no round trip of their own (RoundTripsTest).
     */
    @Override
    public void recordingProviderIds(Collection<String> providerMessageIds) {
        if (!tx.keepsWrites() || !tx.writable()) {
            return;
        }
        for (String provider : providerMessageIds) {
            keepEarlyReports(provider);
            tx.keep(PROVIDER_ID_OWNER, st -> {
                st.setLong(1, tx.tenantKey());
                st.setString(2, provider);
            }, rs -> providerIdOwners.put(provider, rs.next() ? rs.getString(1) : null));
        }
    }

    private void keepEarlyReports(String provider) {
        tx.keep(EARLY_REPORTS, st -> st.setString(1, provider), rs -> {
            List<EarlyReport> reports = new ArrayList<>(0);
            while (rs.next()) {
                reports.add(earlyReport(rs));
            }
            earlyReportsRead.put(provider, reports);
        });
    }

    @Override
    public List<EarlyReport> takeEarlyReports(String providerMessageId) {
        List<EarlyReport> read = earlyReportsRead.remove(providerMessageId);
        List<EarlyReport> reports = read != null ? read
                : tx.rows(EARLY_REPORTS, st -> st.setString(1, providerMessageId), JdbiOutbox::earlyReport);
        if (!reports.isEmpty()) {
            tx.h().createUpdate("DELETE FROM early_report WHERE provider_message_id = :id")
                    .bind("id", providerMessageId).execute();
        }
        return reports;
    }

    @Override
    public Optional<Delivery> findByProviderId(String providerMessageId) {
        return one("d.provider_message_id = :provider", "provider", providerMessageId);
    }

    @Override
    public List<Delivery> ofMessage(String messageId) {
        return tx.query(DELIVERIES + " AND d.message_id = :message ORDER BY d.rid").bind("message", messageId)
                .map((rs, ctx) -> DeliveryTable.read(new Cells(rs), tx.tenant())).list();
    }

    @Override
    public boolean update(Delivery before, Delivery task) {
        tx.wroteDeliveries();
        List<Column<Delivery>> columns = Column.changed(DeliveryTable.COLUMNS, before, task);
        String sql = "UPDATE delivery SET " + Column.assignments(columns) + " WHERE id = ? AND tenant = ? AND version = ?";
        Jdbc.Parameters parameters = st -> {
            int next = Column.bind(st, 1, columns, task);
            st.setString(next, task.id());
            st.setLong(next + 1, tx.tenantKey());
            st.setLong(next + 2, before.version());
        };
        Long version = locked.remove(task.id());
        String provider = task.providerMessageId();
        boolean newProvider = provider != null && !provider.equals(before.providerMessageId());
        String owner = newProvider ? providerIdOwners.get(provider) : null;
        if (owner != null && !owner.equals(task.id())) {
            throw new DuplicateIdException(provider); // read with the deliveries: another delivery's
        }
        // read ahead (recordingProviderIds) and run: no other delivery has it
        boolean ownerKnown = newProvider && providerIdOwners.containsKey(provider);
        if (version != null && version == before.version() && (!newProvider || ownerKnown)) {
            // locked at that version in this transaction, and no unique key it could break (the
            // provider id is no other delivery's, read under the tenant's lock): sure to be written
            tx.writeExpecting(sql, parameters, 1, "delivery " + task.id() + " changed while locked");
            locked.put(task.id(), task.version());
            if (newProvider) {
                providerIdOwners.put(provider, task.id());
            }
            return true;
        }
        if (tx.keepsWrites() && newProvider && !earlyReportsRead.containsKey(provider)) {
            // a delivery given its provider id: the reports that came before it are asked for next
            keepEarlyReports(provider);
        }
        // the one unique key an update can break: the provider message id
        boolean updated = Failures.orDuplicate(task.providerMessageId(), () -> tx.execute(sql, parameters)) == 1;
        if (updated && version != null) {
            locked.put(task.id(), task.version());
        }
        return updated;
    }

    @Override
    public List<Consent> consentsOf(String customerId) {
        return tx.query(CONSENTS + " AND customer_id = :customer").bind("customer", customerId)
                .map((rs, ctx) -> consent(rs)).list();
    }

    @Override
    public List<Consent> consentsOf(Collection<String> customerIds) {
        return tx.query(CONSENTS + " AND customer_id IN (" + tx.dialect().textsIn("customers") + ")")
                .bind("customers", Json.write(List.copyOf(customerIds))).map((rs, ctx) -> consent(rs)).list();
    }

    private static final String CONSENTS = "SELECT customer_id, channel, category_id, subscribed, date, source, reason"
            + " FROM consent WHERE tenant = :tenant";

    private static Consent consent(ResultSet rs) throws SQLException {
        Cells in = new Cells(rs);
        String customer = in.string();
        DeliveryChannel channel = DeliveryChannel.valueOf(in.string());
        String category = in.string();
        return new Consent(customer, channel, category.isEmpty() ? null : category, in.bool(), in.instant(),
                in.string(), in.string());
    }

    @Override
    public void saveConsent(Consent consent) {
        tx.update("""
                INSERT INTO consent (tenant, customer_id, channel, category_id, subscribed, date, source, reason)
                VALUES (:tenant, :customer, :channel, :category, :subscribed, :date, :source, :reason)
                ON CONFLICT (tenant, customer_id, channel, category_id) DO UPDATE SET subscribed = excluded.subscribed,
                    date = excluded.date, source = excluded.source, reason = excluded.reason""")
                .bind("customer", consent.customerId()).bind("channel", consent.channel().name())
                .bind("category", consent.categoryId() == null ? "" : consent.categoryId())
                .bind("subscribed", consent.subscribed()).bind("date", Cells.millis(consent.date()))
                .bind("source", consent.source()).bind("reason", consent.reason()).execute();
    }

    @Override
    public List<ConsentCategory> consentCategories() {
        return tx.h().attach(SettingsSql.class).consentCategories(tx.tenantKey());
    }

    @Override
    public void saveConsentCategory(ConsentCategory c) {
        tx.h().attach(SettingsSql.class).saveConsentCategory(tx.tenantKey(), c.id(), c.name(), c.description(),
                c.channel() == null ? null : c.channel().name(), c.languageCode(), c.archived(),
                c.resubscriptionLegalFormId(), Cells.millis(c.createdDate()), Cells.millis(c.updatedDate()));
    }

    @Override
    public Optional<LocationSettings> locationSettings() {
        return tx.h().attach(SettingsSql.class).locationSettings(tx.tenantKey());
    }

    @Override
    public void saveLocationSettings(LocationSettings settings) {
        tx.h().attach(SettingsSql.class).saveLocationSettings(tx.tenantKey(), settings.timeZone().getId(),
                settings.quietStart().toString(), settings.quietEnd().toString());
    }
}

package dev.messaging.jdbi;

import static dev.messaging.jdbi.Cells.millis;
import static dev.messaging.jdbi.Cells.wire;

import dev.messaging.common.Tenant;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.DeliveryPurpose;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** The {@code delivery} table (the outbox): its columns and its mapper; the tenant key is bound by the statements. */
final class DeliveryTable {
    static final List<Column<Delivery>> COLUMNS = List.of(
            col("id", String.class, Delivery::id),
            col("purpose", String.class, t -> t.purpose().name()),
            col("channel", String.class, t -> t.channel().name()),
            col("message_id", String.class, Delivery::messageId),
            col("conversation_id", String.class, Delivery::conversationId),
            col("customer_id", String.class, Delivery::customerId),
            col("recipient_user_id", String.class, Delivery::recipientUserId),
            col("status", String.class, t -> wire(t.status())),
            col("attempts", Integer.class, Delivery::attempts),
            col("due_at", Long.class, t -> millis(t.dueAt())),
            col("lease_holder", String.class, Delivery::leaseHolder),
            col("lease_until", Long.class, t -> millis(t.leaseUntil())),
            col("provider_message_id", String.class, Delivery::providerMessageId),
            col("last_error", String.class, Delivery::lastError),
            col("created_date", Long.class, t -> millis(t.createdDate())),
            col("updated_date", Long.class, t -> millis(t.updatedDate())),
            col("version", Long.class, Delivery::version));

    static final String SELECT = Column.select(COLUMNS, "d");

    private DeliveryTable() {
    }

    private static Column<Delivery> col(String name, Class<?> type, Function<Delivery, Object> value) {
        return new Column<>(name, type, value);
    }

    /** Reads the {@link #SELECT} columns of a delivery of {@code tenant}. */
    static Delivery read(Cells in, Tenant tenant) throws SQLException {
        String id = in.string();
        try {
            return new Delivery(id, tenant.companyId(), tenant.locationId(),
                    DeliveryPurpose.valueOf(in.string()), DeliveryChannel.valueOf(in.string()), in.string(), in.string(),
                    in.string(), in.string(), in.wire(DeliveryStatus.class), in.intValue(), in.instant(), in.string(),
                    in.instant(), in.string(), in.string(), in.instant(), in.instant(), in.longValue());
        } catch (RuntimeException e) {
            throw Unreadable.row("delivery", id, e);
        }
    }
}

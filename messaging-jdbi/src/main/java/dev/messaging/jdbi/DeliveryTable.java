package dev.messaging.jdbi;

import static dev.messaging.jdbi.Cells.millis;
import static dev.messaging.jdbi.Cells.wire;

import dev.messaging.common.Tenant;
import dev.messaging.delivery.DeliveryPurpose;
import dev.messaging.delivery.DeliveryTask;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** The {@code delivery} table (the outbox): its columns and its mapper; the tenant key is bound by the statements. */
final class DeliveryTable {
    static final List<Column<DeliveryTask>> COLUMNS = List.of(
            col("id", String.class, DeliveryTask::id),
            col("purpose", String.class, t -> t.purpose().name()),
            col("channel", String.class, t -> t.channel().name()),
            col("message_id", String.class, DeliveryTask::messageId),
            col("conversation_id", String.class, DeliveryTask::conversationId),
            col("customer_id", String.class, DeliveryTask::customerId),
            col("recipient_user_id", String.class, DeliveryTask::recipientUserId),
            col("status", String.class, t -> wire(t.status())),
            col("attempts", Integer.class, DeliveryTask::attempts),
            col("due_at", Long.class, t -> millis(t.dueAt())),
            col("lease_holder", String.class, DeliveryTask::leaseHolder),
            col("lease_until", Long.class, t -> millis(t.leaseUntil())),
            col("provider_message_id", String.class, DeliveryTask::providerMessageId),
            col("last_error", String.class, DeliveryTask::lastError),
            col("created_date", Long.class, t -> millis(t.createdDate())),
            col("updated_date", Long.class, t -> millis(t.updatedDate())),
            col("version", Long.class, DeliveryTask::version));

    static final String SELECT = Column.select(COLUMNS, "d");

    private DeliveryTable() {
    }

    private static Column<DeliveryTask> col(String name, Class<?> type, Function<DeliveryTask, Object> value) {
        return new Column<>(name, type, value);
    }

    /** Reads the {@link #SELECT} columns of a delivery of {@code tenant}. */
    static DeliveryTask read(Cells in, Tenant tenant) throws SQLException {
        return new DeliveryTask(in.string(), tenant.companyId(), tenant.locationId(),
                DeliveryPurpose.valueOf(in.string()), DeliveryChannel.valueOf(in.string()), in.string(), in.string(),
                in.string(), in.string(), in.wire(DeliveryStatus.class), in.intValue(), in.instant(), in.string(),
                in.instant(), in.string(), in.string(), in.instant(), in.instant(), in.longValue());
    }
}

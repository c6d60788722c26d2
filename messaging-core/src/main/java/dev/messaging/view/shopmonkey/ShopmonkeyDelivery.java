package dev.messaging.view.shopmonkey;

import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.SendStep;
import dev.messaging.view.Iso;
import java.util.List;

/** One entry of a Shopmonkey message's {@code emailDeliveries} / {@code smsDeliveries}. */
public record ShopmonkeyDelivery(String status, String date, String error) {

    static List<ShopmonkeyDelivery> from(List<SendStep> deliveries) {
        return deliveries.stream().map(d -> new ShopmonkeyDelivery(ShopmonkeyStatus.of(d.status()),
                Iso.date(d.date()), d.error())).toList();
    }

    static List<SendStep> toDomain(String field, List<ShopmonkeyDelivery> deliveries) {
        return deliveries == null ? List.of() : deliveries.stream().map(d -> new SendStep(
                Iso.wire(DeliveryStatus.class, field + ".status", d.status()), Iso.date(field + ".date", d.date()),
                d.error())).toList();
    }
}
